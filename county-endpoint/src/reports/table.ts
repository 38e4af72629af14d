/**
 * A report as one table: a title, the period it covers, typed columns and rows. The same
 * value feeds the console's screen, its A4 print and the .xlsx export, so the three never
 * disagree on a number.
 */

export type ColumnKind = 'text' | 'int' | 'decimal' | 'percent';

export interface ReportColumn {
  key: string;
  /** Chinese header, as printed and exported. */
  header: string;
  kind: ColumnKind;
}

/** A cell: text, a number, or null for "no value" (e.g. a rate with nothing rated). */
export type ReportCell = string | number | null;

export interface ReportTable {
  /** e.g. 承办单位办理情况统计表 */
  title: string;
  /** e.g. 统计期间:2026年1月1日至2026年3月31日 */
  subtitle: string;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
}

/** Display text of a cell, the same on screen, on paper and (for text cells) in the workbook. */
export function formatCell(kind: ColumnKind, value: ReportCell): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'decimal':
      return value.toFixed(1);
    default:
      return String(value);
  }
}
