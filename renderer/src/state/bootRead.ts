/**
 * A read started at boot, beside the database's opening, so the first render that needs it
 * finds it done instead of starting it then: the shell waits for the station, then for the
 * accounts, and each read started by a render would cost one more round after the last.
 * A value older than `freshMs` is not used, even for a moment; a failed read is forgotten
 * (the screen's own live query reads again and reports its error).
 */
export interface BootRead<T> {
  /** Starts the read once. */
  start: () => void;
  /** The value, when read and fresh; undefined otherwise. */
  value: () => T | undefined;
}

export function bootRead<T>(what: string, read: () => Promise<T>, freshMs = 5_000): BootRead<T> {
  let startedAt = 0;
  let done: { value: T } | null = null;
  let started = false;
  return {
    start() {
      if (started) return;
      started = true;
      startedAt = Date.now();
      read().then(
        (value) => void (done = { value }),
        (error: unknown) => console.warn(`Reading ${what} at start failed`, error),
      );
    },
    value() {
      return done && Date.now() - startedAt <= freshMs ? done.value : undefined;
    },
  };
}
