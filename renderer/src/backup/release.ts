/**
 * Frees a chunk's memory at once instead of at some later garbage collection. Chromium
 * counts ArrayBuffer memory in the page's JavaScript heap and V8 frees a dropped buffer
 * only when a collection runs; a backup streams hundreds of megabytes through fresh
 * 1 MiB buffers (Blob stream chunks, gzip output, AES-GCM output, decrypted frames), so
 * without this the heap grew with the database (+257 MB for a 437 MB export) although
 * only a frame or two was ever in use. Detaching a buffer (`transfer(0)`) releases its
 * memory now. Only buffers the caller owns whole are released; a view into a larger or
 * shared buffer is left alone.
 */
type Transferable = ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };

export function release(bytes: Uint8Array): void {
  const buffer = bytes.buffer as Transferable;
  if (typeof SharedArrayBuffer !== 'undefined' && (bytes.buffer as unknown) instanceof SharedArrayBuffer) return;
  // Nothing to free in an empty or already released buffer (transfer would throw on the latter).
  if (buffer.byteLength === 0) return;
  if (bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength || typeof buffer.transfer !== 'function') return;
  buffer.transfer(0);
}

/** The bytes as WebCrypto and Blob parts take them (never a SharedArrayBuffer here), without a copy. */
export const asBuffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => bytes as Uint8Array<ArrayBuffer>;

/**
 * Whether a chunk written to a CompressionStream or DecompressionStream has been taken
 * once the write settles, so it can be released then. The Streams and Compression specs
 * run the transform before a write settles, and Chromium (so Electron) does; Node's
 * implementation (the tests) settles a write as soon as the chunk is queued, so there
 * the chunk is left to the collector.
 */
export const codecTakesChunkOnWrite: boolean = typeof navigator !== 'undefined' && /Chrome\//.test(navigator.userAgent);
