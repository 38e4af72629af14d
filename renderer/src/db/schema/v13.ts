/**
 * Schema version 13: 待办 counters (`todoCounts`, one row per group: handBack, rate, due,
 * following, pendingSeal), kept in the transaction of every state-row write by the
 * middleware in ../todoCounts.ts, so Today reads its counts in one request.
 * The upgrade counts the sparse 待办 indexes once (index entries only, no row rewritten);
 * a new database starts at zero. Shipped versions are never edited: add a new file.
 */
import type { Dexie, Transaction } from 'dexie';
import type { IssueStateRow } from '../syncRows';
import { TODO_COUNT_GROUPS, countTodoIndexes, counterRows, type TodoCountRow } from '../todoCounts';

export const V13_STORES = {
  todoCounts: 'group',
} as const;

export async function upgradeToV13(tx: Transaction): Promise<void> {
  const counts = await countTodoIndexes(tx.table<IssueStateRow, string>('issueStates'));
  await tx.table<TodoCountRow, string>('todoCounts').bulkPut(counterRows(counts));
}

export function declareV13(db: Dexie): void {
  db.version(13).stores(V13_STORES).upgrade(upgradeToV13);
  // A new database has no issue yet: every counter starts counted, at zero.
  db.on('populate', (tx) => tx.table<TodoCountRow, string>('todoCounts').bulkAdd(TODO_COUNT_GROUPS.map((group) => ({ group, n: 0 }))));
}
