/**
 * Cuts a stream of byte chunks into pieces of exactly `size` bytes, copying each byte
 * once: gzip output into frames, the export into the checksum's pieces, a restored export
 * into a Blob's parts. A full piece is handed to `onFull` and waited for before the next
 * byte is copied; it is the consumer's from then on (a fresh piece is started), unless
 * `reuse` is set for a consumer that copies it at once (a Blob), which the same buffer then
 * serves again.
 */
import { release } from './release';

export class PieceCutter {
  private piece: Uint8Array;
  private filled = 0;

  constructor(
    private readonly size: number,
    private readonly onFull: (piece: Uint8Array) => void | Promise<void>,
    private readonly reuse = false,
  ) {
    this.piece = new Uint8Array(size);
  }

  async push(chunk: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(this.size - this.filled, chunk.length - offset);
      this.piece.set(chunk.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.size) {
        const full = this.piece;
        this.filled = 0;
        if (!this.reuse) this.piece = new Uint8Array(this.size);
        await this.onFull(full);
      }
    }
  }

  /** The bytes of the unfinished piece, as a fresh array (empty when there are none); the cutter is done. */
  finish(): Uint8Array {
    const rest = this.piece.slice(0, this.filled);
    release(this.piece);
    this.filled = 0;
    return rest;
  }
}
