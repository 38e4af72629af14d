/**
 * Writes one backup file as a stream of byte chunks: header, manifest frame, then the
 * export compressed with gzip and cut into frames of FRAME_BYTES. One frame is held back
 * so the last can be sealed as final. Memory: one frame in flight, plus what the sink
 * buffers (main writes each chunk to disk as it arrives).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { FRAME_BYTES, encodeHeader, headerDigestOf, sealFrame } from './format';
import { aesKeyOf, type BackupKey } from './keys';
import type { BackupManifest } from './manifest';

export type ChunkSink = (bytes: Uint8Array) => Promise<void>;

/** SHA-256 and length of a blob, read as a stream (never whole in memory). */
export async function digestOfBlob(data: Blob): Promise<{ bytes: number; sha256: string }> {
  const hash = sha256.create();
  let bytes = 0;
  const reader = data.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    bytes += value.length;
  }
  return { bytes, sha256: bytesToHex(hash.digest()) };
}

/** Re-cuts a byte stream into pieces of exactly `size` bytes (the last may be shorter). */
async function* rechunk(stream: ReadableStream<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let pending = new Uint8Array(size);
  let filled = 0;
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
  }
  if (filled > 0) yield pending.subarray(0, filled);
}

export async function writeBackup(key: BackupKey, manifest: BackupManifest, data: Blob, sink: ChunkSink): Promise<void> {
  const headerBytes = encodeHeader({ cipher: 'AES-256-GCM', kdf: key.kdf, keyCheck: key.keyCheck });
  const digest = await headerDigestOf(headerBytes);
  const aes = await aesKeyOf(key);
  await sink(headerBytes);
  await sink(await sealFrame(aes, digest, 0, false, new TextEncoder().encode(JSON.stringify(manifest))));
  const compressed = data.stream().pipeThrough(new CompressionStream('gzip')) as ReadableStream<Uint8Array>;
  let index = 1;
  let held: Uint8Array | null = null;
  for await (const piece of rechunk(compressed, FRAME_BYTES)) {
    if (held) await sink(await sealFrame(aes, digest, index++, false, held));
    held = piece;
  }
  // gzip output is never empty (10-byte header at least), so there is always a last frame.
  await sink(await sealFrame(aes, digest, index, true, held ?? new Uint8Array(0)));
}
