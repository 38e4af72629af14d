/**
 * Schema version 4: an issue's row keeps only what the station wrote. Its search keys
 * move to `issueTerms` (`*gramTimes`, the v3 key layout) and its status and sealing to
 * `issueStates` (`[status+recordedAt]`, listId, sealState), both keyed by the issue's id,
 * and the county's events about an issue (`countyUpdates` since v2) into its state row;
 * the v1 `*grams` index is dropped. Sealing, receipts and county updates rewrite issue
 * state often: now each such write is a small row with four index entries instead of the
 * whole issue with two index entries per bigram of its text.
 * Shipped versions are never edited: add a new file.
 */
import type { Dexie, Transaction } from 'dexie';

export const V4_STORES = {
  issues: 'id, receptionId, dutyDayId, recordedAt, [category+recordedAt], [handling+recordedAt]',
  issueTerms: 'id, *gramTimes',
  issueStates: 'id, [status+recordedAt], listId, sealState',
} as const;

/** Frozen copy of the key layout (convert.ts builds the same keys for new writes). */
const SEPARATOR = '\u0001';

type V3IssueRow = {
  id: string;
  recordedAt?: unknown;
  grams?: unknown;
  gramTimes?: unknown;
  status?: unknown;
  listId?: unknown;
  sealState?: unknown;
  countyRef?: unknown;
};

/** Rows per read-and-write step of the upgrade. */
const UPGRADE_CHUNK = 2000;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const SEAL_STATES = ['open', 'sealed', 'amended'];

/** The v3 keys as stored; rebuilt from `grams` for a row that somehow lacks them. */
function termsOf(row: V3IssueRow, at: string): string[] {
  const stored = strings(row.gramTimes);
  return stored.length > 0 ? stored : strings(row.grams).map((g) => g + SEPARATOR + at);
}

function stateOf(row: V3IssueRow, at: string) {
  const listId = typeof row.listId === 'string' ? row.listId : '';
  const sealState = typeof row.sealState === 'string' && SEAL_STATES.includes(row.sealState) ? row.sealState : listId === '' ? 'open' : 'sealed';
  return {
    id: row.id,
    status: typeof row.status === 'string' ? row.status : 'recorded',
    recordedAt: at,
    listId,
    sealState,
    countyRef: typeof row.countyRef === 'string' ? row.countyRef : null,
    county: [] as { seq: number; issueId: string }[],
  };
}

type V2CountyUpdate = { seq: number; issueId: string };
type V4State = ReturnType<typeof stateOf>;

/** County events move into the history of the issue they are about; events about unknown issues stay. */
async function moveCountyUpdates(tx: Transaction): Promise<void> {
  const updates = tx.table<V2CountyUpdate, number>('countyUpdates');
  const states = tx.table<V4State, string>('issueStates');
  let after = -Infinity;
  for (;;) {
    const rows = await updates.where(':id').above(after).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) return;
    const ids = [...new Set(rows.map((u) => u.issueId))];
    const found = new Map((await states.bulkGet(ids)).flatMap((s) => (s ? [[s.id, s] as const] : [])));
    const moved = rows.filter((u) => found.has(u.issueId));
    for (const u of moved) found.get(u.issueId)!.county.push(u);
    await states.bulkPut([...found.values()]);
    await updates.bulkDelete(moved.map((u) => u.seq));
    after = rows[rows.length - 1]!.seq;
  }
}

/**
 * Splits each row in chunks read with one getAll and written with bulkPut, in primary-key
 * order (a per-row cursor update takes minutes on a big history in Chromium).
 */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const issues = tx.table<V3IssueRow, string>('issues');
  const terms = tx.table('issueTerms');
  const states = tx.table('issueStates');
  let after: string | null = null;
  for (;;) {
    const rows: V3IssueRow[] = await (after === null ? issues.orderBy(':id') : issues.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) break;
    const at = (row: V3IssueRow) => (typeof row.recordedAt === 'string' ? row.recordedAt : '');
    await terms.bulkPut(rows.map((row) => ({ id: row.id, gramTimes: termsOf(row, at(row)) })));
    await states.bulkPut(rows.map((row) => stateOf(row, at(row))));
    for (const row of rows) {
      delete row.grams;
      delete row.gramTimes;
      delete row.status;
      delete row.listId;
      delete row.sealState;
      delete row.countyRef;
    }
    await issues.bulkPut(rows);
    after = rows[rows.length - 1]!.id;
  }
  await moveCountyUpdates(tx);
}

export function declareV4(db: Dexie): void {
  db.version(4).stores(V4_STORES).upgrade(upgradeToV4);
}
