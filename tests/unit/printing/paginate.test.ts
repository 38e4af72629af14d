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

  it('keeps a section title with the start of what follows it', () => {
    const title = (key: string, height: number): MeasuredSegment => ({ kind: 'block', key, height, keepWithNext: true });
    // 60 used; the title (10) fits, but the table's header and first row (15 + 20) do not: the title moves too.
    const pages = paginate([block('top', 60), title('t-title', 10), table('t', 15, [20, 20])], 100);
    expect(pages).toEqual([
      [{ kind: 'block', key: 'top' }],
      [
        { kind: 'block', key: 't-title' },
        { kind: 'table', key: 't', from: 0, to: 2 },
      ],
    ]);
    // Before a block: the title goes with it.
    expect(paginate([block('top', 60), title('s', 10), block('sign', 40)], 100)).toEqual([
      [{ kind: 'block', key: 'top' }],
      [
        { kind: 'block', key: 's' },
        { kind: 'block', key: 'sign' },
      ],
    ]);
    // When title and first row fit, nothing moves; an empty table counts its header only.
    expect(paginate([block('top', 50), title('t-title', 10), table('t', 15, [20, 20])], 100)[0]).toEqual([
      { kind: 'block', key: 'top' },
      { kind: 'block', key: 't-title' },
      { kind: 'table', key: 't', from: 0, to: 1 },
    ]);
    expect(paginate([block('top', 70), title('t-title', 10), table('t', 15, [])], 100)).toHaveLength(1);
    // A title with nothing after it, or one that could not fit with its next part on any page, is an ordinary block.
    expect(paginate([block('top', 85), title('end', 10)], 100)).toHaveLength(1);
    expect(paginate([block('top', 50), title('t-title', 10), table('t', 15, [95])], 100)).toEqual([
      [
        { kind: 'block', key: 'top' },
        { kind: 'block', key: 't-title' },
      ],
      [{ kind: 'table', key: 't', from: 0, to: 1 }],
    ]);
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
