/**
 * Schema version 2: sealed issue lists (rows and payloads apart) and sync. Adds the numbering counter, the
 * outbox, county receipts, applied county updates and the sync state, and gives
 * every issue a `listId` ('' until sealed) and a `sealState`, both indexed.
 * Shipped versions are never edited: add a new file.
 */
import type { Dexie, Transaction } from 'dexie';
import { V1_STORES } from './v1';

export const V2_STORES = {
  issues: `${V1_STORES.issues}, listId, sealState`,
  issueLists: 'id, &[year+seq], sealedAt, state, dutyDayId, *issueIds',
  // Payloads apart from the list rows, so screens listing lists never read megabytes.
  issueListPayloads: 'id',
  counters: 'key',
  outbox: 'id, itemId, [state+createdAt]',
  receipts: 'itemId',
  countyUpdates: 'seq, [issueId+seq]',
  syncState: 'key',
} as const;

/** v1 issues were never sealed: they enter the next list as originals. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('issues')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      if (typeof row.listId !== 'string') row.listId = '';
      if (row.sealState === undefined) row.sealState = row.listId === '' ? 'open' : 'sealed';
      if (row.countyRef === undefined) row.countyRef = null;
    });
}

export function declareV2(db: Dexie): void {
  db.version(2).stores(V2_STORES).upgrade(upgradeToV2);
}
