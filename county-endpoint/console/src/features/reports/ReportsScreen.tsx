/**
 * 统计报表: choose a report and a period, read its tables, open the A4 print preview or
 * download the .xlsx. The choice lives in the address (?kind=&from=&to=), so the print
 * preview's "返回" comes back to the same report.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { API_BASE } from '../../api';
import { Field, Message, SelectField } from '../../ui/Form';
import { useLoad } from '../../ui/useLoad';
import { QUICK_PERIODS, REPORT_KINDS, isReportKind, reportQuery } from './format';
import { ReportTableView } from './ReportTableView';
import { R } from './strings';
import type { ReportAnswer, ReportKind, ReportPeriod } from './types';
import './reports.css';

/** The report chosen in the address, or null before the first 查询. */
export function useChosenReport(): { kind: ReportKind; period: ReportPeriod } | null {
  const params = new URLSearchParams(useSearch());
  const kind = params.get('kind');
  const from = params.get('from');
  const to = params.get('to');
  if (!isReportKind(kind) || !from || !to) return null;
  return { kind, period: { from, to } };
}

export function ReportsScreen() {
  const chosen = useChosenReport();
  const [, navigate] = useLocation();
  const initial = chosen?.period ?? QUICK_PERIODS.thisMonth();
  const [kind, setKind] = useState<ReportKind>(chosen?.kind ?? 'supervision');
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/reports?${reportQuery(kind, { from, to })}`);
  };
  const quick = (p: ReportPeriod) => {
    setFrom(p.from);
    setTo(p.to);
  };

  return (
    <section>
      <h1>{R.reports.title}</h1>
      <form className="panel" onSubmit={submit} aria-label={R.reports.criteria}>
        <div className="row filters">
          <SelectField label={R.reports.kind} value={kind} onChange={(e) => setKind(e.target.value as ReportKind)}>
            {REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {R.reports.kinds[k]}
              </option>
            ))}
          </SelectField>
          <Field label={R.reports.from} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
          <Field label={R.reports.to} type="date" required value={to} onChange={(e) => setTo(e.target.value)} />
          <button type="submit">{R.reports.show}</button>
        </div>
        <div className="row quick" role="group" aria-label={R.reports.quick}>
          <button type="button" className="secondary small" onClick={() => quick(QUICK_PERIODS.thisMonth())}>
            {R.reports.thisMonth}
          </button>
          <button type="button" className="secondary small" onClick={() => quick(QUICK_PERIODS.lastMonth())}>
            {R.reports.lastMonth}
          </button>
          <button type="button" className="secondary small" onClick={() => quick(QUICK_PERIODS.thisQuarter())}>
            {R.reports.thisQuarter}
          </button>
          <button type="button" className="secondary small" onClick={() => quick(QUICK_PERIODS.thisYear())}>
            {R.reports.thisYear}
          </button>
        </div>
        <p className="hint">{R.reports.rules}</p>
      </form>
      {chosen && <ReportResult kind={chosen.kind} period={chosen.period} />}
    </section>
  );
}

function ReportResult({ kind, period }: { kind: ReportKind; period: ReportPeriod }) {
  const query = new URLSearchParams({ from: period.from, to: period.to }).toString();
  const { data, error } = useLoad<ReportAnswer>(`/reports/${kind}?${query}`);
  if (error) return <Message kind="error">{error}</Message>;
  if (!data) return <p className="loading">{R.print.preparing}</p>;
  return (
    <div className="report-result">
      <div className="actions report-actions">
        <Link href={`/reports/print?${reportQuery(kind, period)}`} className="link-button">
          {R.reports.print}
        </Link>
        <a className="link-button" href={`${API_BASE}/reports/${kind}.xlsx?${query}`} download={`${data.title}_${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}.xlsx`}>
          {R.reports.export}
        </a>
        <span className="hint">{R.reports.exportHint}</span>
      </div>
      {data.summary && <p className="report-summary">{data.summary}</p>}
      {data.tables.map((t) => (
        <div className="report-table-wrap" key={t.sheet}>
          <ReportTableView table={t.table} />
        </div>
      ))}
    </div>
  );
}
