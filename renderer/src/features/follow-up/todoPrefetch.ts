/**
 * 待办 read once at boot, beside the shell's own start (the database's opening, the staff
 * check), so Today shows its counts as soon as both are ready instead of starting the read
 * only when the panel first renders. The panel waits for that read rather than starting a
 * second one, then follows the live query (`useTodo`). A folded group reads only the rows it
 * shows (TODO_ROWS_FOLDED); the boot read is the folded one.
 */
import { useEffect, useState } from 'react';
import { getDb, liveQuery, todoRepo } from '../../db/startup';
import { TODO_LIST_LIMIT, type TodoLimits, type TodoListName, type TodoSummary } from '../../db/repositories/todo';
import { bootRead } from '../../state/bootRead';
import { lastAnswer } from '../../state/lastAnswer';

/** 待办 with the days it lists a 联络站协调 issue after (设置 → 待办提醒), for its heading. */
export type TodoView = TodoSummary & { staleFollowUpDays: number };

/**
 * Rows shown per group before 显示更多: Today stays one screen, so the duty day's own start
 * and receptions below are not pushed out of sight by a long 待办.
 */
export const TODO_ROWS_FOLDED = 5;

const LISTS: readonly TodoListName[] = ['handBack', 'rate', 'deadlines', 'staleFollowUp'];

function limitsFor(expanded: ReadonlySet<TodoListName>): TodoLimits {
  return Object.fromEntries(LISTS.map((name) => [name, expanded.has(name) ? TODO_LIST_LIMIT : TODO_ROWS_FOLDED]));
}

// The setting and the calendar are read inside the live query, so a change in 设置 or a
// calendar brought by a sync reads 待办 again.
async function read(limits: TodoLimits): Promise<TodoView> {
  const { summary, params } = await todoRepo.todoForStation(getDb(), new Date(), limits);
  return { ...summary, staleFollowUpDays: params.staleFollowUpDays };
}

/** The folded 待办 read at boot (app/boot.ts). */
const todoAtBoot = bootRead('待办', () => read(limitsFor(new Set())));

export const prefetchTodo: () => void = todoAtBoot.start;

/** Today opened again shows the 待办 it showed (with the same groups unfolded) while it is read again. */
const shown = lastAnswer<TodoView>();
const keyOf = (expanded: ReadonlySet<TodoListName>) => [...expanded].sort().join(',');

/**
 * 待办, live: the boot-time read first (awaited if still running), then every change; the
 * groups in `expanded` list up to TODO_LIST_LIMIT issues, the others TODO_ROWS_FOLDED.
 */
export function useTodo(expanded: ReadonlySet<TodoListName>): TodoView | undefined {
  // The boot read is the folded one: with groups unfolded only the last answer for them stands in.
  const [value, setValue] = useState<TodoView | undefined>(() => (expanded.size === 0 ? todoAtBoot.value() : undefined) ?? shown.recall(keyOf(expanded)));
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => {
    let active = true;
    let unsubscribe = () => undefined as void;
    // The boot read is the folded one: a group unfolded since reads its rows now.
    const first = (expanded.size === 0 ? todoAtBoot.pending() : undefined) ?? Promise.resolve(undefined);
    void first.then((early) => {
      if (!active) return;
      if (early) setValue(early);
      const limits = limitsFor(expanded);
      const key = keyOf(expanded);
      const subscription = liveQuery(() => read(limits)).subscribe({
        next: (v) => {
          shown.remember(key, v);
          setValue(v);
        },
        error: (e: unknown) => setFailure(e instanceof Error ? e : new Error(`待办 query failed: ${String(e)}`)),
      });
      unsubscribe = () => subscription.unsubscribe();
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [expanded]);
  // As useLiveQuery does: a failed read goes to the error boundary.
  if (failure) throw failure;
  return value;
}
