/**
 * Lays printed documents out on A4 sheets. First every document is rendered once,
 * hidden, at the sheets' exact width; once the fonts for its text are loaded, each
 * block and table row is measured and ./paginate.ts packs them into pages. The sheets
 * then shown on screen are the very DOM that prints (one sheet = one sheet of paper),
 * so the preview matches the paper page for page.
 */
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import type { PrintDocument, SegmentSpec } from './document';
import { loadFontsFor } from './fonts';
import { paginate, type MeasuredSegment, type PagePiece } from './paginate';
import { T } from './strings';

type Layout = { doc: PrintDocument; pages: PagePiece[][] }[];

function Table({ seg, from, to }: { seg: Extract<SegmentSpec, { kind: 'table' }>; from: number; to: number }) {
  return (
    <table className={`form-table ${seg.className ?? ''}`} data-seg={seg.key}>
      <colgroup>
        {seg.columns.map((width, i) => (
          <col key={i} style={{ width }} />
        ))}
      </colgroup>
      {seg.head ? <thead>{seg.head}</thead> : null}
      <tbody>
        {seg.rows.slice(from, to).map((row) => (
          <Fragment key={row.key}>{row.node}</Fragment>
        ))}
      </tbody>
    </table>
  );
}

function measure(root: HTMLElement, docs: PrintDocument[]): Layout {
  const layout: Layout = [];
  for (const doc of docs) {
    const body = root.querySelector<HTMLElement>(`[data-measure-doc="${CSS.escape(doc.key)}"]`);
    if (!body) throw new Error(`Measure area of ${doc.key} missing`);
    // A little slack per page absorbs sub-pixel rounding between screen and print.
    const pageHeight = body.clientHeight - 4;
    const height = (el: Element | null) => (el ? el.getBoundingClientRect().height : 0);
    const segments: MeasuredSegment[] = doc.segments.map((seg) => {
      const el = body.querySelector(`[data-seg="${CSS.escape(seg.key)}"]`);
      if (seg.kind === 'block') return { kind: 'block', key: seg.key, height: height(el), keepWithNext: seg.keepWithNext ?? false };
      return {
        kind: 'table',
        key: seg.key,
        headHeight: height(el?.querySelector('thead') ?? null),
        rowHeights: Array.from(el?.querySelectorAll(':scope > tbody > tr') ?? [], (tr) => height(tr)),
      };
    });
    layout.push({ doc, pages: paginate(segments, pageHeight) });
  }
  return layout;
}

function Piece({ doc, piece }: { doc: PrintDocument; piece: PagePiece }) {
  const seg = doc.segments.find((s) => s.key === piece.key);
  if (!seg) return null;
  if (seg.kind === 'block' || piece.kind === 'block') {
    return seg.kind === 'block' ? <div className="form-block">{seg.node}</div> : null;
  }
  return <Table seg={seg} from={piece.from} to={piece.to} />;
}

export function PagedDocuments({ docs, onReady }: { docs: PrintDocument[]; onReady: (pages: number) => void }) {
  const measureRef = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<{ docs: PrintDocument[]; layout: Layout } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = layout?.docs === docs ? layout.layout : null;

  useEffect(() => {
    let cancelled = false;
    const root = measureRef.current;
    if (!root || current) return;
    loadFontsFor(root.textContent ?? '')
      .then(() => {
        if (cancelled) return;
        const next = measure(root, docs);
        setLayout({ docs, layout: next });
        onReady(next.reduce((n, d) => n + d.pages.length, 0));
      })
      .catch((e: unknown) => {
        console.error('Print layout failed', e);
        if (!cancelled) setError(String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [docs, current, onReady]);

  if (error) return <p className="warning">{T.loadFailed}</p>;
  if (!current) {
    return (
      <>
        <p role="status">{T.preparing}</p>
        <div className="print-measure" ref={measureRef} aria-hidden="true">
          {docs.map((doc) => (
            <section key={doc.key} className={`sheet ${doc.orientation}`}>
              <div className="sheet-body" data-measure-doc={doc.key}>
                {doc.segments.map((seg) =>
                  seg.kind === 'block' ? (
                    <div key={seg.key} className="form-block" data-seg={seg.key}>
                      {seg.node}
                    </div>
                  ) : (
                    <Table key={seg.key} seg={seg} from={0} to={seg.rows.length} />
                  ),
                )}
              </div>
            </section>
          ))}
        </div>
      </>
    );
  }
  return <Sheets layout={current} />;
}

function Sheets({ layout }: { layout: Layout }): ReactNode {
  return layout.flatMap(({ doc, pages }) =>
    pages.map((pieces, index) => (
      <section key={`${doc.key}/${index}`} className={`sheet ${doc.orientation}`} data-doc={doc.key} data-page={index + 1}>
        <div className="sheet-body">
          {pieces.map((piece) => (
            <Piece key={piece.kind === 'table' ? `${piece.key}/${piece.from}` : piece.key} doc={doc} piece={piece} />
          ))}
        </div>
        <footer className="sheet-footer">{T.pageOf(index + 1, pages.length)}</footer>
      </section>
    )),
  );
}
