/**
 * A read started at boot, beside the database's opening, so the first render that needs it
 * finds it done (or running) instead of starting it then: the shell waits for the station,
 * then for the accounts, and Today for its 待办; each read started by a render would cost
 * one more round after the last. A read older than `freshMs` is not used, even for a
 * moment; a failed read gives undefined (the screen's own live query reads again and
 * reports its error).
 */
export interface BootRead<T> {
  /** Starts the read once. */
  start: () => void;
  /** The value, when read and fresh; undefined otherwise. */
  value: () => T | undefined;
  /** The read while fresh (resolving to undefined if it failed); undefined when not started or stale. */
  pending: () => Promise<T | undefined> | undefined;
}

export function bootRead<T>(what: string, read: () => Promise<T>, freshMs = 5_000): BootRead<T> {
  let startedAt = 0;
  let done: { value: T } | null = null;
  let result: Promise<T | undefined> | null = null;
  const fresh = () => result !== null && Date.now() - startedAt <= freshMs;
  return {
    start() {
      if (result) return;
      startedAt = Date.now();
      result = read().then(
        (value) => {
          done = { value };
          return value;
        },
        (error: unknown) => {
          console.warn(`Reading ${what} at start failed`, error);
          return undefined;
        },
      );
    },
    value() {
      return done && fresh() ? done.value : undefined;
    },
    pending() {
      return fresh() ? (result ?? undefined) : undefined;
    },
  };
}
