/** A report cell as text, exactly as the server's tables and the .xlsx show it. */
import { R } from './strings';
import type { ColumnKind, ReportCell, ReportKind, ReportPeriod } from './types';

export function formatCell(kind: ColumnKind, value: ReportCell): string {
  if (value === null) return R.reports.noValue;
  if (typeof value === 'string') return value;
  if (kind === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (kind === 'decimal') return value.toFixed(1);
  return String(value);
}

export function reportQuery(kind: ReportKind, period: ReportPeriod): string {
  return new URLSearchParams({ kind, from: period.from, to: period.to }).toString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date in China Standard Time, as the county counts days. */
function today(): { y: number; m: number; d: number } {
  const cst = new Date(Date.now() + 8 * 3_600_000);
  return { y: cst.getUTCFullYear(), m: cst.getUTCMonth() + 1, d: cst.getUTCDate() };
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function monthOf(y: number, m: number): ReportPeriod {
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
}

export const QUICK_PERIODS = {
  thisMonth: (): ReportPeriod => {
    const t = today();
    return monthOf(t.y, t.m);
  },
  lastMonth: (): ReportPeriod => {
    const t = today();
    return t.m === 1 ? monthOf(t.y - 1, 12) : monthOf(t.y, t.m - 1);
  },
  thisQuarter: (): ReportPeriod => {
    const t = today();
    const first = Math.floor((t.m - 1) / 3) * 3 + 1;
    return { from: `${t.y}-${pad(first)}-01`, to: `${t.y}-${pad(first + 2)}-${pad(lastDay(t.y, first + 2))}` };
  },
  thisYear: (): ReportPeriod => {
    const t = today();
    return { from: `${t.y}-01-01`, to: `${t.y}-12-31` };
  },
};

/** 2026-03-01 → 2026年3月1日 */
export function dayText(key: string): string {
  const [y, m, d] = key.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export const REPORT_KINDS: readonly ReportKind[] = ['departments', 'stations', 'supervision'];

export function isReportKind(v: string | null): v is ReportKind {
  return v !== null && (REPORT_KINDS as readonly string[]).includes(v);
}
