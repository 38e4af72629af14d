/**
 * A 台账 as plain data: sheets of typed columns and rows of values, made on the main
 * thread from the period's records (./ledgerRows.ts) and turned into an .xlsx by
 * ./workbook.ts (in a worker). Plain data so it crosses to the worker as is.
 */

/** Dates are wall-clock times of the station written as UTC (Excel has no time zones). */
export type CellValue = string | number | Date | null;

export type ColumnKind = 'text' | 'longText' | 'int' | 'decimal' | 'date' | 'datetime';

export interface LedgerColumn {
  header: string;
  kind: ColumnKind;
}

export interface LedgerSheet {
  /** Worksheet tab (at most 31 characters). */
  name: string;
  /** 〇〇联络站问题台账 */
  title: string;
  /** 统计期间 … 制表日期 … */
  subtitle: string;
  columns: LedgerColumn[];
  rows: CellValue[][];
}

export const LEDGER_KINDS = ['visitors', 'issues', 'deputies'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerSpec {
  kind: LedgerKind;
  /** Offered in the save dialog, without extension. */
  fileName: string;
  creator: string;
  sheets: LedgerSheet[];
}

/** The station's wall-clock time of a stored local ISO string, as a Date Excel shows unchanged. */
export function wallClock(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return new Date(NaN);
  const [, y, mo, d, h, mi] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)));
}

/** A day key or ISO time as a date-only cell (null when absent). */
export function dayCell(isoOrDay: string | null | undefined): Date | null {
  return isoOrDay ? wallClock(isoOrDay.slice(0, 10)) : null;
}
