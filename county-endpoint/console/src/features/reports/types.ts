/** What the reports and 重点督办问题 API answer (county-endpoint/src/console/routes/reports.ts, keyIssues.ts). */
export type ReportKind = 'departments' | 'stations' | 'supervision';
export type ColumnKind = 'text' | 'int' | 'decimal' | 'percent';
export type ReportCell = string | number | null;

export interface ReportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
}

export interface ReportTable {
  title: string;
  subtitle: string;
  columns: ReportColumn[];
  rows: Record<string, ReportCell>[];
}

export interface NamedTable {
  sheet: string;
  table: ReportTable;
}

export interface ReportPeriod {
  from: string;
  to: string;
}

export interface ReportAnswer {
  kind: ReportKind;
  period: ReportPeriod;
  generatedAt: string;
  title: string;
  tables: NamedTable[];
  summary: string | null;
}

export interface KeyIssueSummary {
  id: string;
  year: number;
  title: string;
  leader: string;
  goal: string;
  createdAt: string;
  issueCount: number;
  stationCount: number;
  solvedCount: number;
  lastNoteAt: string | null;
}

export interface KeyIssueDetail extends KeyIssueSummary {
  issues: { id: string; stationName: string; countyRef: string; category: string; summary: string; status: string; department: string | null }[];
  notes: { id: number; at: string; authorName: string; note: string }[];
}

export interface IssueCandidate {
  id: string;
  countyRef: string;
  stationName: string;
  category: string;
  summary: string;
  keyIssueTitle: string | null;
}
