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

/**
 * Candidates' rows for confirming a match: with a status filter, the small state rows are
 * read first and only the issues with that status are read whole (a status is often the
 * rarest condition among a word's candidates). Rows come back in the ids' order, without
 * the ones that cannot match; `accepts` confirms the rest.
 */
export async function fetchCandidates(db: StationDb, ids: readonly string[], status: IssueStatus | undefined): Promise<SearchRow[]> {
  if (status === undefined) return fetchRows(db, ids, false);
  const states = await readStates(db, ids);
  const kept = ids.flatMap((id, i) => (states[i]?.status === status ? [id] : []));
  return (await db.issues.bulkGet(kept)).flatMap((row) => (row ? [{ ...row, status }] : []));
}

/** The rows with their statuses (one bulk read of the small state rows). */
export async function withStatus(db: StationDb, rows: readonly SearchRow[]): Promise<(IssueRow & { status: IssueStatus })[]> {
  // Rows read for a status filter already carry their status.
  const missing = rows.filter((r) => r.status === undefined);
  const states = new Map((await readStates(db, missing.map((r) => r.id))).flatMap((s) => (s ? [[s.id, s.status] as const] : [])));
  return rows.map((row) => ({ ...row, status: row.status ?? states.get(row.id) ?? 'recorded' }));
}

/** recordedAt of one issue, from its small state row. */
export async function recordedAtOf(db: StationDb, id: string): Promise<string | undefined> {
  return (await db.issueStates.get(id))?.recordedAt;
}
