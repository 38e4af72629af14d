/**
 * Counting 待办 in the background (../todoCounts.ts): when a read found the counters not
 * counted yet (after the upgrade, a restore or a cleared table), and once some time after
 * each start as a check — a counter that disagrees with its index is a bug somewhere, so it
 * is logged and corrected rather than shown.
 */
import { backgroundJob } from './background';
import type { StationDb } from './database';
import { recountTodo } from './todoCounts';

/** How long after the database opens the counters are checked against the indexes. */
export const TODO_CHECK_DELAY_MS = 30_000;

const job = backgroundJob('Counting 待办', async (db: StationDb) => {
  const drifted = await recountTodo(db);
  if (drifted.length > 0) console.warn(`待办 counters disagreed with their indexes and were corrected: ${drifted.join(', ')}`);
});

export const scheduleTodoRecount: (db: StationDb) => void = job.schedule;

/** Resolves when no count runs on `db`. */
export const todoRecountIdle: (db: StationDb) => Promise<void> = job.idle;

/** The check some time after start (see the file's comment). */
export function scheduleTodoCheck(db: StationDb): void {
  setTimeout(() => scheduleTodoRecount(db), TODO_CHECK_DELAY_MS);
}
