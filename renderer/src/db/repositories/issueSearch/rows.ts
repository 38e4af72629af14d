/**
 * What the search reads of an issue: its content row with its status (from
 * `issueStates`), enough to confirm a match and to show it.
 */
import type { IssueStatus } from '../../../../../shared/domain/enums';
import type { StationDb } from '../../database';
import type { IssueRow } from '../../rows';

export type SearchRow = IssueRow & { status: IssueStatus };

/** Rows for the given ids, in the same order, skipping ids with no issue. */
export async function fetchRows(db: StationDb, ids: readonly string[]): Promise<SearchRow[]> {
  const [rows, states] = await Promise.all([db.issues.bulkGet([...ids]), db.issueStates.bulkGet([...ids])]);
  return rows.flatMap((row, i) => (row ? [{ ...row, status: states[i]?.status ?? 'recorded' }] : []));
}

/** Statuses for rows read straight off an `issues` index. */
export async function withStatus(db: StationDb, rows: readonly IssueRow[]): Promise<SearchRow[]> {
  const states = await db.issueStates.bulkGet(rows.map((r) => r.id));
  return rows.map((row, i) => ({ ...row, status: states[i]?.status ?? 'recorded' }));
}

/** recordedAt of one issue, from its small state row. */
export async function recordedAtOf(db: StationDb, id: string): Promise<string | undefined> {
  return (await db.issueStates.get(id))?.recordedAt;
}
