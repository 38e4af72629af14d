import { describe, expect, it } from 'vitest';
import { paginate, type MeasuredSegment } from '../../../renderer/src/features/printing/paginate';

const block = (key: string, height: number): MeasuredSegment => ({ kind: 'block', key, height });
const table = (key: string, headHeight: number, rowHeights: number[]): MeasuredSegment => ({
  kind: 'table',
  key,
  headHeight,
  rowHeights,
});

describe('paginate', () => {
  it('keeps everything on one page when it fits', () => {
    expect(paginate([block('title', 50), table('t', 20, [10, 10]), block('sign', 30)], 200)).toEqual([
      [
        { kind: 'block', key: 'title' },
        { kind: 'table', key: 't', from: 0, to: 2 },
        { kind: 'block', key: 'sign' },
      ],
    ]);
  });

  it('moves a block that does not fit to the next page', () => {
    const pages = paginate([block('a', 60), block('b', 50)], 100);
    expect(pages).toEqual([[{ kind: 'block', key: 'a' }], [{ kind: 'block', key: 'b' }]]);
  });

  it('repeats the table header on each page and loses no row', () => {
    const rows = Array.from({ length: 200 }, () => 10);
    const pages = paginate([block('title', 35), table('t', 15, rows), block('sign', 40)], 100);
    const pieces = pages.flat().filter((p) => p.kind === 'table');
    // Page 1: 35 + 15 + 5 rows; following pages: 15 + 8 rows.
    expect(pieces[0]).toEqual({ kind: 'table', key: 't', from: 0, to: 5 });
    expect(pieces[1]).toEqual({ kind: 'table', key: 't', from: 5, to: 13 });
    const covered = pieces.flatMap((p) => (p.kind === 'table' ? Array.from({ length: p.to - p.from }, (_, i) => p.from + i) : []));
    expect(covered).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(pages.every((page) => page.length > 0)).toBe(true);
    expect(pages[pages.length - 1]).toContainEqual({ kind: 'block', key: 'sign' });
  });

  it('does not leave a header alone at the bottom of a page', () => {
    const pages = paginate([block('title', 80), table('t', 15, [10, 10])], 100);
    expect(pages).toEqual([[{ kind: 'block', key: 'title' }], [{ kind: 'table', key: 't', from: 0, to: 2 }]]);
  });

  it('puts a row taller than a page alone on its own page instead of looping', () => {
    const pages = paginate([table('t', 10, [20, 500, 20])], 100);
    expect(pages.map((p) => p.map((x) => (x.kind === 'table' ? [x.from, x.to] : x.key)))).toEqual([
      [[0, 1]],
      [[1, 2]],
      [[2, 3]],
    ]);
  });

  it('prints an empty table as its header', () => {
    expect(paginate([table('t', 15, [])], 100)).toEqual([[{ kind: 'table', key: 't', from: 0, to: 0 }]]);
  });

  it('rejects a page height that would never fit anything', () => {
    expect(() => paginate([block('a', 1)], 0)).toThrow(/positive/);
  });
});
