/** The reports of src/store/reports.ts as tables: what the screen, the print and the .xlsx all show. */
import type { DepartmentRow, ReportPeriod, StationRow, SupervisionReport } from '../store/reports.js';
import { REPORT_STRINGS as S } from './strings.js';
import type { ColumnKind, ReportCell, ReportColumn, ReportTable } from './table.js';

export interface NamedTable {
  sheet: string;
  table: ReportTable;
}

function columns<K extends string>(headers: Record<K, string>, kinds: Record<K, ColumnKind>): ReportColumn[] {
  return (Object.keys(headers) as K[]).map((key) => ({ key, header: headers[key], kind: kinds[key] }));
}

function pick<T extends object>(row: T, keys: readonly string[]): Record<string, ReportCell> {
  const out: Record<string, ReportCell> = {};
  for (const k of keys) {
    const v = (row as Record<string, unknown>)[k];
    out[k] = typeof v === 'number' || typeof v === 'string' ? v : null;
  }
  return out;
}

export function departmentTable(rows: DepartmentRow[], period: ReportPeriod): ReportTable {
  const c = S.department.columns;
  const cols = columns(c, {
    department: 'text',
    assigned: 'int',
    lead: 'int',
    onTime: 'int',
    overdue: 'int',
    overdueOpen: 'int',
    inProgress: 'int',
    avgWorkingDays: 'decimal',
    rated: 'int',
    satisfactionRate: 'percent',
  });
  return {
    title: S.department.title,
    subtitle: S.periodLine(period.from, period.to),
    columns: cols,
    rows: rows.map((r) => pick(r, cols.map((x) => x.key))),
  };
}

export function stationTable(rows: StationRow[], period: ReportPeriod): ReportTable {
  const cols = columns(S.station.columns, {
    station: 'text',
    lists: 'int',
    issues: 'int',
    onSpot: 'int',
    referred: 'int',
    answered: 'int',
    solved: 'int',
    partlySolved: 'int',
    policyUnable: 'int',
    closed: 'int',
    solvedTotal: 'int',
  });
  return {
    title: S.station.title,
    subtitle: S.periodLine(period.from, period.to),
    columns: cols,
    rows: rows.map((r) => pick(r, cols.map((x) => x.key))),
  };
}

/** The 督察结果 as its tables: totals, departments, stations, key issues, issues under supervision. */
export function supervisionTables(report: SupervisionReport): NamedTable[] {
  const s = S.supervision;
  const sub = S.periodLine(report.period.from, report.period.to);
  const t = report.totals;
  const totalsRows: [string, ReportCell, ColumnKind][] = [
    [s.totals.lists, t.lists, 'int'],
    [s.totals.issues, t.issues, 'int'],
    [s.totals.referred, t.referred, 'int'],
    [s.totals.assigned, t.assigned, 'int'],
    [s.totals.onTime, t.onTime, 'int'],
    [s.totals.overdue, t.overdue, 'int'],
    [s.totals.solved, t.solved, 'int'],
    [s.totals.partlySolved, t.partlySolved, 'int'],
    [s.totals.policyUnable, t.policyUnable, 'int'],
    [s.totals.rated, t.rated, 'int'],
    [s.totals.satisfactionRate, t.satisfactionRate === null ? null : `${(t.satisfactionRate * 100).toFixed(1)}%`, 'text'],
    [s.totals.supervised, t.supervised, 'int'],
  ];
  return [
    {
      sheet: s.totalsSheet,
      table: {
        title: `${s.title}——${s.totalsTitle}`,
        subtitle: sub,
        columns: [
          { key: 'item', header: s.item, kind: 'text' },
          { key: 'value', header: s.value, kind: 'int' },
        ],
        rows: totalsRows.map(([item, value]) => ({ item, value })),
      },
    },
    { sheet: S.department.sheet, table: departmentTable(report.departments, report.period) },
    { sheet: S.station.sheet, table: stationTable(report.stations, report.period) },
    {
      sheet: s.keySheet,
      table: {
        title: s.keyTitle,
        subtitle: sub,
        columns: columns(s.key, { title: 'text', leader: 'text', goal: 'text', issueCount: 'int', stationCount: 'int', solvedCount: 'int', latestNote: 'text' }),
        rows: report.keyIssues.map((k) => pick(k, Object.keys(s.key))),
      },
    },
    {
      sheet: s.supervisedSheet,
      table: {
        title: s.supervisedTitle,
        subtitle: sub,
        columns: columns(s.supervised, {
          countyRef: 'text',
          station: 'text',
          category: 'text',
          summary: 'text',
          department: 'text',
          deadline: 'text',
          reason: 'text',
          followUps: 'int',
        }),
        rows: report.supervised.map((i) => ({ ...pick(i, Object.keys(s.supervised)), reason: s.reasons[i.reason] })),
      },
    },
  ];
}
