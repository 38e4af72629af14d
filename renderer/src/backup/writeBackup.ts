/**
 * Writes one backup file (container version 2) as a stream of byte chunks: header,
 * manifest frame, the export's text compressed with gzip and cut into frames of
 * FRAME_BYTES as it is written, then the trailer (the export's length and checksum) as the
 * final frame. Memory: the page being written, a frame or two in flight and what the sink
 * buffers, whatever the size of the database — the export is never whole anywhere. Every
 * chunk is released as soon as it has been used (release.ts).
 */
import { CONTAINER_VERSION, FRAME_BYTES, encodeHeader, headerDigestOf, sealFrame } from './format';
import { aesKeyOf, type BackupKey } from './keys';
import type { BackupManifest, PayloadSummary } from './manifest';
import { MANIFEST_FORMAT, payloadDigest } from './payloadDigest';
import { PieceCutter } from './pieces';
import { codecTakesChunkOnWrite, release } from './release';

/**
 * Receives the file's bytes in order. The chunk is released once the returned promise
 * settles: a sink that keeps bytes copies them (a Blob of them, or `bytes.slice()`).
 */
export type ChunkSink = (bytes: Uint8Array) => Promise<void>;

export interface BackupWriter {
  /** Frame 0, before any data: what a restore shows before anything changes. */
  manifest(manifest: BackupManifest): Promise<void>;
  /** Export text, in order; settles once the compressor has taken it (backpressure from the sink). */
  write(text: string): Promise<void>;
  /** Ends the data and seals the trailer as the final frame. */
  finish(): Promise<PayloadSummary>;
  /** Stops the compressor after a failure elsewhere; the file is then incomplete. */
  abort(reason: unknown): Promise<void>;
}

/** Sends the header to the sink at once; the manifest must be the first thing written after it. */
export async function openBackupWriter(key: BackupKey, sink: ChunkSink): Promise<BackupWriter> {
  const headerBytes = encodeHeader({ cipher: 'AES-256-GCM', kdf: key.kdf, keyCheck: key.keyCheck }, CONTAINER_VERSION);
  const headerDigest = await headerDigestOf(headerBytes);
  const aes = await aesKeyOf(key);
  await sink(headerBytes);
  let index = 0;
  const emit = async (plain: Uint8Array, final: boolean) => {
    const frame = await sealFrame(aes, headerDigest, index++, final, plain);
    await sink(frame);
    release(frame);
  };

  const digest = payloadDigest(MANIFEST_FORMAT);
  const gzip = new CompressionStream('gzip');
  const writer = (gzip.writable as WritableStream<Uint8Array>).getWriter();
  let started = false;
  // Cuts the compressor's output into frames and hands them to the sink. While the sink is
  // busy nothing is read, so the compressor stops taking input and `write` waits.
  const framing = async () => {
    const reader = (gzip.readable as ReadableStream<Uint8Array>).getReader();
    const frames = new PieceCutter(FRAME_BYTES, async (frame) => {
      await emit(frame, false);
      release(frame);
    });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await frames.push(value);
        release(value);
      }
      // gzip output is never empty (10-byte header at least), so there is always a data frame.
      const last = frames.finish();
      if (last.length > 0) await emit(last, false);
      release(last);
    } catch (error) {
      // A failed sink: cancelling the compressor's output errors its input too, so a
      // `write` waiting on backpressure fails instead of waiting forever.
      await reader.cancel(error).catch(() => undefined);
      await writer.abort(error).catch(() => undefined);
      throw error;
    }
  };
  let framed: Promise<void> | null = null;
  const encoder = new TextEncoder();

  return {
    async manifest(manifest) {
      if (started) throw new Error('The manifest goes first, once');
      if (manifest.format !== MANIFEST_FORMAT || manifest.payload !== undefined) throw new Error(`This writer writes manifest format ${MANIFEST_FORMAT}, without a payload`);
      started = true;
      await emit(encoder.encode(JSON.stringify(manifest)), false);
      framed = framing();
      framed.catch(() => undefined);
    },
    async write(text) {
      if (!framed) throw new Error('Write the manifest before the data');
      const bytes = encoder.encode(text);
      await digest.update(bytes);
      await writer.ready;
      await writer.write(bytes);
      if (codecTakesChunkOnWrite) release(bytes);
    },
    async finish() {
      if (!framed) throw new Error('Write the manifest before the data');
      await writer.close();
      await framed;
      const payload = await digest.finish();
      await emit(encoder.encode(JSON.stringify({ payload })), true);
      return payload;
    },
    async abort(reason) {
      await writer.abort(reason).catch(() => undefined);
      await framed?.catch(() => undefined);
    },
  };
}
