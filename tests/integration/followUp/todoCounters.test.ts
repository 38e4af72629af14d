/**
 * 待办 counters (schema v13, renderer/src/db/todoCounts.ts) against the indexes they
 * count: whatever writes the state rows — put, bulkPut, add, update, modify, delete,
 * clear, a transaction that aborts, the repositories themselves — the stored counters
 * equal a count of the sparse indexes, and Today's numbers are the same either way.
 */
import fc from 'fast-check';
import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../../../shared/domain/calendars/cn2026';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { todoSummary } from '../../../renderer/src/db/repositories/todo';
import type { StationDb } from '../../../renderer/src/db/database';
import type { IssueStateRow } from '../../../renderer/src/db/syncRows';
import { countTodoIndexes, readTodoCounts, recountTodo } from '../../../renderer/src/db/todoCounts';
import { todoRecountIdle } from '../../../renderer/src/db/todoRecount';
import { declareV9 } from '../../../renderer/src/db/schema/v9';
import { declareV10 } from '../../../renderer/src/db/schema/v10';
import { freshDb, sampleReception, seededDb } from '../../fixtures/db';
import { declareUpTo, migrationDbName, openCurrent, seedOldVersion } from '../../fixtures/migration';

const NOW = new Date('2026-03-20T10:00:00+08:00');
const ids = Array.from({ length: 12 }, (_, i) => `0190f0a0-0000-7000-8000-${String(i + 1).padStart(12, '0')}`);

/** A state row with any combination of the 待办 fields (the middleware reads only those). */
const stateArb = fc.record({
  id: fc.constantFrom(...ids),
  todo: fc.option(fc.constantFrom('handBack' as const, 'rate' as const), { nil: undefined }),
  dueAt: fc.option(fc.constantFrom('2026-03-19T01:00:00.000Z', '2026-04-30T01:00:00.000Z'), { nil: undefined }),
  followUpAt: fc.option(fc.constantFrom('2026-03-01T10:00:00.000+08:00', '2026-03-19T10:00:00.000+08:00'), { nil: undefined }),
  pendingSeal: fc.option(fc.constant(1 as const), { nil: undefined }),
});

function row(m: Partial<IssueStateRow> & { id: string }): IssueStateRow {
  const clean = Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as Partial<IssueStateRow>;
  return { id: m.id, status: 'recorded', recordedAt: '2026-03-01T10:05:00.000+08:00', listId: '', sealState: 'open', countyRef: null, county: [], ...clean };
}

const opArb = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), row: stateArb }),
  fc.record({ kind: fc.constant('bulkPut' as const), rows: fc.array(stateArb, { maxLength: 5 }) }),
  fc.record({ kind: fc.constant('add' as const), row: stateArb }),
  fc.record({ kind: fc.constant('update' as const), id: fc.constantFrom(...ids), todo: fc.constantFrom('handBack' as const, 'rate' as const, undefined) }),
  fc.record({ kind: fc.constant('modify' as const), dueAt: fc.option(fc.constant('2026-03-23T01:00:00.000Z'), { nil: undefined }) }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom(...ids) }),
  fc.record({ kind: fc.constant('bulkDelete' as const), ids: fc.array(fc.constantFrom(...ids), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('deleteWhere' as const) }),
  fc.record({ kind: fc.constant('clear' as const) }),
  fc.record({ kind: fc.constant('aborted' as const), rows: fc.array(stateArb, { minLength: 1, maxLength: 3 }) }),
  // Read, then write, in one transaction (as the county fold does): the rows read are
  // changed in place before they are written back, some written twice, some deleted.
  fc.record({
    kind: fc.constant('readThenWrite' as const),
    ids: fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 4 }),
    todo: fc.constantFrom('handBack' as const, 'rate' as const, undefined),
    rows: fc.array(stateArb, { maxLength: 3 }),
    deleteId: fc.option(fc.constantFrom(...ids), { nil: undefined }),
    clearAndRewrite: fc.boolean(),
  }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

