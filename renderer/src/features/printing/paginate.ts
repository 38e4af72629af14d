/**
 * Splits a measured document into pages. Pure: heights in, page layout out, so the
 * preview and the paper agree by construction (each computed page is one printed sheet).
 *
 * - A block (title, header lines, signature area) never splits: it moves to the next
 *   page when it does not fit, unless the page is still empty. A block marked
 *   `keepWithNext` (a section title) also moves when the start of what follows it (the
 *   next block, or a table's header and first row) would not fit under it.
 * - A table splits between rows; every page the table continues on starts with its
 *   header again. A row never splits unless it alone is taller than a page.
 */

export type MeasuredSegment =
  | { kind: 'block'; key: string; height: number; keepWithNext?: boolean }
  | { kind: 'table'; key: string; headHeight: number; rowHeights: number[] };

export type PagePiece =
  | { kind: 'block'; key: string }
  /** Rows [from, to) of the table, drawn under a repeated header. */
  | { kind: 'table'; key: string; from: number; to: number };

/** The least of a segment that can start a page: a whole block, or a table's header and first row. */
function firstPart(seg: MeasuredSegment): number {
  return seg.kind === 'block' ? seg.height : seg.headHeight + (seg.rowHeights[0] ?? 0);
}

export function paginate(segments: readonly MeasuredSegment[], pageHeight: number): PagePiece[][] {
  if (!(pageHeight > 0)) throw new Error(`paginate: page height must be positive, got ${pageHeight}`);
  const pages: PagePiece[][] = [[]];
  let used = 0;
  const current = () => pages[pages.length - 1]!;
  const newPage = () => {
    pages.push([]);
    used = 0;
  };

  segments.forEach((seg, index) => {
    if (seg.kind === 'block') {
      const next = seg.keepWithNext ? segments[index + 1] : undefined;
      // Kept with the next part only where the two can share a page at all.
      const kept = next && seg.height + firstPart(next) <= pageHeight ? firstPart(next) : 0;
      if (used > 0 && used + seg.height + kept > pageHeight) newPage();
      current().push({ kind: 'block', key: seg.key });
      used += seg.height;
      return;
    }
    if (seg.rowHeights.length === 0) {
      if (used > 0 && used + seg.headHeight > pageHeight) newPage();
      current().push({ kind: 'table', key: seg.key, from: 0, to: 0 });
      used += seg.headHeight;
      return;
    }
    let piece: Extract<PagePiece, { kind: 'table' }> | null = null;
    seg.rowHeights.forEach((rowHeight, row) => {
      const need = (piece ? 0 : seg.headHeight) + rowHeight;
      if (used > 0 && used + need > pageHeight) {
        newPage();
        piece = null;
      }
      if (!piece) {
        piece = { kind: 'table', key: seg.key, from: row, to: row };
        current().push(piece);
        used += seg.headHeight;
      }
      piece.to = row + 1;
      used += rowHeight;
    });
  });
  return pages;
}
