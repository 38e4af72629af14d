/** PieceCutter: whatever the chunks, the pieces are the bytes in order, every one but the last exactly full. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PieceCutter } from '../../../renderer/src/backup/pieces';

async function cut(chunks: Uint8Array[], size: number, reuse: boolean): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  // A reused buffer must be copied at once, as a Blob does.
  const cutter = new PieceCutter(size, (piece) => void pieces.push(reuse ? piece.slice() : piece), reuse);
  for (const chunk of chunks) await cutter.push(chunk);
  const rest = cutter.finish();
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

describe('PieceCutter', () => {
  it('hands over the bytes in order, in full pieces but the last, fresh or reused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 12 }), fc.integer({ min: 1, max: 17 }), fc.boolean(), async (chunks, size, reuse) => {
        const pieces = await cut(chunks, size, reuse);
        const all = chunks.flatMap((c) => [...c]);
        expect(pieces.flatMap((p) => [...p])).toEqual(all);
        pieces.slice(0, -1).forEach((p) => expect(p.length).toBe(size));
        expect(pieces.length).toBe(Math.ceil(all.length / size));
        if (!reuse) expect(new Set(pieces.map((p) => p.buffer)).size).toBe(pieces.length);
      }),
      { numRuns: 200 },
    );
  });
});
