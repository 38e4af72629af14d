/**
 * 待办 read once at boot, beside the shell's own start (the database's opening, the staff
 * check), so Today shows its counts as soon as both are ready instead of starting the read
 * only when the panel first renders. The panel waits for that read rather than starting a
 * second one, then follows the live query (`useTodo`).
 */
import { useEffect, useState } from 'react';
import { getDb, liveQuery, todoRepo } from '../../db';
import type { TodoSummary } from '../../db/repositories/todo';
import { STATION_CALENDAR } from './calendar';

/** A boot-time read older than this is not used, even for a moment. */
const FRESH_MS = 5_000;

interface BootRead {
  startedAt: number;
  result: Promise<TodoSummary | undefined>;
  value?: TodoSummary;
}

let boot: BootRead | null = null;

const read = () => todoRepo.todoSummary(getDb(), new Date(), STATION_CALENDAR);

export function prefetchTodo(): void {
  if (boot) return;
  const entry: BootRead = { startedAt: Date.now(), result: Promise.resolve(undefined) };
  entry.result = read().then(
    (value) => (entry.value = value),
    // The live query reads again and reports its own error; nothing is lost here.
    (error: unknown) => {
      console.warn('Reading 待办 at start failed', error);
      return undefined;
    },
  );
  boot = entry;
}

function freshBoot(): BootRead | null {
  return boot && Date.now() - boot.startedAt <= FRESH_MS ? boot : null;
}

/** 待办, live: the boot-time read first (awaited if still running), then every change. */
export function useTodo(): TodoSummary | undefined {
  const [value, setValue] = useState<TodoSummary | undefined>(() => freshBoot()?.value);
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => {
    let active = true;
    let unsubscribe = () => undefined as void;
    const first = freshBoot()?.result ?? Promise.resolve(undefined);
    void first.then((early) => {
      if (!active) return;
      if (early) setValue(early);
      const subscription = liveQuery(read).subscribe({ next: (v) => setValue(v), error: (e: unknown) => setFailure(e instanceof Error ? e : new Error(`待办 query failed: ${String(e)}`)) });
      unsubscribe = () => subscription.unsubscribe();
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
  // As useLiveQuery does: a failed read goes to the error boundary.
  if (failure) throw failure;
  return value;
}
