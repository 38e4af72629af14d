/**
 * Schema version 6: lighter issue states. Every receipt and every county update rewrites
 * an issue's `issueStates` row, and IndexedDB writes one entry per index on each put;
 * v4's `listId` and `sealState` indexes made three entries per write where one is needed.
 * - `listId` is no longer indexed (the list's issues are in the list itself);
 * - `sealState` gives way to `pendingSeal`, present (1) only while the issue waits for a
 *   seal (open or amended) and absent once sealed, so the index holds the few issues the
 *   next seal takes and a sealed issue's state has a single index entry,
 *   `[status+recordedAt]`.
 * - which lists carried an issue moves from `issueLists.*issueIds` to `listIssues` (one row
 *   per list, written once at sealing): a list's state changes at each push, and its row
 *   no longer rewrites a hundred index entries each time;
 * - `pendingTerms` queues the issues whose search keys are still to be written: a save
 *   writes the issue and this small row, and the keys (hundreds of index entries, most of
 *   a save's cost on a big history) are written right after, outside the save;
 * - a stored status is never `submitted` any more: an issue recorded in a list the county
 *   acknowledged reads as submitted (renderer/src/db/issueStates.ts `readStates`), so a
 *   receipt writes its list, not each of its issues.
 * The upgrade marks the issues that wait for a seal and stores `submitted` as `recorded`.
 * Shipped versions are never edited: add a new file.
 */
import type { Dexie, Transaction } from 'dexie';

export const V6_STORES = {
  issueStates: 'id, [status+recordedAt], pendingSeal',
  issueLists: 'id, &[year+seq], sealedAt, state, dutyDayId',
  listIssues: 'id, *issueIds',
  pendingTerms: 'id',
} as const;

type V5List = { id: string; issueIds?: unknown };
type V5State = { id: string; status?: unknown; sealState?: unknown; pendingSeal?: unknown };

/** Rows per read step of the upgrade (only the rows that change are written). */
const UPGRADE_CHUNK = 5000;

export async function upgradeToV6(tx: Transaction): Promise<void> {
  const lists = await tx.table<V5List, string>('issueLists').toArray();
  await tx.table('listIssues').bulkPut(
    lists.map((l) => ({ id: l.id, issueIds: Array.isArray(l.issueIds) ? l.issueIds.filter((i): i is string => typeof i === 'string') : [] })),
  );
  const states = tx.table<V5State, string>('issueStates');
  let after: string | null = null;
  for (;;) {
    const rows: V5State[] = await (after === null ? states.orderBy(':id') : states.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) return;
    const changed = rows.flatMap((s) => {
      const waiting = s.sealState !== 'sealed' && s.pendingSeal !== 1;
      const submitted = s.status === 'submitted';
      if (!waiting && !submitted) return [];
      return [{ ...s, ...(waiting ? { pendingSeal: 1 } : {}), ...(submitted ? { status: 'recorded' } : {}) }];
    });
    if (changed.length > 0) await states.bulkPut(changed);
    after = rows[rows.length - 1]!.id;
  }
}

export function declareV6(db: Dexie): void {
  db.version(6).stores(V6_STORES).upgrade(upgradeToV6);
}
