/**
 * Lays printed documents out on A4 sheets. First every document is rendered once,
 * hidden, at the sheets' exact size; once the fonts for its text are loaded, each block,
 * table row and line is measured (./measure.ts) and ./paginate.ts packs them into pages.
 * The sheets then shown on screen are the very DOM that prints (one sheet = one sheet of
 * paper). Before the preview says it is ready, every sheet is checked: if the content of
 * one runs past its bottom (rounding, a font fallback), that document is laid out again
 * with that much less room, so nothing ever spills onto an extra printed page.
 */
import { Fragment, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { PrintDocument, SegmentSpec } from './document';
import { loadFontsFor, PrintFontsUnavailableError } from './fonts';
import { measureDocument, rowLinesKey, type MeasuredDocument } from './measure';
import { paginate, type PagePiece } from './paginate';
import { T } from './strings';
import { TableRow } from './TableRow';

interface DocLayout {
  doc: PrintDocument;
  measured: MeasuredDocument;
  /** Pixels taken off each page after a sheet was found overflowing. */
  shrink: number;
  /** Layouts tried so far. */
  attempts: number;
  pages: PagePiece[][];
}

const MAX_RELAYOUTS = 4;

function layOut(doc: PrintDocument, measured: MeasuredDocument, shrink = 0, attempts = 1): DocLayout {
  const { sizes } = measured;
  const pages = paginate(measured.segments, { ...sizes, first: sizes.first - shrink, rest: sizes.rest - shrink });
  return { doc, measured, shrink, attempts, pages };
}

function Table({
  seg,
  piece,
  measured,
}: {
  seg: Extract<SegmentSpec, { kind: 'table' }>;
  piece: Extract<PagePiece, { kind: 'table' }>;
  measured: MeasuredDocument | null;
}) {
  return (
    <table className={`form-table ${seg.className ?? ''}`} data-seg={seg.key}>
      <colgroup>
        {seg.columns.map((width, i) => (
          <col key={i} style={{ width }} />
        ))}
      </colgroup>
      {seg.head ? <thead>{seg.head}</thead> : null}
      <tbody>
        {seg.rows.slice(piece.from, piece.to).map((row, i) => {
          const index = piece.from + i;
          const y0 = index === piece.from ? (piece.startY ?? 0) : 0;
          const y1 = index === piece.to - 1 ? piece.endY : undefined;
          return (
            <Fragment key={row.key}>
              <TableRow row={row} lines={measured?.rowLines.get(rowLinesKey(seg.key, index))} y0={y0} y1={y1} />
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function Piece({ layout, piece }: { layout: DocLayout; piece: PagePiece }) {
  const seg = layout.doc.segments.find((s) => s.key === piece.key);
  if (!seg) return null;
  if (seg.kind === 'block' || piece.kind === 'block') {
    return seg.kind === 'block' ? <div className="form-block">{seg.node}</div> : null;
  }
  return <Table seg={seg} piece={piece} measured={layout.measured} />;
}

function RunningHead({ doc }: { doc: PrintDocument }) {
  return <div className="running-head">{T.continued(doc.reference)}</div>;
}

/** `overflowing`: a sheet's content still runs past its foot after every relayout (the paper may get extra pages). */
export function PagedDocuments({ docs, onReady }: { docs: PrintDocument[]; onReady: (pages: number, overflowing: boolean) => void }) {
  const measureRef = useRef<HTMLDivElement>(null);
  const sheetsRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ docs: PrintDocument[]; layouts: DocLayout[]; checked: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = state?.docs === docs ? state : null;

  useEffect(() => {
    let cancelled = false;
    const root = measureRef.current;
    if (!root || current) return;
    loadFontsFor(root.textContent ?? '')
      .then(() => {
        if (cancelled) return;
        const layouts = docs.map((doc) => layOut(doc, measureDocument(root, doc)));
        setState({ docs, layouts, checked: false });
      })
      .catch((e: unknown) => {
        console.error('Print layout failed', e);
        if (!cancelled) setError(e instanceof PrintFontsUnavailableError ? T.fontsFailed : T.loadFailed);
      });
    return () => {
      cancelled = true;
    };
  }, [docs, current]);

  // Check the sheets just drawn; lay out again any document whose content runs past a sheet's foot.
  useLayoutEffect(() => {
    const root = sheetsRef.current;
    if (!root || !current || current.checked) return;
    const overflow = new Map<string, number>();
    root.querySelectorAll<HTMLElement>('.sheet').forEach((sheet) => {
      const body = sheet.querySelector('.sheet-body');
      const lastChild = body?.lastElementChild;
      if (!body || !lastChild) return;
      const over = lastChild.getBoundingClientRect().bottom - body.getBoundingClientRect().bottom;
      const key = sheet.dataset.doc ?? '';
      if (over > 0.5) overflow.set(key, Math.max(overflow.get(key) ?? 0, over));
    });
    let stuck = false;
    const layouts = current.layouts.map((l) => {
      const over = overflow.get(l.doc.key);
      if (over === undefined) return l;
      if (l.attempts > MAX_RELAYOUTS) {
        console.error(`Print: ${l.doc.key} still runs ${over.toFixed(1)}px past a sheet after ${l.attempts} layouts`);
        stuck = true;
        return l;
      }
      console.warn(`Print: ${l.doc.key} ran ${over.toFixed(1)}px past a sheet; laying it out again`);
      return layOut(l.doc, l.measured, l.shrink + Math.ceil(over) + 2, l.attempts + 1);
    });
    const changed = layouts.some((l, i) => l !== current.layouts[i]);
    setState({ docs: current.docs, layouts, checked: !changed });
    if (!changed) onReady(layouts.reduce((n, l) => n + l.pages.length, 0), stuck);
  }, [current, onReady]);

  if (error) return <p className="warning">{error}</p>;
  if (!current) {
    return (
      <>
        <p role="status">{T.preparing}</p>
        <div className="print-measure" ref={measureRef} aria-hidden="true">
          {docs.map((doc) => (
            <section key={doc.key} className={`sheet ${doc.orientation}`}>
              <div data-measure-head={doc.key}>
                <RunningHead doc={doc} />
              </div>
              <div className="sheet-body" data-measure-doc={doc.key}>
                {doc.segments.map((seg) =>
                  seg.kind === 'block' ? (
                    <div key={seg.key} className="form-block" data-seg={seg.key}>
                      {seg.node}
                    </div>
                  ) : (
                    <Table key={seg.key} seg={seg} piece={{ kind: 'table', key: seg.key, from: 0, to: seg.rows.length }} measured={null} />
                  ),
                )}
              </div>
              <SheetFooter doc={doc} page={1} pages={1} />
            </section>
          ))}
        </div>
      </>
    );
  }
  return (
    <div ref={sheetsRef} className="print-sheet-list">
      <Sheets layouts={current.layouts} />
    </div>
  );
}

function SheetFooter({ doc, page, pages }: { doc: PrintDocument; page: number; pages: number }) {
  return (
    <footer className="sheet-footer">
      <span className="footer-ref">{doc.reference}</span>
      <span className="footer-page">{T.pageOf(page, pages)}</span>
    </footer>
  );
}

function Sheets({ layouts }: { layouts: DocLayout[] }): ReactNode {
  return layouts.flatMap((layout) =>
    layout.pages.map((pieces, index) => (
      <section
        key={`${layout.doc.key}/${index}`}
        className={`sheet ${layout.doc.orientation}`}
        data-doc={layout.doc.key}
        data-page={index + 1}
      >
        {index > 0 ? <RunningHead doc={layout.doc} /> : null}
        <div className="sheet-body">
          {pieces.map((piece) => (
            <Piece key={piece.kind === 'table' ? `${piece.key}/${piece.from}/${piece.startY ?? 0}` : piece.key} layout={layout} piece={piece} />
          ))}
        </div>
        <SheetFooter doc={layout.doc} page={index + 1} pages={layout.pages.length} />
      </section>
    )),
  );
}
