/**
 * 待办 read once at boot, beside the shell's own start (the database's opening, the staff
 * check, the sync engine's first look), so Today shows its counts with its first render
 * instead of starting the read only then. The live query in TodoPanel takes over at once;
 * the boot value is only its starting point, and only while it is a few seconds old.
 */
import { getDb, todoRepo } from '../../db';
import type { TodoSummary } from '../../db/repositories/todo';
import { STATION_CALENDAR } from './calendar';

/** A boot-time 待办 older than this is not shown, even for a moment. */
const FRESH_MS = 5_000;

let prefetched: { at: number; value: TodoSummary } | null = null;
let started = false;

export function prefetchTodo(): void {
  if (started) return;
  started = true;
  todoRepo.todoSummary(getDb(), new Date(), STATION_CALENDAR).then(
    (value) => {
      prefetched = { at: Date.now(), value };
    },
    // The live query reads again and shows its own error state; nothing is lost here.
    (error: unknown) => console.warn('Reading 待办 at start failed', error),
  );
}

/** The boot-time 待办 while still fresh, else undefined (the panel then waits for its live query). */
export function prefetchedTodo(): TodoSummary | undefined {
  if (!prefetched || Date.now() - prefetched.at > FRESH_MS) return undefined;
  return prefetched.value;
}
