/**
 * Draws one table row, whole or as one part of a split row: text cells show the lines
 * between the part's two cuts, fixed cells show their content on the first part and
 * their `continued` form (e.g. 3(续)) on the others.
 */
import type { CellSpec, TableRowSpec, TextPart } from './document';
import { posAt, type RowLines, type TextPos } from './measure';

const START: TextPos = { part: 0, offset: 0 };

function TextSlice({ parts, from, to }: { parts: TextPart[]; from: TextPos | null; to: TextPos | null }) {
  if (!from) return null;
  return parts.map((p, i) => {
    if (i < from.part) return null;
    if (to && (i > to.part || (i === to.part && to.offset === 0))) return null;
    const start = i === from.part ? from.offset : 0;
    const end = to && i === to.part ? to.offset : p.text.length;
    return (
      <div key={i} className="cell-part">
        {start === 0 && p.label ? <span className="part-label">{p.label}</span> : null}
        {p.text === '' ? (
          start === 0 && p.empty ? <span className="placeholder">{p.empty}</span> : null
        ) : (
          <span className="pre" data-part={i}>
            {p.text.slice(start, end)}
          </span>
        )}
      </div>
    );
  });
}

function Cell({ cell, lines, y0, y1 }: { cell: CellSpec; lines: RowLines[number] | undefined; y0: number; y1: number | undefined }) {
  const Tag = cell.header ? 'th' : 'td';
  let body;
  if (cell.text) {
    const from = y0 > 0 && lines ? posAt(lines, y0) : START;
    const to = y1 !== undefined && lines ? posAt(lines, y1) : null;
    body = <TextSlice parts={cell.text} from={from} to={to} />;
  } else {
    body = y0 > 0 ? (cell.continued ?? null) : cell.content;
  }
  return (
    <Tag colSpan={cell.colSpan} className={cell.className}>
      {body}
    </Tag>
  );
}

export function TableRow({ row, lines, y0 = 0, y1 }: { row: TableRowSpec; lines?: RowLines; y0?: number; y1?: number }) {
  const classes = [row.className, y0 > 0 ? 'row-continued' : '', y1 !== undefined ? 'row-cut' : ''].filter(Boolean).join(' ');
  return (
    <tr className={classes || undefined}>
      {row.cells.map((cell, i) => (
        <Cell key={i} cell={cell} lines={lines?.[i]} y0={y0} y1={y1} />
      ))}
    </tr>
  );
}
