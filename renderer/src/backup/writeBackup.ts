/**
 * Writes one backup file as a stream of byte chunks: header, manifest frame, then the
 * export compressed with gzip and cut into frames of FRAME_BYTES. One frame is held back
 * so the last can be sealed as final. Memory: a few frames in flight, whatever the size of
 * the database; every chunk is released as soon as it has been used (release.ts), plus
 * what the sink buffers (main writes each chunk to disk as it arrives).
 */
import { FRAME_BYTES, encodeHeader, headerDigestOf, sealFrame } from './format';
import { aesKeyOf, type BackupKey } from './keys';
import type { BackupManifest } from './manifest';
import { MANIFEST_FORMAT, payloadDigest, type ManifestFormat } from './payloadDigest';
import { codecTakesChunkOnWrite, release } from './release';

/**
 * Receives the file's bytes in order. The chunk is released once the returned promise
 * settles: a sink that keeps bytes copies them (a Blob of them, or `bytes.slice()`).
 */
export type ChunkSink = (bytes: Uint8Array) => Promise<void>;

/** Reads a blob as a stream, chunk by chunk, releasing each chunk after `take` is done with it (when `releasing`). */
async function eachChunk(data: Blob, take: (chunk: Uint8Array) => void | Promise<void>, releasing = true): Promise<void> {
  const reader = (data.stream() as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    await take(value);
    if (releasing) release(value);
  }
}

/** The manifest's `payload` for a blob (checksum by manifest format, payloadDigest.ts), read as a stream. */
export async function digestOfBlob(data: Blob, format: ManifestFormat = MANIFEST_FORMAT): Promise<{ bytes: number; sha256: string }> {
  const digest = payloadDigest(format);
  await eachChunk(data, (chunk) => digest.update(chunk));
  return digest.finish();
}

/**
 * Compresses a blob with gzip and re-cuts the output into pieces of exactly `size` bytes
 * (the last may be shorter). Each piece is fresh; the caller releases it.
 */
async function* gzipFrames(data: Blob, size: number): AsyncGenerator<Uint8Array> {
  const gzip = new CompressionStream('gzip');
  const writer = (gzip.writable as WritableStream<Uint8Array>).getWriter();
  // The export is written into the compressor chunk by chunk (not piped) so each chunk can
  // be released once the compressor has taken it (release.ts: codecTakesChunkOnWrite).
  const feeding = eachChunk(data, (chunk) => writer.write(chunk), codecTakesChunkOnWrite).then(
    () => writer.close(),
    (error: unknown) => writer.abort(error),
  );
  feeding.catch(() => undefined);
  const reader = (gzip.readable as ReadableStream<Uint8Array>).getReader();
  let pending = new Uint8Array(size);
  let filled = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let offset = 0;
      while (offset < value.length) {
        const take = Math.min(size - filled, value.length - offset);
        pending.set(value.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === size) {
          yield pending;
          pending = new Uint8Array(size);
          filled = 0;
        }
      }
      release(value);
    }
    await feeding;
  } finally {
    // A consumer that stops early (a failed sink) leaves the compressor: cancel it.
    await reader.cancel().catch(() => undefined);
  }
  if (filled > 0) yield pending.subarray(0, filled);
}

export async function writeBackup(key: BackupKey, manifest: BackupManifest, data: Blob, sink: ChunkSink): Promise<void> {
  const headerBytes = encodeHeader({ cipher: 'AES-256-GCM', kdf: key.kdf, keyCheck: key.keyCheck });
  const digest = await headerDigestOf(headerBytes);
  const aes = await aesKeyOf(key);
  await sink(headerBytes);
  const emit = async (frame: Uint8Array) => {
    await sink(frame);
    release(frame);
  };
  await emit(await sealFrame(aes, digest, 0, false, new TextEncoder().encode(JSON.stringify(manifest))));
  let index = 1;
  let held: Uint8Array | null = null;
  for await (const piece of gzipFrames(data, FRAME_BYTES)) {
    if (held) {
      await emit(await sealFrame(aes, digest, index++, false, held));
      release(held);
    }
    held = piece;
  }
  // gzip output is never empty (10-byte header at least), so there is always a last frame.
  await emit(await sealFrame(aes, digest, index, true, held ?? new Uint8Array(0)));
}
