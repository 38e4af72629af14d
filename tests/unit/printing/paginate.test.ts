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

describe('paginate: split rows and sign-offs', () => {
  const cutsEvery = (step: number, height: number) => Array.from({ length: Math.floor((height - 1) / step) }, (_, i) => (i + 1) * step);
  const splitTable = (key: string, headHeight: number, rows: number[], step = 10, pad = 4): MeasuredSegment => ({
    kind: 'table',
    key,
    headHeight,
    rowHeights: rows,
    rowCuts: rows.map((h) => cutsEvery(step, h)),
    rowPads: rows.map(() => pad),
  });

  it('splits a row taller than a page across pages at its cuts, header on each', () => {
    const pages = paginate([splitTable('t', 10, [250])], { first: 100, rest: 100, minPart: 20 });
    const pieces = pages.map((p) => p[0]);
    expect(pages.every((p) => p.length === 1)).toBe(true);
    expect(pieces[0]).toMatchObject({ from: 0, to: 1, endY: 80 });
    expect(pieces[1]).toMatchObject({ from: 0, to: 1, startY: 80, endY: 160 });
    expect(pieces.at(-1)).toMatchObject({ startY: expect.any(Number) as number });
    expect(pieces.at(-1)).not.toHaveProperty('endY');
  });

  it('moves a short row whole but cuts a tall one where it meets the foot of a page', () => {
    // 60 used: a 50-high row (under a quarter of the page room) moves whole.
    expect(paginate([block('top', 60), splitTable('t', 10, [50])], { first: 200, rest: 200 })).toHaveLength(1);
    const short = paginate([block('top', 150), splitTable('t', 10, [45])], { first: 200, rest: 200 });
    expect(short[1]![0]).toEqual({ kind: 'table', key: 't', from: 0, to: 1 });
    // A 150-high row starting low on the page is cut, its rest continuing on the next page.
    const tall = paginate([block('top', 100), splitTable('t', 10, [150])], { first: 200, rest: 200, minPart: 20 });
    expect(tall[0]![1]).toMatchObject({ kind: 'table', from: 0, to: 1, endY: 80 });
    expect(tall[1]![0]).toMatchObject({ kind: 'table', from: 0, to: 1, startY: 80 });
  });

  it('takes the last row along when the sign-off has to move', () => {
    const sign: MeasuredSegment = { kind: 'block', key: 'sign', height: 40, keepWithPrevious: true };
    const pages = paginate([splitTable('t', 10, [30, 30, 25]), sign], 100);
    expect(pages).toEqual([
      [{ kind: 'table', key: 't', from: 0, to: 2 }],
      [
        { kind: 'table', key: 't', from: 2, to: 3 },
        { kind: 'block', key: 'sign' },
      ],
    ]);
    // A single tall last row gives its last lines instead.
    const one = paginate([block('top', 20), splitTable('t', 10, [65]), sign], { first: 100, rest: 100, minPart: 10 });
    expect(one[1]![0]).toMatchObject({ kind: 'table', from: 0, to: 1, startY: expect.any(Number) as number });
    expect(one[1]![1]).toEqual({ kind: 'block', key: 'sign' });
  });
});

describe('paginate: a section title before a tall row', () => {
  it('stays with the first lines of a row that will be split, and moves when even those do not fit', () => {
    const title: MeasuredSegment = { kind: 'block', key: 'title', height: 10, keepWithNext: true };
    const tall: MeasuredSegment = {
      kind: 'table',
      key: 't',
      headHeight: 10,
      rowHeights: [300],
      rowCuts: [Array.from({ length: 29 }, (_, i) => (i + 1) * 10)],
      rowPads: [4],
    };
    const sizes = { first: 200, rest: 200, minPart: 20 };
    // 120 used: title (10) + header (10) + the row's first 20 lines fit; the row is split under the title.
    const roomy = paginate([block('top', 120), title, tall], sizes);
    expect(roomy[0]!.map((p) => p.key)).toEqual(['top', 'title', 't']);
    // 170 used: title (10) + header (10) + even two lines do not fit, so the title moves with the row.
    const tight = paginate([block('top', 170), title, tall], sizes);
    expect(tight[0]!.map((p) => p.key)).toEqual(['top']);
    expect(tight[1]![0]).toEqual({ kind: 'block', key: 'title' });
    expect(tight[1]![1]).toMatchObject({ kind: 'table', key: 't', from: 0 });
  });
});
