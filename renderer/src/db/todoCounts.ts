/**
 * 待办 counters (schema v13, `todoCounts`): how many issue states wait in each 待办 group,
 * kept in the same transaction as every write of a state row, so Today reads its counts
 * in one request instead of counting thousands of index entries (on a long history the
 * 联络站协调 issues alone hold thousands; Chromium checks every index entry it counts
 * against its record).
 *
 * The counters are kept by a DBCore middleware on `issueStates`, below every repository:
 * no writer can forget them. A read-write transaction that includes `issueStates` also
 * includes `todoCounts`; each mutation reads the rows it replaces (unless the transaction
 * has already read or written them), and the difference of their groups is added to the
 * counters after the write. A counter row that is missing
 * means "not counted yet": reads then count the indexes and `recountTodo` writes the rows
 * (after the upgrade that adds the table, after a restore, after a table was cleared).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware, Table } from 'dexie';
import type { StationDb } from './database';
import type { IssueStateRow } from './syncRows';

export const TODO_COUNT_GROUPS = ['handBack', 'rate', 'due', 'following', 'pendingSeal'] as const;
export type TodoCountGroup = (typeof TODO_COUNT_GROUPS)[number];

export interface TodoCountRow {
  group: TodoCountGroup;
  n: number;
}

export type TodoCounts = Record<TodoCountGroup, number>;

const STATES = 'issueStates';
const COUNTS = 'todoCounts';

type StateMarks = Partial<Pick<IssueStateRow, 'todo' | 'dueAt' | 'followUpAt' | 'pendingSeal'>>;

/** The groups a stored state row counts in (the same fields the sparse indexes hold). */
export function todoGroupsOf(row: StateMarks | undefined): TodoCountGroup[] {
  if (!row) return [];
  const groups: TodoCountGroup[] = [];
  if (row.todo === 'handBack' || row.todo === 'rate') groups.push(row.todo);
  if (typeof row.dueAt === 'string') groups.push('due');
  if (typeof row.followUpAt === 'string') groups.push('following');
  if (row.pendingSeal === 1) groups.push('pendingSeal');
  return groups;
}

/** The counts read from the indexes themselves (the slow way; the truth the counters keep). */
export async function countTodoIndexes(s: Table<IssueStateRow, string>): Promise<TodoCounts> {
  const [handBack, rate, due, following, pendingSeal] = await Promise.all([
    s.where('todo').equals('handBack').count(),
    s.where('todo').equals('rate').count(),
    s.where('dueAt').aboveOrEqual('').count(),
    s.where('followUpAt').aboveOrEqual('').count(),
    s.where('pendingSeal').equals(1).count(),
  ]);
  return { handBack, rate, due, following, pendingSeal };
}

export function counterRows(counts: TodoCounts): TodoCountRow[] {
  return TODO_COUNT_GROUPS.map((group) => ({ group, n: counts[group] }));
}

/** The stored counters, or null while any of them is not counted yet. Reads `todoCounts` in the caller's transaction. */
export async function readTodoCounts(db: StationDb): Promise<TodoCounts | null> {
  const rows = await db.todoCounts.bulkGet([...TODO_COUNT_GROUPS]);
  const counts = {} as TodoCounts;
  for (const [i, group] of TODO_COUNT_GROUPS.entries()) {
    const row = rows[i];
    if (!row) return null;
    counts[group] = row.n;
  }
  return counts;
}

/**
 * Counts the indexes and stores the counters, in one transaction with `issueStates` so no
 * write comes between the count and the store. Returns the groups whose stored counter
 * differed (empty when they agreed, or were simply not counted yet).
 */
export async function recountTodo(db: StationDb): Promise<TodoCountGroup[]> {
  // Compared in a read transaction first: the check after each start writes nothing and
  // holds up no save when the counters agree, as they should.
  const compare = async () => {
    const [actual, stored] = await Promise.all([countTodoIndexes(db.issueStates), readTodoCounts(db)]);
    return { actual, stored, drifted: stored ? TODO_COUNT_GROUPS.filter((g) => stored[g] !== actual[g]) : [] };
  };
  const first = await db.transaction('r', [db.issueStates, db.todoCounts], compare);
  if (first.stored && first.drifted.length === 0) return [];
  return db.transaction('rw', [db.issueStates, db.todoCounts], async () => {
    const { actual, stored, drifted } = await compare();
    if (!stored || drifted.length > 0) await db.todoCounts.bulkPut(counterRows(actual));
    return drifted;
  });
}

function storeNames(trans: DBCoreTransaction): DOMStringList | undefined {
  return (trans as Partial<IDBTransaction>).objectStoreNames;
}

