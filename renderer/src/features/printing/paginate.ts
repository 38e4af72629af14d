/**
 * Splits a measured document into pages. Pure: heights in, page layout out, so the
 * preview and the paper agree by construction (each computed page is one printed sheet).
 *
 * - A block (title, header lines, signature area) never splits: it moves to the next
 *   page when it does not fit, unless the page is still empty. A block marked
 *   `keepWithNext` (a section title) also moves when the start of what follows it (the
 *   next block, or a table's header and first row) would not fit under it. A block marked
 *   `keepWithPrevious` (a sign-off) that has to move takes the last row of the table
 *   before it along (or the last lines of that row), so it never stands on a sheet alone.
 * - A table splits between rows; every page the table continues on starts with its
 *   header again. A row that does not fit in the space left moves to the next page
 *   whole when it is short; a tall one (or one taller than a page) is split at one of
 *   its clean cuts (heights between two lines of every text cell), each part drawn
 *   with the row's cell padding, the rest continuing on the next page.
 */

export type MeasuredSegment =
  | { kind: 'block'; key: string; height: number; keepWithNext?: boolean; keepWithPrevious?: boolean }
  | {
      kind: 'table';
      key: string;
      headHeight: number;
      rowHeights: number[];
      /** Per row: heights from the row's top where it may be cut, ascending (none: the row never splits). */
      rowCuts?: (readonly number[] | undefined)[];
      /** Per row: what a part of a split row adds to its share of the height (cell padding and borders). */
      rowPads?: (number | undefined)[];
    };

export type PagePiece =
  | { kind: 'block'; key: string }
  /**
   * Rows [from, to) of the table, drawn under a repeated header. `startY`: the first row
   * starts at this cut (its earlier lines are on the page before); `endY`: the last row
   * ends at this cut (its later lines continue on the next page).
   */
  | { kind: 'table'; key: string; from: number; to: number; startY?: number; endY?: number };

export interface PageSizes {
  /** Height of the first page's body. */
  first: number;
  /** Height of the body of every following page (smaller: it carries a running head). */
  rest: number;
  /** The least height of text a split leaves on either side of a cut (about two lines). */
  minPart?: number;
}

type TablePiece = Extract<PagePiece, { kind: 'table' }>;
type TableSeg = Extract<MeasuredSegment, { kind: 'table' }>;

