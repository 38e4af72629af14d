/**
 * County status updates (交办, 答复, 公示, 销号, 督办) pulled from the endpoint. Each update is
 * stored once, keyed by the county's seq, and the pull cursor moves in the same
 * transaction, so re-applying a page (after a crash or a resend) changes nothing.
 */
import type { IssueStatus } from '../../../../shared/domain/enums';
import type { Issue, Reception } from '../../../../shared/domain/schemas';
import { toLocalIso } from '../../../../shared/domain/time';
import type { StatusUpdate, StatusUpdateType } from '../../../../shared/protocol/index';
import type { StationDb } from '../database';
import { rowToIssue } from '../convert';
import type { CountyUpdate, IssueSealFields } from '../syncRows';
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
 * about a correction belong to the original issue on the station. Existence is checked
 * on keys only, so no issue row is read here.
 */
async function resolveIssueIds(db: StationDb, updates: readonly StatusUpdate[]): Promise<Map<string, string>> {
  const ids = [...new Set(updates.map((u) => u.issueId))];
  const resolved = new Map<string, string>();
  for (const id of await db.issues.where(':id').anyOf(ids).primaryKeys()) resolved.set(id, id);
  const unknown = updates.filter((u) => !resolved.has(u.issueId));
  if (unknown.length > 0) {
    const payloads = await db.issueListPayloads.bulkGet([...new Set(unknown.map((u) => u.listId))]);
    for (const row of payloads) {
      for (const entry of row?.payload.issues ?? []) {
        if (entry.amendsIssueId && !resolved.has(entry.id)) resolved.set(entry.id, entry.amendsIssueId);
      }
    }
  }
  return resolved;
}

/** Seqs of `updates` already stored: one key-only range read, no rows deserialised. */
async function storedSeqs(db: StationDb, updates: readonly StatusUpdate[]): Promise<Set<number>> {
  if (updates.length === 0) return new Set();
  let low = Infinity;
  let high = -Infinity;
  for (const u of updates) {
    low = Math.min(low, u.seq);
    high = Math.max(high, u.seq);
  }
  return new Set(await db.countyUpdates.where(':id').between(low, high, true, true).primaryKeys());
}

/**
 * Applies one page of updates and stores `cursor`; returns how many were new. One
 * transaction, bulk reads and writes only: each issue row is read once and written
 * at most once (the seal guard sees a status-only change and leaves the row's sealing alone).
 */
export async function applyCountyUpdates(db: StationDb, updates: readonly StatusUpdate[], cursor: number): Promise<number> {
  const appliedAt = toLocalIso(new Date());
  return db.transaction('rw', [db.countyUpdates, db.issues, db.issueListPayloads, db.syncState], async () => {
    const known = await storedSeqs(db, updates);
    const fresh = updates.filter((u) => !known.has(u.seq)).sort((a, b) => a.seq - b.seq);
    const resolved = await resolveIssueIds(db, fresh);
    const rows: CountyUpdate[] = fresh.map((u) => ({
      seq: u.seq,
      issueId: resolved.get(u.issueId) ?? u.issueId,
      listId: u.listId,
      type: u.type,
      department: u.department ?? '',
      deadline: u.deadline ?? null,
      response: u.response ?? '',
      note: u.note ?? '',
      at: u.at,
      appliedAt,
    }));
    // The last event per issue wins (seq order is the county's order of events).
    const latest = new Map<string, IssueStatus>();
    for (const r of rows) latest.set(r.issueId, STATUS_OF[r.type]);
    const state = { ...INITIAL_SYNC_STATE, ...(await db.syncState.get('main')) };
    await Promise.all([
      db.countyUpdates.bulkPut(rows),
      // modify() reads each row once and the seal guard's hook is served from that read.
      db.issues
        .where(':id')
        .anyOf([...latest.keys()])
        .modify((issue) => {
          const status = latest.get(issue.id);
          if (status && issue.status !== status) issue.status = status;
        }),
      db.syncState.put({ ...state, cursor: Math.max(state.cursor, cursor) }),
    ]);
    return rows.length;
  });
}

/** The county's history of one issue, oldest first. */
export function countyHistory(db: StationDb, issueId: string): Promise<CountyUpdate[]> {
  return db.countyUpdates.where('[issueId+seq]').between([issueId, 0], [issueId, Infinity]).toArray();
}

export interface IssueDetail {
  issue: Issue;
  seal: IssueSealFields;
  reception: Reception | undefined;
  history: CountyUpdate[];
}

/** One issue with its sealing state and county history, for the issue screen. */
export async function issueDetail(db: StationDb, issueId: string): Promise<IssueDetail | undefined> {
  return db.transaction('r', [db.issues, db.receptions, db.countyUpdates], async () => {
    const row = await db.issues.get(issueId);
    if (!row) return undefined;
    const { listId = '', sealState = 'open', countyRef = null, ...rest } = row;
    return {
      issue: rowToIssue(rest),
      seal: { listId, sealState, countyRef },
      reception: await db.receptions.get(row.receptionId),
      history: await countyHistory(db, issueId),
    };
  });
}
