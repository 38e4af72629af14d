/** One report table: its title (or the given heading; '' for none) as the caption, Chinese headers, numbers right-aligned. */
import { formatCell } from './format';
import { R } from './strings';
import type { ReportTable } from './types';

export function ReportTableView({ table, heading, className }: { table: ReportTable; heading?: string; className?: string }) {
  return (
    <table className={className ?? 'report-table'}>
      {heading !== '' && <caption>{heading ?? table.title}</caption>}
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.key} scope="col" className={c.kind === 'text' ? undefined : 'num'}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr>
            <td colSpan={table.columns.length}>{R.reports.empty}</td>
          </tr>
        ) : (
          table.rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c) => (
                <td key={c.key} className={c.kind === 'text' ? undefined : 'num'}>
                  {formatCell(c.kind, row[c.key] ?? null)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
