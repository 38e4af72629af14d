/**
 * County status updates (交办, 答复, 公示, 销号, 督办) pulled from the endpoint. A pull stores
 * each page in the county inbox with the cursor, in one transaction (so a page is never
 * lost or skipped); the updates are then folded into the issues' state rows in the
 * background (./countyFold.ts), and reads see them from the moment they are stored
 * (../countyInbox.ts).
 */
import type { Issue, Reception } from '../../../../shared/domain/schemas';
import { toLocalIso } from '../../../../shared/domain/time';
import type { StatusUpdate } from '../../../../shared/protocol/index';
import type { StationDb } from '../database';
import { newIssueState, rowToIssue } from '../convert';
import { inboxRows } from '../countyInbox';
import { readStates, stateTables } from '../issueStates';
import type { CountyUpdate, IssueSealFields } from '../syncRows';
import { foldCountyInbox } from './countyFold';
import { INITIAL_SYNC_STATE } from './syncState';

/** The inbox row(s) and the cursor, in one transaction: what a pull does with each page. */
export async function receiveCountyUpdates(db: StationDb, updates: readonly StatusUpdate[], cursor: number): Promise<void> {
  const receivedAt = toLocalIso(new Date());
  const rows = inboxRows(
    updates.map((u) => ({
      seq: u.seq,
      issueId: u.issueId,
      listId: u.listId,
      type: u.type,
      department: u.department ?? '',
      deadline: u.deadline ?? null,
      response: u.response ?? '',
      note: u.note ?? '',
      at: u.at,
      appliedAt: receivedAt,
    })),
  );
  await db.transaction('rw', [db.countyInbox, db.syncState], async () => {
    const sync = { ...INITIAL_SYNC_STATE, ...(await db.syncState.get('main')) };
    await Promise.all([db.countyInbox.bulkPut(rows), db.syncState.put({ ...sync, cursor: Math.max(sync.cursor, cursor) })]);
  });
}

/**
 * Stores a page of updates and `cursor`, then folds the inbox at once (the pull leaves
 * the fold to the background); returns how many updates were new. Re-applying a page
 * (after a crash or a resend) changes nothing.
 */
export async function applyCountyUpdates(db: StationDb, updates: readonly StatusUpdate[], cursor: number): Promise<number> {
  await receiveCountyUpdates(db, updates, cursor);
  return foldCountyInbox(db);
}

/** The county's history of one issue, oldest first. */
export async function countyHistory(db: StationDb, issueId: string): Promise<CountyUpdate[]> {
  return db.transaction('r', stateTables(db), async () => (await readStates(db, [issueId]))[0]?.county ?? []);
}

export interface IssueDetail {
  issue: Issue;
  seal: IssueSealFields;
  reception: Reception | undefined;
  history: CountyUpdate[];
}

/** One issue with its sealing state and county history, for the issue screen. */
export async function issueDetail(db: StationDb, issueId: string): Promise<IssueDetail | undefined> {
  return db.transaction('r', [db.issues, db.receptions, ...stateTables(db)], async () => {
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
