/**
 * Report periods of the 统计 screen and the 台账: a month, a quarter, a year or any range
 * of days. Days are local day keys (YYYY-MM-DD), both ends included, matching how the
 * station stores its times (local ISO strings, compared as text).
 */
import { z } from 'zod';
import { dayKeySchema } from '../schemas';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

export const periodSchema = z
  .object({ kind: z.enum(PERIOD_KINDS), from: dayKeySchema, to: dayKeySchema })
  .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(year, month, 0).getDate();
}

export function monthPeriod(year: number, month: number): Period {
  return { kind: 'month', from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}` };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return { kind: 'quarter', from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Every month the period touches, as YYYY-MM, in order. */
export function monthsOf(period: Pick<Period, 'from' | 'to'>): string[] {
  const months: string[] = [];
  let [y, m] = period.from.split('-').map(Number) as [number, number];
  const end = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    months.push(key);
    if (key >= end || months.length > 1200) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** 2026年第4季度, 2026年3月, 2026年, 2026-03-01 至 2026-03-20 */
export function periodLabel(period: Period): string {
  const [y, m] = period.from.split('-').map(Number) as [number, number];
  switch (period.kind) {
    case 'month':
      return `${y}年${m}月`;
    case 'quarter':
      return `${y}年第${Math.floor((m - 1) / 3) + 1}季度`;
    case 'year':
      return `${y}年`;
    case 'custom':
      return `${period.from} 至 ${period.to}`;
  }
}

/** True when an ISO time (local, as stored) or a day key falls inside the period. */
export function inPeriod(period: Pick<Period, 'from' | 'to'>, isoOrDay: string): boolean {
  const day = isoOrDay.slice(0, 10);
  return day >= period.from && day <= period.to;
}
