/**
 * The outbox: sealed lists waiting for the county, with the state machine
 * pending → sending → acknowledged | rejected | conflict (and back to pending on a
 * retryable failure). Acknowledgement is stored together with the receipt and the list's
 * county reference, in one transaction (the list's issues then read as submitted).
 */
import { liveQuery } from 'dexie';
import { toLocalIso } from '../../../../shared/domain/time';
import type { StationDb } from '../database';
import type { IssueListPayload } from '../../../../shared/protocol/index';
import type { IssueList, IssueListSummary, OutboxItem, OutboxState, Receipt } from '../syncRows';
import { addAudit } from './audit';

/** An outbox item with its list's summary; the payload is read when its batch is packed (`listPayloads`). */
export interface OutboxEntry {
  item: OutboxItem;
  list: IssueListSummary;
}

const SENDING = ['sending', ''] as const;
const SENDING_END = ['sending', '\uffff'] as const;

/**
 * On start: whatever was `sending` when the app stopped goes back to `pending`. Usually
 * nothing was; a read-only look first keeps the write lock on the outbox and the lists
 * (which would hold up the first screen's reads) for the start after a cut-off send.
 */
export async function recoverInterrupted(db: StationDb): Promise<number> {
  if ((await db.outbox.where('[state+createdAt]').between(SENDING, SENDING_END).count()) === 0) return 0;
  return db.transaction('rw', [db.outbox, db.issueLists], async () => {
    const stuck = await db.outbox.where('[state+createdAt]').between(SENDING, SENDING_END).toArray();
    for (const item of stuck) {
      await db.outbox.update(item.id, { state: 'pending' });
      await db.issueLists.update(item.itemId, { state: 'sealed' });
    }
    return stuck.length;
  });
}

/** Pending entries due at `nowMs` (all pending ones when `nowMs` is Infinity), oldest first. */
export async function duePending(db: StationDb, nowMs: number): Promise<OutboxEntry[]> {
  return db.transaction('r', [db.outbox, db.issueLists], async () => {
    const items = await db.outbox.where('[state+createdAt]').between(['pending', ''], ['pending', '\uffff']).toArray();
    const due = items.filter((i) => i.nextAttemptAt <= nowMs);
    const lists = await db.issueLists.bulkGet(due.map((i) => i.itemId));
    const entries = due.flatMap((item, n) => {
      const list = lists[n];
      return list ? [{ item, list }] : [];
    });
    // createdAt is ms precision; lists sealed in the same ms keep their number order.
    return entries.sort(
      (a, b) => a.item.createdAt.localeCompare(b.item.createdAt) || a.list.year - b.list.year || a.list.seq - b.list.seq,
    );
  });
}

/** The sealed payloads of the given lists, in order (undefined where one is missing). */
export async function listPayloads(db: StationDb, listIds: string[]): Promise<(IssueListPayload | undefined)[]> {
  return (await db.issueListPayloads.bulkGet(listIds)).map((row) => row?.payload);
}

async function moveAll(
  db: StationDb,
  ids: string[],
  from: OutboxState,
  change: (item: OutboxItem) => Partial<OutboxItem>,
  listState: IssueList['state'],
): Promise<void> {
  await db.transaction('rw', [db.outbox, db.issueLists], async () => {
    const moving = (await db.outbox.bulkGet(ids)).filter((item): item is OutboxItem => !!item && item.state === from);
    if (moving.length === 0) return;
    const state = listState === 'sending' ? 'sending' : 'pending';
    await Promise.all([
      db.outbox.bulkUpdate(moving.map((item) => ({ key: item.id, changes: { ...change(item), state } }))),
      db.issueLists.bulkUpdate(moving.map((item) => ({ key: item.itemId, changes: { state: listState } }))),
    ]);
  });
}

/** Before the request: mark the batch `sending`. */
export function markSending(db: StationDb, ids: string[]): Promise<void> {
  return moveAll(db, ids, 'pending', () => ({}), 'sending');
}

/** A retryable failure: back to pending, counting the attempt and remembering why (Chinese). */
export function markRetry(db: StationDb, ids: string[], lastError: string, nextAttemptAt: number): Promise<void> {
  return moveAll(db, ids, 'sending', (i) => ({ attempts: i.attempts + 1, lastError, nextAttemptAt }), 'sealed');
}

/** Not the items' fault (token refused, batch to be split): back to pending, attempt not counted. */
export function returnToPending(db: StationDb, ids: string[], lastError = ''): Promise<void> {
  return moveAll(db, ids, 'sending', () => ({ lastError }), 'sealed');
}

