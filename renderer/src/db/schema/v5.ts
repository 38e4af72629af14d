/**
 * Schema version 5: trigram postings. Each issue's `issueTerms.gramTimes` gets one key per
 * distinct trigram of its search text besides the bigram keys (same layout:
 * `${gram}\u0001${recordedAt}`, same index), so a query of three or more characters reads
 * the lists of its trigrams, which are rare even when its bigrams are common.
 * No index changes: the upgrade only adds keys. Shipped versions are never edited: add a new file.
 */
import type { Dexie, Transaction } from 'dexie';

/** Frozen copies of the v5 layout (shared/domain/search.ts and convert.ts build the same keys for new writes). */
const SEPARATOR = '\u0001';
const FIELD_SEPARATOR = '\u0000';

type V4Issue = { id: string; recordedAt?: unknown; searchText?: unknown };
type V4Terms = { id: string; gramTimes?: unknown };

/** Rows per read-and-write step of the upgrade. */
const UPGRADE_CHUNK = 2000;

function trigramsOf(searchText: string): string[] {
  const set = new Set<string>();
  for (const field of searchText.split(FIELD_SEPARATOR)) {
    const chars = Array.from(field);
    for (let i = 0; i + 2 < chars.length; i++) set.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  }
  return [...set];
}

export async function upgradeToV5(tx: Transaction): Promise<void> {
  const issues = tx.table<V4Issue, string>('issues');
  const terms = tx.table<V4Terms, string>('issueTerms');
  let after: string | null = null;
  for (;;) {
    const rows: V4Issue[] = await (after === null ? issues.orderBy(':id') : issues.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) return;
    const existing = await terms.bulkGet(rows.map((r) => r.id));
    await terms.bulkPut(
      rows.map((row, i) => {
        const at = typeof row.recordedAt === 'string' ? row.recordedAt : '';
        const text = typeof row.searchText === 'string' ? row.searchText : '';
        const stored: unknown = existing[i]?.gramTimes;
        const before = Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
        const added = trigramsOf(text).map((g) => g + SEPARATOR + at);
        return { id: row.id, gramTimes: [...new Set([...before, ...added])] };
      }),
    );
    after = rows[rows.length - 1]!.id;
  }
}

export function declareV5(db: Dexie): void {
  db.version(5).stores({}).upgrade(upgradeToV5);
}
