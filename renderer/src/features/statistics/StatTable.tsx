/** A chart's numbers as a table a person can read aloud and copy: a caption, column heads, one row head per row. */
export interface StatTableProps {
  caption: string;
  heads: readonly string[];
  /** The first cell of each row is its head; numbers are right-aligned. */
  rows: readonly (readonly (string | number)[])[];
  footer?: readonly (string | number)[];
  empty?: string;
}

export function StatTable({ caption, heads, rows, footer, empty }: StatTableProps) {
  return (
    <table className="stats-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {heads.map((h, i) => (
            <th key={i} scope="col" className={i > 0 ? 'num' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={heads.length} className="muted">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={typeof cell === 'number' ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
      {footer ? (
        <tfoot>
          <tr>
            {footer.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className={typeof cell === 'number' ? 'num' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
