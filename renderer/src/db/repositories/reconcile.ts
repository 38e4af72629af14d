/**
 * Reconciling a restored database with the lists the county holds for the station: a
 * backup older than the county's last receipt lacks the lists sealed after it, their
 * numbers and their receipts. The restore marks the database (`needsReconcile` in the
 * sync state); the engine reads the county's lists and calls applyReconcile, which raises
 * the numbering counters, stores the receipts of lists the county already holds and
 * records the lists only the county has, then clears the mark.
 */
import type { HeldList, IssueListPayload } from '../../../../shared/protocol/index';
import type { StationDb } from '../database';
import type { CountyOnlyList, SyncState } from '../syncRows';
import { addAudit } from './audit';
import { applyReceipts } from './outbox';
import { INITIAL_SYNC_STATE } from './syncState';

/** Thrown by sealing while the database waits to reconcile: a number could repeat one the county holds. */
export class SealingWaitsForReconcile extends Error {
  constructor() {
    super('Sealing waits until the restored database has reconciled with the county');
    this.name = 'SealingWaitsForReconcile';
  }
}

/** Marks a (freshly restored) database as needing reconciliation; keeps the rest of its sync state. */
export async function markNeedsReconcile(db: StationDb): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const next: SyncState = { ...INITIAL_SYNC_STATE, ...(await db.syncState.get('main')), key: 'main', needsReconcile: true };
    await db.syncState.put(next);
  });
}

/** Inside a transaction that includes db.syncState. */
export async function needsReconcile(db: StationDb): Promise<boolean> {
  return (await db.syncState.get('main'))?.needsReconcile === true;
}

/** The stored payloads of those of `ids` this database has (to hash them outside a transaction). */
export async function localPayloads(db: StationDb, ids: readonly string[]): Promise<Map<string, IssueListPayload>> {
  const rows = await db.issueListPayloads.bulkGet([...ids]);
  return new Map(rows.flatMap((r) => (r ? [[r.id, r.payload] as const] : [])));
}

export interface ReconcileResult {
  /** Local lists the county already held with the same content, now acknowledged here. */
  acknowledged: number;
  /** Lists only the county has. */
  countyOnly: CountyOnlyList[];
  /** Per year, the counter after reconciling (the next list gets last + 1). */
  counters: Record<number, number>;
}

/**
 * Applies what the county holds. `localHashes`: the content hash of each local list the
 * county also holds (by id). A list whose hash differs is left alone: sending it draws
 * the county's conflict receipt, as it would have without a restore.
 */
export async function applyReconcile(db: StationDb, stationId: string, held: readonly HeldList[], localHashes: ReadonlyMap<string, string>): Promise<ReconcileResult> {
  // 1. Receipts first, exactly as a duplicate receipt would store them (idempotent: a rerun skips acknowledged items).
  const same = held.filter((h) => localHashes.get(h.id) === h.contentHash);
  const outbox = await db.outbox.where('itemId').anyOf(same.map((h) => h.id)).toArray();
  const byList = new Map(outbox.filter((o) => o.kind === 'issueList').map((o) => [o.itemId, o]));
  const open = same.flatMap((h) => {
    const item = byList.get(h.id);
    return item && item.state !== 'acknowledged' ? [{ h, item }] : [];
  });
  await applyReceipts(
    db,
    open.map(({ h, item }) => ({ outboxId: item.id, status: 'duplicate' as const, countyRef: h.countyRef, receivedAt: h.receivedAt })),
  );

  // 2. Counters, the lists only the county has, and the mark, in one transaction.
  const countyOnly: CountyOnlyList[] = [];
  const counters: Record<number, number> = {};
  await db.transaction('rw', [db.counters, db.issueLists, db.syncState, db.auditLog], async () => {
    const known = await db.issueLists.bulkGet(held.map((h) => h.id));
    held.forEach((h, i) => {
      if (!known[i]) countyOnly.push({ id: h.id, year: h.listNumber.year, seq: h.listNumber.seq, countyRef: h.countyRef, receivedAt: h.receivedAt });
    });
    const highest = new Map<number, number>();
    for (const h of held) highest.set(h.listNumber.year, Math.max(highest.get(h.listNumber.year) ?? 0, h.listNumber.seq));
    for (const [year, seq] of highest) {
      const key = `${stationId}:${year}`;
      const counter = (await db.counters.get(key)) ?? { key, stationId, year, last: 0 };
      const last = Math.max(counter.last, seq);
      counters[year] = last;
      if (last !== counter.last) await db.counters.put({ ...counter, last });
    }
    countyOnly.sort((a, b) => a.year - b.year || a.seq - b.seq);
    const state: SyncState = { ...INITIAL_SYNC_STATE, ...(await db.syncState.get('main')), key: 'main', needsReconcile: false, countyOnlyLists: countyOnly };
    await db.syncState.put(state);
    await addAudit(db, 'sync.reconciled', 'backup', 'reconcile', { countyLists: held.length, acknowledged: open.length, countyOnly: countyOnly.length, counters });
  });
  return { acknowledged: open.length, countyOnly, counters };
}
