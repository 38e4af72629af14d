/**
 * Property tests of the paginator over random documents: rows of any height (some
 * taller than a page), with or without cuts, blocks, section titles and sign-offs.
 * Whatever the input, every row's text is laid out once and in order, no page holds
 * more than fits, and a sign-off always shares its page with the end of its table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate, type MeasuredSegment, type PagePiece } from '../../../renderer/src/features/printing/paginate';

const PAD = 6;
const STEP = 18;

interface Doc {
  segments: MeasuredSegment[];
  first: number;
  rest: number;
}

const rowArb = fc.record({ height: fc.integer({ min: 20, max: 1400 }), splittable: fc.boolean() }).map((r) => {
  // Rows that cannot be cut stay short enough to fit on a page with its header and a sign-off.
  const height = r.splittable ? r.height : Math.min(r.height, 120);
  const cuts = r.splittable ? Array.from({ length: Math.floor((height - 1) / STEP) }, (_, i) => (i + 1) * STEP + 2) : [];
  return { height, cuts };
});

const docArb: fc.Arbitrary<Doc> = fc
  .record({
    first: fc.integer({ min: 500, max: 900 }),
    shrinkRest: fc.integer({ min: 0, max: 40 }),
    title: fc.integer({ min: 20, max: 120 }),
    tables: fc.array(
      fc.record({ head: fc.integer({ min: 0, max: 40 }), rows: fc.array(rowArb, { maxLength: 25 }), titled: fc.boolean(), sign: fc.integer({ min: 0, max: 150 }) }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ first, shrinkRest, title, tables }) => {
    const segments: MeasuredSegment[] = [{ kind: 'block', key: 'title', height: title }];
    tables.forEach((t, i) => {
      if (t.titled) segments.push({ kind: 'block', key: `t${i}-title`, height: 30, keepWithNext: true });
      segments.push({
        kind: 'table',
        key: `t${i}`,
        headHeight: t.head,
        rowHeights: t.rows.map((r) => r.height),
        rowCuts: t.rows.map((r) => r.cuts),
        rowPads: t.rows.map(() => PAD),
      });
      if (t.sign > 0) segments.push({ kind: 'block', key: `t${i}-sign`, height: t.sign, keepWithPrevious: true });
    });
    return { segments, first, rest: first - shrinkRest };
  });

function pieceHeight(doc: Doc, piece: PagePiece): number {
  const seg = doc.segments.find((s) => s.key === piece.key)!;
  if (seg.kind === 'block' || piece.kind === 'block') return seg.kind === 'block' ? seg.height : 0;
  let h = seg.headHeight;
  for (let r = piece.from; r < piece.to; r++) {
    const full = seg.rowHeights[r]!;
    const y0 = r === piece.from ? (piece.startY ?? 0) : 0;
    const y1 = r === piece.to - 1 ? (piece.endY ?? full) : full;
    h += y0 === 0 && y1 === full ? full : y1 - y0 + PAD;
  }
  return h;
}

describe('paginate (properties)', () => {
  it('lays out every row once, in order, in parts that join at cuts, and never overfills a page', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const pages = paginate(doc.segments, { first: doc.first, rest: doc.rest, minPart: 2 * STEP });
        expect(pages.every((p) => p.length > 0)).toBe(true);
        pages.forEach((page, i) => {
          const used = page.reduce((n, p) => n + pieceHeight(doc, p), 0);
          expect(used, `page ${i + 1}`).toBeLessThanOrEqual(i === 0 ? doc.first : doc.rest);
        });
        for (const seg of doc.segments) {
          const pieces = pages.flat().filter((p) => p.key === seg.key);
          if (seg.kind === 'block') {
            expect(pieces).toHaveLength(1);
            continue;
          }
          // Walk the row parts: each row starts at 0, its parts meet at the same cut, and ends whole.
          let row = 0;
          let y = 0;
          for (const p of pieces) {
            if (p.kind !== 'table') throw new Error('table piece expected');
            for (let r = p.from; r < p.to; r++) {
              const start = r === p.from ? (p.startY ?? 0) : 0;
              expect([r, start]).toEqual([row, y]);
              const end = r === p.to - 1 ? p.endY : undefined;
              if (end === undefined) {
                row++;
                y = 0;
              } else {
                expect(seg.rowCuts![r]).toContain(end);
                y = end;
              }
            }
          }
          expect(row).toBe(seg.rowHeights.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps each sign-off on a page with the end of its table', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const pages = paginate(doc.segments, { first: doc.first, rest: doc.rest, minPart: 2 * STEP });
        doc.segments.forEach((seg, i) => {
          if (seg.kind !== 'block' || !seg.keepWithPrevious) return;
          const table = doc.segments[i - 1];
          if (!table || table.kind !== 'table' || table.rowHeights.length === 0) return;
          const page = pages.find((p) => p.some((x) => x.key === seg.key))!;
          const last = table.rowHeights.length;
          expect(page.some((x) => x.kind === 'table' && x.key === table.key && x.to === last && x.endY === undefined)).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('never ends a page with a section title: the start of its table is on the same page', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const pages = paginate(doc.segments, { first: doc.first, rest: doc.rest, minPart: 2 * STEP });
        doc.segments.forEach((seg, i) => {
          const next = doc.segments[i + 1];
          if (seg.kind !== 'block' || !seg.keepWithNext || !next || next.kind !== 'table') return;
          const page = pages.find((p) => p.some((x) => x.key === seg.key))!;
          expect(page.some((x) => x.kind === 'table' && x.key === next.key)).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });
});
