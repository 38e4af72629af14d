/**
 * Ratings in the outbox (kind 'satisfaction', schema v10): the same rows and states as the
 * lists (pending → sending → acknowledged | rejected | conflict), kept apart from the list
 * queries, which only see items whose list exists. A rating waits until the county has
 * the issue it rates (the list that carried it acknowledged), so it is never refused for
 * coming first. Its receipt is stored with the acknowledgement, in one transaction.
 */
import { toLocalIso } from '../../../../shared/domain/time';
import type { SatisfactionPayload } from '../../../../shared/protocol/index';
import type { StationDb } from '../database';
import type { RatingRow } from '../followRows';
import { readStates, stateTables } from '../issueStates';
import type { OutboxItem, Receipt } from '../syncRows';
import { addAudit } from './audit';

export interface RatingEntry {
  item: OutboxItem;
  rating: RatingRow;
  payload: SatisfactionPayload;
}

/** Pending ratings due at `nowMs` whose issue the county already has, oldest first. */
export async function dueRatings(db: StationDb, nowMs: number): Promise<RatingEntry[]> {
  return db.transaction('r', [db.outbox, db.ratings, ...stateTables(db)], async () => {
    const items = (await db.outbox.where('[state+createdAt]').between(['pending', ''], ['pending', '\uffff']).toArray()).filter(
      (i) => i.kind === 'satisfaction' && i.nextAttemptAt <= nowMs,
    );
    const ratings = await db.ratings.bulkGet(items.map((i) => i.itemId));
    const states = await readStates(db, ratings.map((r) => r?.issueId ?? ''));
    return items.flatMap((item, n) => {
      const rating = ratings[n];
      if (!rating || !states[n]?.countyRef) return [];
      return [{ item, rating, payload: { issueId: rating.issueId, rating: rating.rating, ratedAt: rating.ratedAt, note: rating.countyNote } }];
    });
  });
}

async function move(db: StationDb, ids: readonly string[], from: OutboxItem['state'], change: (i: OutboxItem) => Partial<OutboxItem>): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const items = (await db.outbox.bulkGet([...ids])).filter((i): i is OutboxItem => !!i && i.state === from && i.kind === 'satisfaction');
    await db.outbox.bulkUpdate(items.map((i) => ({ key: i.id, changes: change(i) })));
  });
}

/** Before the request. */
export function markRatingsSending(db: StationDb, outboxIds: readonly string[]): Promise<void> {
  return move(db, outboxIds, 'pending', () => ({ state: 'sending' }));
}

/** After a failure that is not the ratings' fault: back to pending, next try at `nextAttemptAt`. */
export function ratingsBackToPending(db: StationDb, outboxIds: readonly string[], lastError: string, nextAttemptAt: number): Promise<void> {
  return move(db, outboxIds, 'sending', (i) => ({ state: 'pending', attempts: i.attempts + 1, lastError, nextAttemptAt }));
}

export type RatingOutcome =
  | { outboxId: string; status: 'accepted' | 'duplicate'; countyRef: string; receivedAt: string }
  | { outboxId: string; status: 'rejected' | 'conflict'; message: string };

/** Stores the receipts; a duplicate (a resend of a stored rating) is an acknowledgement. */
export async function applyRatingReceipts(db: StationDb, outcomes: readonly RatingOutcome[]): Promise<void> {
  const storedAt = toLocalIso(new Date());
  await db.transaction('rw', [db.outbox, db.receipts, db.auditLog], async () => {
    const items = await db.outbox.bulkGet(outcomes.map((o) => o.outboxId));
    for (const [n, outcome] of outcomes.entries()) {
      const item = items[n];
      if (!item || item.state === 'acknowledged') continue;
      if ('countyRef' in outcome) {
        const receipt: Receipt = { itemId: item.itemId, outboxId: item.id, kind: 'satisfaction', outcome: outcome.status, countyRef: outcome.countyRef, receivedAt: outcome.receivedAt, storedAt };
        await db.receipts.put(receipt);
        await db.outbox.update(item.id, { state: 'acknowledged', lastError: '', attempts: item.attempts + 1 });
        await addAudit(db, 'sync.acknowledged', 'rating', item.itemId, { countyRef: outcome.countyRef, duplicate: outcome.status === 'duplicate' });
      } else {
        await db.outbox.update(item.id, { state: outcome.status, lastError: outcome.message, attempts: item.attempts + 1 });
        await addAudit(db, 'sync.setAside', 'rating', item.itemId, { status: outcome.status, message: outcome.message });
      }
    }
  });
}
