/**
 * Measures a document rendered once, hidden, at the sheet's exact size: the height of
 * every block, table header and row, and for tall rows where they may be cut. A cut is
 * a height between two lines that crosses no line of any text cell of the row and
 * leaves room for the row's fixed cells (序号, labels), so both parts of a split row are
 * whole lines. Line positions come from the layout of each character (Range rects).
 */
import type { PrintDocument, SegmentSpec } from './document';
import type { MeasuredSegment, PageSizes } from './paginate';

/** Where a line of a text cell starts: paragraph index and character offset. */
export interface TextPos {
  part: number;
  offset: number;
}

interface Line {
  start: TextPos;
  top: number;
  bottom: number;
}

/** Lines of each cell of a row (null for a fixed cell), tops and bottoms relative to the row's top. */
export type RowLines = (Line[] | null)[];

export interface MeasuredDocument {
  segments: MeasuredSegment[];
  sizes: PageSizes;
  /** Lines of the rows that may be cut, by `${segmentKey}/${rowIndex}`. */
  rowLines: Map<string, RowLines>;
}

/** Rows shorter than this never split, so their lines are not measured. */
const SPLITTABLE_ROW_PX = 80;

export const rowLinesKey = (segKey: string, row: number) => `${segKey}/${row}`;

function linesOfCell(cell: HTMLElement, rowTop: number): Line[] {
  const lines: Line[] = [];
  const range = document.createRange();
  cell.querySelectorAll<HTMLElement>('[data-part]').forEach((span) => {
    const part = Number(span.dataset.part);
    const node = span.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) return;
    const text = node.textContent ?? '';
    let current: Line | null = null;
    for (let i = 0; i < text.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rects = range.getClientRects();
      const rect = rects[rects.length - 1];
      if (!rect || rect.height === 0) continue;
      const top = rect.top - rowTop;
      const bottom = rect.bottom - rowTop;
      // A new line starts where a character sits below the current line's middle.
      if (!current || top > (current.top + current.bottom) / 2) {
        // The first line of a paragraph starts with its label: offset 0.
        current = { start: { part, offset: current ? i : 0 }, top, bottom };
        lines.push(current);
      } else {
        current.top = Math.min(current.top, top);
        current.bottom = Math.max(current.bottom, bottom);
      }
    }
  });
  return lines;
}

/** Height a fixed cell needs in every part of its row: its content plus the cell's padding. */
function fixedNeed(cell: HTMLElement): number {
  const range = document.createRange();
  range.selectNodeContents(cell);
  const style = getComputedStyle(cell);
  return range.getBoundingClientRect().height + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
}

function cutsOf(lines: RowLines, fixed: number, height: number): number[] {
  const candidates = new Set<number>();
  for (const cell of lines) {
    if (!cell) continue;
    for (let k = 0; k + 1 < cell.length; k++) candidates.add((cell[k]!.bottom + cell[k + 1]!.top) / 2);
  }
  const clean = (y: number) =>
    y >= fixed &&
    y < height &&
    lines.every((cell) => !cell || cell.every((l) => !(l.top + 0.5 < y && y < l.bottom - 0.5)));
  return [...candidates].filter(clean).sort((a, b) => a - b);
}

function measureTable(el: Element | null, seg: Extract<SegmentSpec, { kind: 'table' }>, rowLines: Map<string, RowLines>): MeasuredSegment {
  const height = (e: Element | null) => (e ? e.getBoundingClientRect().height : 0);
  const trs = Array.from(el?.querySelectorAll<HTMLElement>(':scope > tbody > tr') ?? []);
  const rowHeights = trs.map((tr) => height(tr));
  const rowCuts: (number[] | undefined)[] = [];
  const rowPads: (number | undefined)[] = [];
  trs.forEach((tr, index) => {
    const spec = seg.rows[index];
    const h = rowHeights[index]!;
    if (!spec || h < SPLITTABLE_ROW_PX || !spec.cells.some((c) => c.text)) return;
    const rowTop = tr.getBoundingClientRect().top;
    const cells = Array.from(tr.children) as HTMLElement[];
    const lines: RowLines = spec.cells.map((c, i) => (c.text && cells[i] ? linesOfCell(cells[i], rowTop) : null));
    const fixed = Math.max(0, ...spec.cells.map((c, i) => (!c.text && cells[i] ? fixedNeed(cells[i]) : 0)));
    const style = cells[0] ? getComputedStyle(cells[0]) : null;
    // Padding above and below each part, its borders and a pixel for rounding.
    rowPads[index] = style ? parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + 3 : 12;
    rowCuts[index] = cutsOf(lines, fixed, h);
    rowLines.set(rowLinesKey(seg.key, index), lines);
  });
  return { kind: 'table', key: seg.key, headHeight: height(el?.querySelector('thead') ?? null), rowHeights, rowCuts, rowPads };
}

/** Measures one document in its hidden sheet (`[data-measure-doc]`). */
export function measureDocument(root: HTMLElement, doc: PrintDocument): MeasuredDocument {
  const body = root.querySelector<HTMLElement>(`[data-measure-doc="${CSS.escape(doc.key)}"]`);
  if (!body) throw new Error(`Measure area of ${doc.key} missing`);
  const head = root.querySelector<HTMLElement>(`[data-measure-head="${CSS.escape(doc.key)}"]`);
  // The measure sheet carries the running head of a continuation sheet; the first sheet has none.
  const headHeight = head ? head.getBoundingClientRect().height : 0;
  // A little slack per page absorbs sub-pixel rounding between screen and print.
  const rest = body.clientHeight - 4;
  const lineHeight = parseFloat(getComputedStyle(body).lineHeight) || 20;
  const rowLines = new Map<string, RowLines>();
  const segments: MeasuredSegment[] = doc.segments.map((seg) => {
    const el = body.querySelector(`[data-seg="${CSS.escape(seg.key)}"]`);
    if (seg.kind === 'block') {
      return {
        kind: 'block',
        key: seg.key,
        height: el ? el.getBoundingClientRect().height : 0,
        keepWithNext: seg.keepWithNext ?? false,
        keepWithPrevious: seg.keepWithPrevious ?? false,
      };
    }
    return measureTable(el, seg, rowLines);
  });
  return { segments, sizes: { first: rest + headHeight, rest, minPart: 2 * lineHeight }, rowLines };
}

/** Where a cut at height y falls in a cell: the first line starting below it (null: after the cell's end). */
export function posAt(lines: Line[], y: number): TextPos | null {
  const line = lines.find((l) => l.top >= y - 0.5);
  return line ? line.start : null;
}
