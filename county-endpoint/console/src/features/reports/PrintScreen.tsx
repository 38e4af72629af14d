/**
 * The A4 landscape print of a report (the 督察结果 for the 主任会议, or a statistics
 * table): title block, the summary paragraph, numbered sections with their tables (the
 * header row repeats on every sheet), and the seal and date lines. Printed with the
 * bundled Noto fonts; `data-print-ready` is set once every glyph on the page is loaded.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { Message } from '../../ui/Form';
import { useLoad } from '../../ui/useLoad';
import { dayText, reportQuery } from './format';
import { loadPrintFonts } from './printFonts';
import { ReportTableView } from './ReportTableView';
import { useChosenReport } from './ReportsScreen';
import { R } from './strings';
import type { ReportAnswer, ReportKind, ReportPeriod } from './types';
import './print.css';

export function PrintScreen() {
  const chosen = useChosenReport();
  if (!chosen) return <Message kind="error">{R.reports.empty}</Message>;
  return <PrintReport kind={chosen.kind} period={chosen.period} />;
}

function PrintReport({ kind, period }: { kind: ReportKind; period: ReportPeriod }) {
  const { data, error } = useLoad<ReportAnswer>(`/reports/${kind}?${new URLSearchParams({ from: period.from, to: period.to }).toString()}`);
  const doc = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!data || !doc.current) return;
    let live = true;
    void loadPrintFonts(doc.current.innerText).then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [data]);

  const back = (
    <Link href={`/reports?${reportQuery(kind, period)}`} className="link-button">
      {R.print.back}
    </Link>
  );
  if (error)
    return (
      <>
        <Message kind="error">{error}</Message>
        {back}
      </>
    );
  if (!data) return <p className="loading">{R.print.preparing}</p>;
  const tables = kind === 'supervision' ? data.tables.slice(1) : data.tables;
  return (
    <div className="print-root" data-print-ready={ready ? 'true' : 'false'}>
      <div className="print-toolbar">
        {back}
        <button type="button" onClick={() => window.print()} disabled={!ready}>
          {R.print.print}
        </button>
        <span className="hint" role="status">
          {ready ? R.print.ready : R.print.preparing} {R.print.landscapeHint}
        </span>
      </div>
      <div className="paper" ref={doc}>
        <header className="doc-head">
          <h1 className="doc-title">{data.title}</h1>
          {kind === 'supervision' && <p className="doc-sub">{R.print.forMeeting}</p>}
          <p className="doc-meta">
            <span>{R.print.county}</span>
            <span>{R.print.period(dayText(period.from), dayText(period.to))}</span>
            <span>{R.print.made(dayText(toCstDay(data.generatedAt)))}</span>
          </p>
        </header>
        {data.summary && (
          <section className="doc-section">
            <h2 className="doc-h2">{`${R.print.sections[0]}、${R.print.summaryHeading}`}</h2>
            <p className="doc-para">{data.summary}</p>
          </section>
        )}
        {tables.map((t, i) => (
          <section className="doc-section" key={t.sheet}>
            <ReportTableView table={t.table} heading={kind === 'supervision' ? `${R.print.sections[i + 1]}、${t.table.title}` : ''} className="doc-table" />
          </section>
        ))}
        <footer className="doc-seal">
          <span>{R.print.seal}</span>
          <span>{R.print.dateLine}</span>
        </footer>
      </div>
    </div>
  );
}

function toCstDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
