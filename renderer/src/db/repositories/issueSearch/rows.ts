/**
 * What the search reads of an issue: its content row, with its status (from
 * `issueStates`) only where a status filter needs it. The page's rows get their status
 * at the end (`withStatus`), so scanning never reads states it does not need. Statuses are
 * read as the station shows them (`readStates`: recorded in an acknowledged list is submitted).
 */
import type { IssueStatus } from '../../../../../shared/domain/enums';
import type { StationDb } from '../../database';
import { readStates } from '../../issueStates';
import type { IssueRow } from '../../rows';

export type SearchRow = IssueRow & { status?: IssueStatus };

/** Rows for the given ids, in the same order, skipping ids with no issue. */
export async function fetchRows(db: StationDb, ids: readonly string[], status: boolean): Promise<SearchRow[]> {
  if (!status) return (await db.issues.bulkGet([...ids])).flatMap((row) => (row ? [row] : []));
  const [rows, states] = await Promise.all([db.issues.bulkGet([...ids]), readStates(db, ids)]);
  return rows.flatMap((row, i) => (row ? [{ ...row, status: states[i]?.status ?? 'recorded' }] : []));
}

/** The rows with their statuses (one bulk read of the small state rows). */
export async function withStatus(db: StationDb, rows: readonly SearchRow[]): Promise<(IssueRow & { status: IssueStatus })[]> {
  const states = await readStates(db, rows.map((r) => r.id));
  return rows.map((row, i) => ({ ...row, status: states[i]?.status ?? row.status ?? 'recorded' }));
}

/** recordedAt of one issue, from its small state row. */
export async function recordedAtOf(db: StationDb, id: string): Promise<string | undefined> {
  return (await db.issueStates.get(id))?.recordedAt;
}