export function paginate(segments: readonly MeasuredSegment[], size: number | PageSizes): PagePiece[][] {
  const sizes: PageSizes = typeof size === 'number' ? { first: size, rest: size } : size;
  if (!(sizes.first > 0) || !(sizes.rest > 0)) throw new Error(`paginate: page height must be positive, got ${sizes.first}/${sizes.rest}`);
  const minPart = sizes.minPart ?? 0;
  const pages: PagePiece[][] = [[]];
  // Height used on each page (parallel to pages), so a piece taken back can give its height back.
  const usedOn: number[] = [0];
  const cap = (page: number) => (page === 0 ? sizes.first : sizes.rest);
  const last = () => pages.length - 1;
  const free = () => cap(last()) - usedOn[last()]!;
  const isEmpty = () => pages[last()]!.length === 0;
  const put = (piece: PagePiece, height: number) => {
    pages[last()]!.push(piece);
    usedOn[last()] = usedOn[last()]! + height;
  };
  const newPage = () => {
    pages.push([]);
    usedOn.push(0);
  };

  const rowPad = (seg: TableSeg, row: number) => seg.rowPads?.[row] ?? 0;
  /**
   * The least of a segment that must follow a section title on its page: a whole block, or a
   * table's header with its first row, or only the first lines of that row when it is tall
   * enough to be split (the first part of a split row keeps at least a tenth of a page).
   */
  const firstPart = (seg: MeasuredSegment, page: number): number => {
    if (seg.kind === 'block') return seg.height;
    const row = seg.rowHeights[0] ?? 0;
    const cuts = seg.rowCuts?.[0] ?? [];
    const splits = cuts.length > 0 && row > (cap(page) - seg.headHeight) / 4;
    const least = Math.max(minPart, cap(page) / 10);
    const firstCut = cuts.find((y) => y >= least);
    return seg.headHeight + (splits && firstCut !== undefined ? Math.min(row, firstCut + rowPad(seg, 0)) : row);
  };
  /** Height of the part [y0, y1) of a row (y1 = the row's height for its end). */
  const partHeight = (seg: TableSeg, row: number, y0: number, y1: number) => {
    const h = seg.rowHeights[row]!;
    if (y0 === 0 && y1 >= h) return h;
    return y1 - y0 + rowPad(seg, row);
  };
  /** The latest cut after y0 whose part [y0, cut) fits in `room` and leaves enough on both sides. */
  const cutWithin = (seg: TableSeg, row: number, y0: number, room: number, minFirst: number): number | null => {
    const h = seg.rowHeights[row]!;
    const cuts = seg.rowCuts?.[row] ?? [];
    let best: number | null = null;
    for (const y of cuts) {
      if (y <= y0 || y - y0 < minFirst || h - y < minPart) continue;
      if (partHeight(seg, row, y0, y) <= room) best = y;
    }
    return best;
  };

  function placeTable(seg: TableSeg) {
    if (seg.rowHeights.length === 0) {
      if (!isEmpty() && seg.headHeight > free()) newPage();
      put({ kind: 'table', key: seg.key, from: 0, to: 0 }, seg.headHeight);
      return;
    }
    let piece: TablePiece | null = null;
    const extend = (row: number, y0: number, y1: number | null) => {
      if (!piece) {
        piece = { kind: 'table', key: seg.key, from: row, to: row };
        if (y0 > 0) piece.startY = y0;
        put(piece, seg.headHeight);
      }
      piece.to = row + 1;
      if (y1 !== null) piece.endY = y1;
      usedOn[last()] = usedOn[last()]! + partHeight(seg, row, y0, y1 ?? seg.rowHeights[row]!);
    };
    seg.rowHeights.forEach((h, row) => {
      let y0 = 0;
      // Each turn places the rest of the row, or a part of it and starts a new page.
      for (;;) {
        const rest = partHeight(seg, row, y0, h);
        const head = piece ? 0 : seg.headHeight;
        if (rest + head <= free()) {
          extend(row, y0, null);
          return;
        }
        const pageRoom = cap(pages.length) - seg.headHeight;
        const tooTallForAnyPage = rest > pageRoom;
        // A short row moves whole; a tall one is cut rather than leave a large gap.
        const minFirst = Math.max(minPart, tooTallForAnyPage ? 0 : cap(last()) / 10);
        const cut = cutWithin(seg, row, y0, free() - head, minFirst);
        if (cut !== null && (tooTallForAnyPage || rest > pageRoom / 4)) {
          extend(row, y0, cut);
          newPage();
          piece = null;
          y0 = cut;
          continue;
        }
        if (!isEmpty()) {
          newPage();
          piece = null;
          continue;
        }
        // An empty page and still no fit: cut wherever possible, or draw it whole as a last resort.
        const anyCut = cutWithin(seg, row, y0, free() - head, 0);
        if (anyCut !== null) {
          extend(row, y0, anyCut);
          newPage();
          piece = null;
          y0 = anyCut;
          continue;
        }
        extend(row, y0, null);
        return;
      }
    });
  }

  /**
   * A sign-off that does not fit: move the last row of the table before it (or its last
   * lines) to the next page with it. Returns false when nothing could be moved.
   */
  function carryLastRow(seg: TableSeg, blockHeight: number): boolean {
    const page = pages[last()]!;
    const piece = page[page.length - 1];
    if (!piece || piece.kind !== 'table' || piece.key !== seg.key || piece.to === piece.from) return false;
    const row = piece.to - 1;
    const rowStart = row === piece.from ? (piece.startY ?? 0) : 0;
    const h = seg.rowHeights[row]!;
    const nextCap = cap(pages.length);
    const wholeRowMoves = piece.to - piece.from > 1 && seg.headHeight + partHeight(seg, row, 0, h) + blockHeight <= nextCap;
    if (wholeRowMoves) {
      usedOn[last()] = usedOn[last()]! - partHeight(seg, row, 0, h);
      piece.to = row;
      newPage();
      put({ kind: 'table', key: seg.key, from: row, to: row + 1 }, seg.headHeight + partHeight(seg, row, 0, h));
      return true;
    }
    // Otherwise cut the row so that its last lines go along: the latest cut whose tail fits.
    const cuts = (seg.rowCuts?.[row] ?? []).filter((y) => y > rowStart && y - rowStart >= minPart && h - y >= minPart);
    const fitting = cuts.filter((y) => seg.headHeight + partHeight(seg, row, y, h) + blockHeight <= nextCap);
    const y = fitting[0];
    if (y === undefined) return moveWholePiece(seg, blockHeight);
    usedOn[last()] = usedOn[last()]! - partHeight(seg, row, rowStart, h) + partHeight(seg, row, rowStart, y);
    piece.endY = y;
    newPage();
    put({ kind: 'table', key: seg.key, from: row, to: row + 1, startY: y }, seg.headHeight + partHeight(seg, row, y, h));
    return true;
  }

  /**
   * A table that starts on this page with a single row that cannot be cut: it moves to
   * the next page with the sign-off, taking its section title along if one stands right
   * before it. Not when that would leave the page empty.
   */
  function moveWholePiece(seg: TableSeg, blockHeight: number): boolean {
    const page = pages[last()]!;
    const piece = page[page.length - 1];
    if (!piece || piece.kind !== 'table' || piece.from !== 0 || piece.to !== 1 || piece.startY !== undefined) return false;
    const before = page[page.length - 2];
    const beforeSeg = before ? segments.find((x) => x.key === before.key) : undefined;
    const title = beforeSeg?.kind === 'block' && beforeSeg.keepWithNext ? beforeSeg : null;
    const moving = (title ? title.height : 0) + seg.headHeight + seg.rowHeights[0]!;
    const count = title ? 2 : 1;
    if (page.length <= count || moving + blockHeight > cap(pages.length)) return false;
    const moved = page.splice(page.length - count, count);
    usedOn[last()] = usedOn[last()]! - moving;
    newPage();
    for (const p of moved) pages[last()]!.push(p);
    usedOn[last()] = moving;
    return true;
  }

  segments.forEach((seg, index) => {
    if (seg.kind === 'table') return placeTable(seg);
    if (isEmpty() || seg.height <= free()) {
      const next = seg.keepWithNext ? segments[index + 1] : undefined;
      // Kept with the next part only where the two can share a page at all.
      const kept = next && seg.height + firstPart(next, pages.length) <= cap(pages.length) ? firstPart(next, last()) : 0;
      if (!isEmpty() && seg.height + kept > free()) newPage();
      put({ kind: 'block', key: seg.key }, seg.height);
      return;
    }
    const before = segments[index - 1];
    if (!(seg.keepWithPrevious && before?.kind === 'table' && carryLastRow(before, seg.height))) newPage();
    put({ kind: 'block', key: seg.key }, seg.height);
  });
  return pages;
}