async function apply(db: StationDb, op: Op): Promise<void> {
  const s = db.issueStates;
  switch (op.kind) {
    case 'put':
      return void (await s.put(row(op.row)));
    case 'bulkPut':
      return void (await s.bulkPut(op.rows.map(row)));
    case 'add':
      // Fails (and must count nothing) when the id is already stored.
      return void (await s.add(row(op.row)).catch(() => undefined));
    case 'update':
      return void (await s.update(op.id, { todo: op.todo }));
    case 'modify':
      // Every state waiting for a deadline gets another one, or loses it.
      return void (await s.where('dueAt').aboveOrEqual('').modify((r) => {
        if (op.dueAt) r.dueAt = op.dueAt;
        else delete r.dueAt;
      }));
    case 'delete':
      return s.delete(op.id);
    case 'bulkDelete':
      return s.bulkDelete(op.ids);
    case 'deleteWhere':
      return void (await s.where('todo').equals('rate').delete());
    case 'clear':
      return s.clear();
    case 'readThenWrite':
      return db.transaction('rw', [s], async () => {
        const read = (await s.bulkGet(op.ids)).filter((r): r is IssueStateRow => r !== undefined);
        await s.get(op.ids[0]!);
        for (const r of read) {
          if (op.todo) r.todo = op.todo;
          else delete r.todo;
        }
        await s.bulkPut(read);
        await s.bulkPut(op.rows.map(row));
        if (op.deleteId) await s.delete(op.deleteId);
        if (op.clearAndRewrite) {
          await s.clear();
          await s.bulkPut(read);
        }
        await s.bulkPut(read.slice(0, 1).map((r) => ({ ...r, pendingSeal: 1 as const })));
      });
    case 'aborted':
      await db
        .transaction('rw', [s, db.auditLog], async () => {
          await s.bulkPut(op.rows.map(row));
          throw new Error('abort on purpose');
        })
        .catch(() => undefined);
  }
}

/** Stored counters (counted afresh when a clear left them uncounted) equal the indexes. */
async function expectCountersTrue(db: StationDb): Promise<void> {
  const [actual, stored] = await db.transaction('r', [db.issueStates, db.todoCounts], () => Promise.all([countTodoIndexes(db.issueStates), readTodoCounts(db)]));
  if (stored === null) {
    expect(await recountTodo(db)).toEqual([]);
    expect(await readTodoCounts(db)).toEqual(actual);
  } else expect(stored).toEqual(actual);
}

describe('待办 counters', () => {
  it('start at zero on a new database and follow the repositories: save, seal', async () => {
    const { db, deputyIds } = await seededDb();
    expect(await readTodoCounts(db)).toEqual({ handBack: 0, rate: 0, due: 0, following: 0, pendingSeal: 0 });
    for (let i = 0; i < 3; i++) await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    // Each sample reception: one issue for the county, one the station follows itself.
    expect(await readTodoCounts(db)).toMatchObject({ pendingSeal: 6, following: 3 });
    await sealNow(db);
    await expectCountersTrue(db);
    expect(await readTodoCounts(db)).toMatchObject({ pendingSeal: 0 });
  });

  it('equal the index counts after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 25 }), async (ops) => {
        const db = freshDb();
        await db.open();
        for (const op of ops) {
          await apply(db, op);
          await expectCountersTrue(db);
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('give Today the same numbers as counting the indexes, and an uncounted database is counted on first read', async () => {
    const { db, deputyIds } = await seededDb();
    for (let i = 0; i < 4; i++) await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const counted = await todoSummary(db, NOW, CN_2026_CALENDAR);
    await db.todoCounts.clear();
    const fromIndexes = await todoSummary(db, NOW, CN_2026_CALENDAR);
    expect(fromIndexes).toEqual(counted);
    await new Promise((r) => setTimeout(r, 10));
    await todoRecountIdle(db);
    expect(await readTodoCounts(db)).toEqual(await countTodoIndexes(db.issueStates));
  });

  it('correct a counter that drifted, and say which', async () => {
    const { db, deputyIds } = await seededDb();
    await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await db.todoCounts.put({ group: 'following', n: 40 });
    expect(await recountTodo(db)).toEqual(['following']);
    expect(await readTodoCounts(db)).toMatchObject({ following: 1 });
    expect(await recountTodo(db)).toEqual([]);
  });

  it('are counted by the v13 upgrade from the indexes an older version left', async () => {
    const name = migrationDbName();
    const marks: Array<Partial<IssueStateRow>> = [{ todo: 'handBack' }, { todo: 'rate', dueAt: '2026-03-19T01:00:00.000Z' }, { followUpAt: '2026-03-01T10:00:00.000+08:00' }, { pendingSeal: 1 }, {}];
    await seedOldVersion(name, (d: Dexie) => { declareUpTo(7)(d); declareV9(d); declareV10(d); }, async (d) => {
      await d.table('issueStates').bulkPut(marks.map((m, i) => row({ id: ids[i]!, ...m })));
    });
    const db = await openCurrent(name);
    expect(await readTodoCounts(db)).toEqual({ handBack: 1, rate: 1, due: 1, following: 1, pendingSeal: 1 });
    db.close();
  });
});