/** Adds the differences to the counters; counters not counted yet stay missing. */
async function addToCounters(counts: DBCoreTable, trans: DBCoreTransaction, delta: Map<TodoCountGroup, number>): Promise<void> {
  const groups = [...delta.entries()].filter(([, d]) => d !== 0).map(([g]) => g);
  if (groups.length === 0) return;
  const rows = (await counts.getMany({ trans, keys: groups })) as (TodoCountRow | undefined)[];
  const next = rows.flatMap((row) => (row ? [{ group: row.group, n: row.n + delta.get(row.group)! }] : []));
  if (next.length > 0) await counts.mutate({ trans, type: 'put', values: next });
}

/**
 * Per read-write transaction, the 待办 marks of the state rows already read or written in it,
 * so a write of rows the transaction has just read (the county fold reads a page's rows,
 * then writes them back) does not read them a second time. Marks are copied when seen: a
 * caller that changes a row it read before writing it back changes the row, not this.
 */
const seenIn = new WeakMap<DBCoreTransaction, Map<unknown, StateMarks | undefined>>();

function marksOf(row: StateMarks | undefined): StateMarks | undefined {
  return row ? { todo: row.todo, dueAt: row.dueAt, followUpAt: row.followUpAt, pendingSeal: row.pendingSeal } : undefined;
}

/** The marks seen in a read-write transaction that keeps the counters; undefined for any other (reads stay untouched). */
function seen(trans: DBCoreTransaction): Map<unknown, StateMarks | undefined> | undefined {
  if ((trans as Partial<IDBTransaction>).mode !== 'readwrite' || !storeNames(trans)?.contains(COUNTS)) return undefined;
  let map = seenIn.get(trans);
  if (!map) seenIn.set(trans, (map = new Map<unknown, StateMarks | undefined>()));
  return map;
}

function noteRead(trans: DBCoreTransaction, keys: readonly unknown[], rows: readonly unknown[]): void {
  const map = seen(trans);
  if (map) keys.forEach((key, i) => map.set(key, marksOf(rows[i] as StateMarks | undefined)));
}

async function mutateCounted(states: DBCoreTable, counts: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const known = seen(trans);
  if (req.type === 'deleteRange') {
    // Clearing states (a restore's import, a test): the counters are recounted on next read.
    const res = await states.mutate(req);
    known?.clear();
    await counts.mutate({ trans, type: 'delete', keys: [...TODO_COUNT_GROUPS] });
    return res;
  }
  const keys: unknown[] = req.type === 'delete' ? req.keys : req.values.map((v, i) => (req.keys?.[i] as unknown) ?? (states.schema.primaryKey.extractKey!(v) as unknown));
  // The rows this write replaces: read only those the transaction has not seen yet.
  const fetched = new Map<unknown, StateMarks | undefined>();
  const unseen = [...new Set(keys.filter((key) => !known?.has(key)))];
  if (unseen.length > 0) {
    const rows = (await states.getMany({ trans, keys: unseen })) as (StateMarks | undefined)[];
    unseen.forEach((key, i) => fetched.set(key, marksOf(rows[i])));
  }
  const before = keys.map((key) => (fetched.has(key) ? fetched.get(key) : known?.get(key)));
  const res = await states.mutate(req);
  const delta = new Map<TodoCountGroup, number>();
  const add = (groups: TodoCountGroup[], d: number) => groups.forEach((g) => delta.set(g, (delta.get(g) ?? 0) + d));
  // A key written twice in one request counts its last value against the stored one.
  const last = new Map<unknown, number>();
  keys.forEach((key, i) => last.set(key, i));
  keys.forEach((key, i) => {
    if (last.get(key) !== i) return;
    if (res.failures[i]) {
      known?.delete(key);
      return;
    }
    add(todoGroupsOf(before[i]), -1);
    const after = req.type === 'delete' ? undefined : marksOf(req.values[i] as StateMarks);
    add(todoGroupsOf(after), 1);
    known?.set(key, after);
  });
  await addToCounters(counts, trans, delta);
  return res;
}

/** Keeps `todoCounts` in step with every write of `issueStates` (see the file's comment). */
export const todoCountsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'todoCounts',
  create(down) {
    const counted = down.schema.tables.some((t) => t.name === COUNTS);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = counted && mode === 'readwrite' && stores.includes(STATES) && !stores.includes(COUNTS) ? [...stores, COUNTS] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== STATES) return table;
        return {
          ...table,
          // Plain promise chains, not async functions: Dexie keeps its transaction zone across them.
          get(req) {
            return table.get(req).then((row: unknown) => {
              noteRead(req.trans, [req.key], [row]);
              return row;
            });
          },
          getMany(req) {
            return table.getMany(req).then((rows: unknown[]) => {
              noteRead(req.trans, req.keys, rows);
              return rows;
            });
          },
          mutate(req) {
            // Upgrades of older versions run before the table exists.
            if (!storeNames(req.trans)?.contains(COUNTS)) return table.mutate(req);
            return mutateCounted(table, down.table(COUNTS), req);
          },
        };
      },
    };
  },
};