export interface StoredOutcome {
  outboxId: string;
  status: 'accepted' | 'duplicate';
  countyRef: string;
  receivedAt: string;
}
export interface RefusedOutcome {
  outboxId: string;
  status: 'conflict' | 'rejected';
  /** Chinese, shown to the station. */
  message: string;
}
export type ReceiptOutcome = StoredOutcome | RefusedOutcome;

const isRefused = (o: ReceiptOutcome): o is RefusedOutcome => o.status === 'conflict' || o.status === 'rejected';

/**
 * Stores the receipts of one push and moves each item to its final state. A duplicate
 * is an acknowledgement: the county answers a resend with the original receipt. The
 * issues are not written: an issue recorded in an acknowledged list reads as submitted,
 * with the list's county reference (`readStates`, ../issueStates.ts).
 */
export async function applyReceipts(db: StationDb, outcomes: ReceiptOutcome[]): Promise<void> {
  const storedAt = toLocalIso(new Date());
  await db.transaction('rw', [db.outbox, db.issueLists, db.receipts, db.auditLog], async () => {
    const items = await db.outbox.bulkGet(outcomes.map((o) => o.outboxId));
    const open = outcomes.flatMap((outcome, i) => {
      const item = items[i];
      return item && item.state !== 'acknowledged' ? [{ outcome, item }] : [];
    });
    if (open.length === 0) return;
    const lists = await db.issueLists.bulkGet(open.map(({ item }) => item.itemId));
    const work = open.map(({ outcome, item }, i) => {
      const list = lists[i];
      if (!list) throw new Error(`Issue list ${item.itemId} of outbox item ${item.id} not found`);
      return { outcome, item, list };
    });
    const stored = work.filter((w): w is typeof w & { outcome: StoredOutcome } => !isRefused(w.outcome));
    const receipts: Receipt[] = stored.map(({ outcome, item, list }) => ({
      itemId: list.id,
      outboxId: item.id,
      kind: 'issueList',
      outcome: outcome.status,
      countyRef: outcome.countyRef,
      receivedAt: outcome.receivedAt,
      storedAt,
    }));
    await Promise.all([
      db.receipts.bulkPut(receipts),
      db.outbox.bulkUpdate(
        work.map(({ outcome, item }) => ({
          key: item.id,
          changes: isRefused(outcome)
            ? { state: outcome.status, lastError: outcome.message, attempts: item.attempts + 1 }
            : { state: 'acknowledged' as const, lastError: '', attempts: item.attempts + 1 },
        })),
      ),
      db.issueLists.bulkUpdate(
        work.map(({ outcome, list }) => ({
          key: list.id,
          changes: isRefused(outcome)
            ? { state: outcome.status, problem: outcome.message }
            : { state: 'acknowledged' as const, countyRef: outcome.countyRef, receivedAt: outcome.receivedAt, problem: '' },
        })),
      ),
      ...work.map(({ outcome, list }) =>
        isRefused(outcome)
          ? addAudit(db, 'sync.setAside', 'issueList', list.id, { status: outcome.status, message: outcome.message })
          : addAudit(db, 'sync.acknowledged', 'issueList', list.id, { countyRef: outcome.countyRef, duplicate: outcome.status === 'duplicate' }),
      ),
    ]);
  });
}

/** How a list the county keeps failing on is retried on its own, and when it is set aside. */
export interface ItemRetryPolicy {
  now: number;
  /** Wait before the next try after `failures` server errors (1 for the first). */
  delayMs: (failures: number) => number;
  /** At this many server errors the list is set aside as needing attention. */
  maxFailures: number;
  /** The Chinese text shown while the list waits for its next try, from the county's own message. */
  retryMessage: (countyMessage: string) => string;
  /** The Chinese text shown once set aside: the county's message and what to do. */
  attentionMessage: (countyMessage: string, failures: number) => string;
}

/**
 * The county failed on these items alone (they were `sending`): each backs off on its own
 * clock while the other lists flow, and after `maxFailures` it is set aside (`rejected`)
 * with the county's message and what to do. Returns how many were set aside.
 */
