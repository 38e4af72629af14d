/**
 * County status updates (交办, 答复, 公示, 销号, 督办) pulled from the endpoint. Each update is
 * stored once, in the history of the issue it is about (its `issueStates` row), and the
 * pull cursor moves in the same transaction, so re-applying a page (after a crash or a
 * resend) changes nothing.
 */
import type { IssueStatus } from '../../../../shared/domain/enums';
import type { Issue, Reception } from '../../../../shared/domain/schemas';
import { toLocalIso } from '../../../../shared/domain/time';
import type { StatusUpdate, StatusUpdateType } from '../../../../shared/protocol/index';
import type { StationDb } from '../database';
import { newIssueState, rowToIssue } from '../convert';
import { readStates } from '../issueStates';
import type { CountyUpdate, IssueSealFields, IssueStateRow } from '../syncRows';
import { INITIAL_SYNC_STATE } from './syncState';

const STATUS_OF: Record<StatusUpdateType, IssueStatus> = {
  assigned: 'assigned',
  responded: 'responded',
  published: 'published',
  closed: 'closed',
  reopened: 'reopened',
};

/**
 * The county may name a correction entry (its own id) or the original issue; updates
 * about a correction belong to the original issue on the station. Returns each named id
 * with the state row it belongs to (absent when the station has no such issue).
 */
async function statesFor(db: StationDb, updates: readonly StatusUpdate[]): Promise<Map<string, IssueStateRow>> {
  const ids = [...new Set(updates.map((u) => u.issueId))];
  const found = new Map<string, IssueStateRow>();
  const direct = await db.issueStates.bulkGet(ids);
  direct.forEach((state, i) => state && found.set(ids[i]!, state));
  const unknown = updates.filter((u) => !found.has(u.issueId));
  if (unknown.length === 0) return found;
  const originalOf = new Map<string, string>();
  const payloads = await db.issueListPayloads.bulkGet([...new Set(unknown.map((u) => u.listId))]);
  for (const row of payloads) {
    for (const entry of row?.payload.issues ?? []) if (entry.amendsIssueId) originalOf.set(entry.id, entry.amendsIssueId);
  }
  const wanted = [...new Set(unknown.flatMap((u) => (originalOf.has(u.issueId) ? [originalOf.get(u.issueId)!] : [])))];
  const originals = new Map((await db.issueStates.bulkGet(wanted)).flatMap((s) => (s ? [[s.id, s] as const] : [])));
  for (const u of unknown) {
    const state = originals.get(originalOf.get(u.issueId) ?? '');
    if (state) found.set(u.issueId, state);
  }
  return found;
}

const lastSeq = (state: IssueStateRow) => state.county.at(-1)?.seq ?? 0;

/**
 * Applies one page of updates and stores `cursor`; returns how many were new. One
 * transaction: each issue's state row (status, sealing and county history, a small row)
 * is read once and written at most once; issue content rows are not touched. Pages are
 * applied in seq order with the cursor, so an update whose seq is not above the last one
 * an issue holds was applied before (a resend after a crash) and changes nothing.
 * Updates about issues the station does not have are kept in `countyUpdates`.
 */
export async function applyCountyUpdates(db: StationDb, updates: readonly StatusUpdate[], cursor: number): Promise<number> {
  const appliedAt = toLocalIso(new Date());
  return db.transaction('rw', [db.countyUpdates, db.issueStates, db.issueListPayloads, db.syncState], async () => {
    const states = await statesFor(db, updates);
    const changed = new Map<string, IssueStateRow>();
    const unplaced: CountyUpdate[] = [];
    let applied = 0;
    for (const u of [...updates].sort((a, b) => a.seq - b.seq)) {
      const stored = states.get(u.issueId);
      const state = stored ? (changed.get(stored.id) ?? stored) : undefined;
      const row: CountyUpdate = {
        seq: u.seq,
        issueId: state?.id ?? u.issueId,
        listId: u.listId,
        type: u.type,
        department: u.department ?? '',
        deadline: u.deadline ?? null,
        response: u.response ?? '',
        note: u.note ?? '',
        at: u.at,
        appliedAt,
      };
      if (!state) {
        unplaced.push(row);
        continue;
      }
      if (u.seq <= lastSeq(state)) continue;
      // The last event wins (seq order is the county's order of events).
      changed.set(state.id, { ...state, status: STATUS_OF[u.type], county: [...state.county, row] });
      applied += 1;
    }
    const known = unplaced.length === 0 ? new Set<number>() : new Set(await db.countyUpdates.bulkGet(unplaced.map((u) => u.seq)).then((r) => r.flatMap((x) => (x ? [x.seq] : []))));
    const fresh = unplaced.filter((u) => !known.has(u.seq));
    if (fresh.length > 0) console.warn(`County sent ${fresh.length} update(s) about issues this station does not have; kept apart`);
    const sync = { ...INITIAL_SYNC_STATE, ...(await db.syncState.get('main')) };
    await Promise.all([
      db.issueStates.bulkPut([...changed.values()]),
      db.countyUpdates.bulkPut(fresh),
      db.syncState.put({ ...sync, cursor: Math.max(sync.cursor, cursor) }),
    ]);
    return applied + fresh.length;
  });
}

/** The county's history of one issue, oldest first. */
export async function countyHistory(db: StationDb, issueId: string): Promise<CountyUpdate[]> {
  return (await db.issueStates.get(issueId))?.county ?? [];
}

export interface IssueDetail {
  issue: Issue;
  seal: IssueSealFields;
  reception: Reception | undefined;
  history: CountyUpdate[];
}

/** One issue with its sealing state and county history, for the issue screen. */
export async function issueDetail(db: StationDb, issueId: string): Promise<IssueDetail | undefined> {
  return db.transaction('r', [db.issues, db.issueStates, db.issueLists, db.receptions], async () => {
    const row = await db.issues.get(issueId);
    if (!row) return undefined;
    const state = (await readStates(db, [issueId]))[0] ?? newIssueState({ ...row, status: 'recorded' });
    return {
      issue: rowToIssue(row, state),
      seal: { listId: state.listId, sealState: state.sealState, countyRef: state.countyRef },
      reception: await db.receptions.get(row.receptionId),
      history: state.county,
    };
  });
}
