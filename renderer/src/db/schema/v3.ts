/**
 * Schema version 3: time-ordered posting lists for history search. Every issue gets
 * `gramTimes`, one key per search bigram: `${gram}\u0001${recordedAt}`, in a multi-entry
 * index. For one bigram the keys sort by time (ties by primary key), so the newest
 * matches of a word are read first and a bounded time window of several words can be
 * intersected without reading whole lists. `*grams` stays for older readers.
 * Shipped versions are never edited: add a new file.
 */
import type { Dexie, Transaction } from 'dexie';
import { V2_STORES } from './v2';

export const V3_STORES = {
  issues: `${V2_STORES.issues}, *gramTimes`,
} as const;

/** Frozen copy of the key layout at v3 (convert.ts builds the same keys for new writes). */
const SEPARATOR = '\u0001';

type V2IssueRow = { id: string; grams?: unknown; recordedAt?: unknown; gramTimes?: unknown };

/** Rows per read-and-write step of the upgrade. */
const UPGRADE_CHUNK = 2000;

/**
 * Fills `gramTimes` in chunks of rows read with one getAll and written with one bulkPut,
 * in primary-key order: a per-row cursor update (Collection.modify) takes minutes on a
 * big history in Chromium, during which the app cannot open.
 */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  const issues = tx.table<V2IssueRow, string>('issues');
  let after: string | null = null;
  for (;;) {
    const rows: V2IssueRow[] = await (after === null ? issues.orderBy(':id') : issues.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) return;
    for (const row of rows) {
      const grams = Array.isArray(row.grams) ? row.grams.filter((g): g is string => typeof g === 'string') : [];
      const at = typeof row.recordedAt === 'string' ? row.recordedAt : '';
      row.gramTimes = grams.map((g) => g + SEPARATOR + at);
    }
    await issues.bulkPut(rows);
    after = rows[rows.length - 1]!.id;
  }
}

export function declareV3(db: Dexie): void {
  db.version(3).stores(V3_STORES).upgrade(upgradeToV3);
}