export async function markItemFailed(db: StationDb, ids: string[], countyMessage: string, policy: ItemRetryPolicy): Promise<number> {
  return db.transaction('rw', [db.outbox, db.issueLists, db.auditLog], async () => {
    const items = (await db.outbox.bulkGet(ids)).filter((item): item is OutboxItem => !!item && item.state === 'sending');
    let setAsideCount = 0;
    for (const item of items) {
      const failures = (item.serverFailures ?? 0) + 1;
      if (failures >= policy.maxFailures) {
        const problem = policy.attentionMessage(countyMessage, failures);
        await db.outbox.update(item.id, { state: 'rejected', lastError: problem, attempts: item.attempts + 1, serverFailures: failures });
        await db.issueLists.update(item.itemId, { state: 'rejected', problem });
        await addAudit(db, 'sync.setAside', 'issueList', item.itemId, { status: 'serverErrors', failures, message: countyMessage });
        setAsideCount += 1;
      } else {
        await db.outbox.update(item.id, {
          state: 'pending',
          lastError: policy.retryMessage(countyMessage),
          attempts: item.attempts + 1,
          serverFailures: failures,
          nextAttemptAt: policy.now + policy.delayMs(failures),
        });
        await db.issueLists.update(item.itemId, { state: 'sealed' });
      }
    }
    return setAsideCount;
  });
}

/** Sets a single item aside (the county refused it for good) with a Chinese reason. */
export async function setAside(db: StationDb, id: string, state: 'rejected' | 'conflict', message: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.issueLists, db.auditLog], async () => {
    const item = await db.outbox.get(id);
    if (!item) return;
    await db.outbox.update(id, { state, lastError: message, attempts: item.attempts + 1 });
    await db.issueLists.update(item.itemId, { state, problem: message });
    await addAudit(db, 'sync.setAside', 'issueList', item.itemId, { status: state, message });
  });
}

/** Puts a set-aside list back in the queue (after the cause was fixed at the county). */
export async function requeue(db: StationDb, listId: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.issueLists], async () => {
    const item = await db.outbox.where('itemId').equals(listId).first();
    if (!item || (item.state !== 'rejected' && item.state !== 'conflict')) return;
    // A fresh start: the county's repeated errors on it are forgiven along with the wait.
    await db.outbox.update(item.id, { state: 'pending', nextAttemptAt: 0, serverFailures: 0 });
    await db.issueLists.update(listId, { state: 'sealed' });
  });
}

/** What waits in the outbox, lists and ratings apart (the header says which). */
export interface OutboxCounts {
  /** Lists waiting to be sent or being sent. */
  pending: number;
  sending: number;
  /** Lists the county refused or holds differently (set aside, 需要处理). */
  rejected: number;
  conflict: number;
  /** Ratings waiting or being sent. */
  ratingsWaiting: number;
  /** Ratings the county refused. */
  ratingsSetAside: number;
}

/**
 * Reads only the items not yet acknowledged (a few, even on a long history; acknowledged
 * ones are never counted) and splits them by kind.
 */
export async function outboxCounts(db: StationDb): Promise<OutboxCounts> {
  const inState = (state: OutboxState) => db.outbox.where('[state+createdAt]').between([state, ''], [state, '\uffff']).toArray();
  const [pending, sending, rejected, conflict] = await Promise.all((['pending', 'sending', 'rejected', 'conflict'] as const).map(inState));
  const lists = (items: OutboxItem[] | undefined) => (items ?? []).filter((i) => i.kind === 'issueList').length;
  const ratings = (items: OutboxItem[] | undefined) => (items ?? []).filter((i) => i.kind === 'satisfaction').length;
  return {
    pending: lists(pending),
    sending: lists(sending),
    rejected: lists(rejected),
    conflict: lists(conflict),
    ratingsWaiting: ratings(pending) + ratings(sending),
    ratingsSetAside: ratings(rejected) + ratings(conflict),
  };
}

export function outboxItemOfList(db: StationDb, listId: string): Promise<OutboxItem | undefined> {
  return db.outbox.where('itemId').equals(listId).first();
}

export function receiptOf(db: StationDb, listId: string): Promise<Receipt | undefined> {
  return db.receipts.get(listId);
}

/** Calls `onChange` with the number of pending lists now and whenever it changes. */
export function watchPending(db: StationDb, onChange: (pending: number) => void): () => void {
  const subscription = liveQuery(() => db.outbox.where('[state+createdAt]').between(['pending', ''], ['pending', '\uffff']).count()).subscribe({
    next: onChange,
    error: (error: unknown) => console.error('Outbox watch failed', error),
  });
  return () => subscription.unsubscribe();
}

/** Every outbox entry keyed by its list id, read in one go (for the list table). */
export async function outboxByList(db: StationDb): Promise<Map<string, OutboxItem>> {
  return new Map((await db.outbox.toArray()).map((item) => [item.itemId, item]));
}
