/**
 * Work the database does right after a user action, outside it: writing search keys
 * (termIndex.ts), folding county updates into issue states (repositories/countyFold.ts).
 * One run at a time per database; a request while it runs makes it go round once more.
 * A failed run leaves its queue in the database, and the next request or start retries.
 */
import type { StationDb } from './database';

export interface BackgroundJob {
  /** Starts the work in the background, or makes a running one go round once more. */
  schedule: (db: StationDb) => void;
  /** Resolves when the work is not running on `db` (tests and benchmarks wait for it). */
  idle: (db: StationDb) => Promise<void>;
}

/** `what` names the work in the log ("Writing search keys"). */
export function backgroundJob(what: string, work: (db: StationDb) => Promise<unknown>): BackgroundJob {
  const running = new WeakMap<StationDb, { again: boolean; done: Promise<void> }>();
  return {
    schedule(db) {
      const state = running.get(db);
      if (state) {
        state.again = true;
        return;
      }
      const mine = { again: false, done: Promise.resolve() };
      running.set(db, mine);
      mine.done = (async () => {
        try {
          do {
            mine.again = false;
            await work(db);
          } while (mine.again);
        } catch (error) {
          console.warn(`${what} failed; will retry`, error);
        } finally {
          running.delete(db);
        }
      })();
    },
    async idle(db) {
      for (let state = running.get(db); state; state = running.get(db)) await state.done;
    },
  };
}
