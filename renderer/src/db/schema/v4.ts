/**
 * Schema version 4: an issue's search keys move out of its row into `issueTerms`
 * (keyed by the issue's id, `*gramTimes` with the v3 key layout), and the v1 `*grams`
 * index is dropped. Sealing, acknowledgements and county updates rewrite issue rows
 * often; with the keys apart, each such write touches a handful of index entries
 * instead of two per bigram of the issue's text.
 * Shipped versions are never edited: add a new file.
 */
import type { Dexie, Transaction } from 'dexie';

export const V4_STORES = {
  issues: 'id, receptionId, dutyDayId, recordedAt, [category+recordedAt], [status+recordedAt], [handling+recordedAt], listId, sealState',
  issueTerms: 'id, *gramTimes',
} as const;

/** Frozen copy of the key layout (convert.ts builds the same keys for new writes). */
const SEPARATOR = '\u0001';

type V3IssueRow = { id: string; grams?: unknown; gramTimes?: unknown; recordedAt?: unknown };

/** Rows per read-and-write step of the upgrade. */
const UPGRADE_CHUNK = 2000;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The v3 keys as stored; rebuilt from `grams` for a row that somehow lacks them. */
function termsOf(row: V3IssueRow): string[] {
  const stored = strings(row.gramTimes);
  if (stored.length > 0) return stored;
  const at = typeof row.recordedAt === 'string' ? row.recordedAt : '';
  return strings(row.grams).map((g) => g + SEPARATOR + at);
}

/**
 * Moves the keys in chunks read with one getAll and written with bulkPut, in primary-key
 * order (a per-row cursor update takes minutes on a big history in Chromium).
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const issues = tx.table<V3IssueRow, string>('issues');
  const terms = tx.table<{ id: string; gramTimes: string[] }, string>('issueTerms');
  let after: string | null = null;
  for (;;) {
    const rows: V3IssueRow[] = await (after === null ? issues.orderBy(':id') : issues.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) return;
    await terms.bulkPut(rows.map((row) => ({ id: row.id, gramTimes: termsOf(row) })));
    for (const row of rows) {
      delete row.grams;
      delete row.gramTimes;
    }
    await issues.bulkPut(rows);
    after = rows[rows.length - 1]!.id;
  }
}

export function declareV4(db: Dexie): void {
  db.version(4).stores(V4_STORES).upgrade(upgradeToV4);
}
