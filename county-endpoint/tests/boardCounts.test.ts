/**
 * The board's colour counts come from board_counts (migration 006), kept by a trigger on
 * issues. On PGlite and PostgreSQL, random sequences of the real store operations — a
 * station's push of new issues and ratings, 交办 and re-交办, 接单, 退回, the answer, 公示,
 * 销号, 持续督办, a deadline moved to an odd hour, the clock moving on — leave the table
 * equal to the open issues grouped afresh, and the board's counts for every kind of filter
 * equal to a direct count of the same issues, at any hour (a deadline due today included).
 * Migration 006 on a database that already holds issues fills both the receive date and
 * the table.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deadlineColour } from '../../shared/domain/workingDays.js';
import type { Database } from '../src/db/database.js';
import { migrate, migrationFiles, splitStatements } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import { submitAnswer, type AnswerFields } from '../src/store/answers.js';
import { acceptAssignment, assignIssues, returnAssignment } from '../src/store/assignments.js';
import { readBoard, type BoardFilters } from '../src/store/board.js';
import { summaryScope } from '../src/store/boardCounts.js';
import { loadCalendar } from '../src/store/calendar.js';
import { createDepartment } from '../src/store/departments.js';
import { closeIssue, publishIssue, reopenIssue } from '../src/store/supervision.js';
import type { Actor } from '../src/store/workActor.js';
import { backends } from './support/backends.js';
import { appWithStations, listItem, listPayload, push, ratingItem, type TestApp } from './support/fixtures.js';

const A = 'st-yzw-001';
const B = 'st-hk-0002';
const CATEGORIES = ['政策兑现', '用地', '供电'];
const clerk: Actor = { userId: null, username: 'clerk-test', displayName: '县选联工委', address: '127.0.0.1' };
const answer: AnswerFields = { progress: '已办理。', reply: '已书面答复企业。', result: 'solved', explanation: '', handlerName: '李明', handlerPhone: '0791-86543210' };

/** The open issues grouped afresh, as board_counts must hold them. */
const REGROUPED = `
  SELECT d.dim, d.val, i.status,
         CASE WHEN i.status IN ('assigned', 'reopened') AND i.deadline IS NOT NULL THEN to_char(i.deadline AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') ELSE 'infinity' END AS day,
         COALESCE(i.satisfaction = 'unsatisfied', false) AS unsatisfied, count(*)::int AS n
    FROM issues i
   CROSS JOIN LATERAL (VALUES ('all', ''), ('category', i.category), ('department', i.lead_department_id), ('station', i.station_id)) AS d (dim, val)
   WHERE i.status IN ('assigned', 'responded', 'published', 'reopened') AND d.val IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
const STORED = `SELECT dim, val, status, deadline_day::text AS day, unsatisfied, n FROM board_counts ORDER BY 1, 2, 3, 4, 5`;

async function expectTableRegrouped(db: Database): Promise<void> {
  expect((await db.query(STORED)).rows).toEqual((await db.query(REGROUPED)).rows);
}

/** Every kind of filter the console sends, each answered from the summary (or, for two dimensions, directly). */
function filterKinds(dep: string): BoardFilters[] {
  return [
    {},
    { stationId: A },
    { stationId: B, status: 'assigned' },
    { departmentId: dep },
    { departmentId: dep, colour: 'yellow' },
    { category: CATEGORIES[1] },
    { status: 'answered' },
    { status: 'reopened' },
    { colour: 'red' },
    { colour: 'yellow' },
    { colour: 'green' },
    { attention: 'overdue' },
    { attention: 'unsatisfied' },
    { stationId: A, attention: 'unsatisfied', status: 'reopened' },
    { colour: 'green', attention: 'overdue' },
    { departmentId: dep, category: CATEGORIES[0], colour: 'red' },
  ];
}

/** The board's counts for `f` against a direct count of the same issues (a receive date from long before selects all and counts directly) and against the rows' own colours. */
async function expectCountsDirect(db: Database, f: BoardFilters, now: Date): Promise<void> {
  const cal = await loadCalendar(db);
  const board = await readBoard(db, { ...f, limit: 200 }, cal, now);
  const direct = await readBoard(db, { ...f, from: '2000-01-01', limit: 200 }, cal, now);
  expect({ filters: f, total: board.total, counts: board.counts }).toEqual({ filters: f, total: direct.total, counts: direct.counts });
  if (board.total <= 200) {
    expect(board.rows).toHaveLength(board.total);
    for (const colour of ['red', 'yellow', 'green'] as const) {
      const rows = board.rows.filter((r) => r.deadline && (r.status === 'assigned' || r.status === 'reopened') && deadlineColour(cal, r.deadline, now) === colour);
      expect({ filters: f, colour, n: board.counts[colour] }).toEqual({ filters: f, colour, n: rows.length });
    }
  }
}

type Op =
  | { kind: 'push'; station: 0 | 1; categories: number[] }
  | { kind: 'assign'; issue: number; dep: number; co: boolean; days: number }
  | { kind: 'accept' | 'return' | 'answer' | 'publish' | 'close'; issue: number }
  | { kind: 'reopen'; issue: number; days: number }
  | { kind: 'rate'; issue: number; rating: 'satisfied' | 'unsatisfied' }
  | { kind: 'oddDeadline'; issue: number; minutes: number }
  | { kind: 'tick'; hours: number };

const issueIndex = fc.nat(1000);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('push' as const), station: fc.constantFrom(0 as const, 1 as const), categories: fc.array(fc.nat(CATEGORIES.length - 1), { minLength: 1, maxLength: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('assign' as const), issue: issueIndex, dep: fc.nat(2), co: fc.boolean(), days: fc.integer({ min: 1, max: 10 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('accept' as const, 'return' as const, 'answer' as const, 'publish' as const, 'close' as const), issue: issueIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), issue: issueIndex, days: fc.integer({ min: 1, max: 10 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rate' as const), issue: issueIndex, rating: fc.constantFrom('satisfied' as const, 'unsatisfied' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('oddDeadline' as const), issue: issueIndex, minutes: fc.integer({ min: -3 * 1440, max: 12 * 1440 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 72 }) }) },
);

const LIFE: Op[] = [
  { kind: 'push', station: 0, categories: [0, 1, 2, 0] },
  { kind: 'assign', issue: 1, dep: 0, co: true, days: 3 },
  { kind: 'assign', issue: 1, dep: 1, co: false, days: 5 },
  { kind: 'assign', issue: 1, dep: 2, co: false, days: 7 },
  { kind: 'accept', issue: 1 },
  { kind: 'answer', issue: 1 },
  { kind: 'answer', issue: 3 },
  { kind: 'publish', issue: 1 },
  { kind: 'rate', issue: 1, rating: 'unsatisfied' },
  { kind: 'reopen', issue: 1, days: 3 },
  { kind: 'return', issue: 1 },
  { kind: 'oddDeadline', issue: 1, minutes: 600 },
  { kind: 'tick', hours: 20 },
  { kind: 'assign', issue: 1, dep: 1, co: false, days: 4 },
  { kind: 'answer', issue: 1 },
  { kind: 'publish', issue: 1 },
  { kind: 'close', issue: 1 },
  { kind: 'push', station: 1, categories: [1] },
];

describe.each(backends)('board counts on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;
  let deps: string[];
  let listSeq = 1000;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    t = await appWithStations(db);
    deps = [];
    for (const name of ['县住建局', '县卫健委', '县交通局']) deps.push((await createDepartment(db, name, t.clock.now)).id);
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  /** Statuses from which each operation can go through. */
  const FITS: Record<string, string[]> = {
    assign: ['received', 'assigned', 'reopened'],
    accept: ['assigned', 'reopened'],
    return: ['assigned', 'reopened'],
    answer: ['assigned', 'reopened'],
    publish: ['responded'],
    close: ['responded', 'published'],
    reopen: ['responded', 'published'],
    rate: ['responded', 'published'],
    oddDeadline: ['assigned', 'reopened'],
  };

  /** Issue number `n` of all issues, or (when the index is odd) of those the operation can apply to, so sequences reach every state. */
  async function pickIssue(n: number, kind: string): Promise<{ id: string; lead: string | null } | null> {
    const fit = n % 2 === 1 ? (FITS[kind] ?? null) : null;
    const r = await db.query<{ id: string; lead_department_id: string | null }>(
      'SELECT id, lead_department_id FROM issues WHERE $1::text[] IS NULL OR status = ANY($1::text[]) ORDER BY id',
      [fit],
    );
    const row = r.rows[Math.floor(n / 2) % Math.max(r.rows.length, 1)];
    return row ? { id: row.id, lead: row.lead_department_id } : null;
  }

  /** Operation kinds that went through at least once (the others were refused every time). */
  const done = new Set<string>();

  async function stationOf(issueId: string): Promise<string> {
    return (await db.query<{ station_id: string }>('SELECT station_id FROM issues WHERE id = $1', [issueId])).rows[0]!.station_id;
  }
  async function tokenOf(issueId: string): Promise<string> {
    return (await stationOf(issueId)) === A ? t.tokenA : t.tokenB;
  }

  /** Runs one operation as the console or a station would; refusals (a wrong state) change nothing and are part of the sequence. */
  async function run(op: Op): Promise<void> {
    const now = t.clock.now;
    if (op.kind === 'tick') {
      t.clock.now = new Date(now.getTime() + op.hours * 3_600_000);
      done.add(op.kind);
      return;
    }
    if (op.kind === 'push') {
      const payload = listPayload(op.categories.map(() => randomUUID()), ++listSeq);
      payload.issues.forEach((issue, i) => (issue.category = CATEGORIES[op.categories[i]!]!));
      const res = await push(t.app, op.station === 0 ? t.tokenA : t.tokenB, op.station === 0 ? A : B, [listItem(payload)]);
      expect(res.statusCode).toBe(200);
      done.add(op.kind);
      return;
    }
    const issue = await pickIssue(op.issue, op.kind);
    if (!issue) return;
    const attempt = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
        done.add(op.kind);
      } catch (err) {
        if (!(err instanceof Error) || !('code' in err)) throw err;
      }
    };
    switch (op.kind) {
      case 'assign':
        return attempt(() => assignIssues(db, { issueIds: [issue.id], lead: { id: deps[op.dep]! }, co: op.co ? [{ id: deps[(op.dep + 1) % 3]! }] : [], days: op.days }, clerk, now));
      case 'accept':
        return attempt(() => acceptAssignment(db, issue.id, issue.lead ?? deps[0]!, clerk, now));
      case 'return':
        return attempt(() => returnAssignment(db, issue.id, issue.lead ?? deps[0]!, '不属于本单位职责。', clerk, now));
      case 'answer':
        // 接单 first when still pending (refused when already accepted), then the answer.
        await acceptAssignment(db, issue.id, issue.lead ?? deps[0]!, clerk, now).catch(() => undefined);
        return attempt(() => submitAnswer(db, issue.id, issue.lead ?? deps[0]!, answer, clerk, now));
      case 'publish':
        return attempt(() => publishIssue(db, issue.id, clerk, now));
      case 'close':
        // The visitor's rating comes first, as 销号 needs 满意 or 基本满意.
        await push(t.app, await tokenOf(issue.id), await stationOf(issue.id), [ratingItem(issue.id, 'satisfied')]);
        return attempt(() => closeIssue(db, issue.id, '', clerk, now));
      case 'reopen':
        return attempt(() => reopenIssue(db, issue.id, '请再作说明。', op.days, clerk, now));
      case 'rate': {
        const res = await push(t.app, await tokenOf(issue.id), await stationOf(issue.id), [ratingItem(issue.id, op.rating)]);
        if (res.statusCode === 200) done.add(op.kind);
        return;
      }
      case 'oddDeadline': {
        // As a fixture or an import might set it: any instant, not the end of a working day.
        const r = await db.query('UPDATE issues SET deadline = $2 WHERE id = $1 AND deadline IS NOT NULL', [issue.id, new Date(now.getTime() + op.minutes * 60_000)]);
        if (r.rowCount > 0) done.add(op.kind);
        return;
      }
    }
  }

  it('keeps board_counts equal to the open issues regrouped, and the counts equal to direct counts, after every operation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), fc.integer({ min: -2 * 1440, max: 14 * 1440 }), async (ops, lookMinutes) => {
        for (const op of ops) {
          await run(op);
          await expectTableRegrouped(db);
        }
        // The board read at the clock and at another hour, and exactly at an open issue's deadline (due today, the directly counted day).
        const due = await db.query<{ deadline: Date }>(`SELECT deadline FROM issues WHERE status IN ('assigned', 'reopened') AND deadline IS NOT NULL ORDER BY deadline DESC LIMIT 1`);
        const times = [t.clock.now, new Date(t.clock.now.getTime() + lookMinutes * 60_000)];
        if (due.rows[0]) times.push(new Date(due.rows[0].deadline), new Date(new Date(due.rows[0].deadline).getTime() + 1));
        for (const now of times) for (const f of filterKinds(deps[ops.length % 3]!)) await expectCountsDirect(db, f, now);
      }),
      // A hand-written sequence through the whole life of an issue first, then random ones.
      { numRuns: 15, examples: [[LIFE, 90]] },
    );
    // Counting afresh (the migration's backfill and the repair) gives the very table the trigger kept.
    const kept = (await db.query(STORED)).rows;
    await db.query('SELECT board_counts_rebuild()');
    expect((await db.query(STORED)).rows).toEqual(kept);
    // The sequences went through every operation, not only refusals.
    expect([...done].sort()).toEqual(['accept', 'answer', 'assign', 'close', 'oddDeadline', 'publish', 'push', 'rate', 'reopen', 'return', 'tick']);
    // About 20 s on a quiet machine; the two cores are often shared.
  }, 240_000);
});

describe('which filters the summary answers', () => {
  it('answers no filter or one of station, department and category, with any status, colour or 督办 filter; never a receive date or two dimensions', () => {
    expect(summaryScope({})).toEqual({ dim: 'all', val: '' });
    expect(summaryScope({ stationId: A, status: 'answered', colour: 'red', attention: 'unsatisfied' })).toEqual({ dim: 'station', val: A });
    expect(summaryScope({ departmentId: 'd1' })).toEqual({ dim: 'department', val: 'd1' });
    expect(summaryScope({ category: '用地' })).toEqual({ dim: 'category', val: '用地' });
    expect(summaryScope({ from: '2026-03-01' })).toBeNull();
    expect(summaryScope({ to: '2026-03-01' })).toBeNull();
    expect(summaryScope({ stationId: A, category: '用地' })).toBeNull();
  });
});

/** Applies only the migrations before `version`, as an older endpoint would have. */
async function migrateBefore(db: Database, version: number): Promise<void> {
  await db.exec('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const m of migrationFiles().filter((f) => f.version < version)) {
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
  }
}

const opened: { db: Database; cleanup: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const o of opened) {
    await o.db.close();
    await o.cleanup();
  }
});

async function rawDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'county-mig6-'));
    const db = await openPglite(dir);
    opened.push({ db, cleanup: async () => rmSync(dir, { recursive: true, force: true }) });
    return db;
  }
  const url = inject('pgUrl');
  if (!url) throw new Error(inject('pgError') ?? 'PostgreSQL server not started');
  const name = `county_mig6_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openPostgres(url.replace(/\/postgres$/, `/${name}`));
  opened.push({
    db,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  });
  return db;
}

describe.each(['pglite', 'postgres'] as const)('migration 006 on %s', (kind) => {
  it('gives existing issues their list’s receive date and fills board_counts from the open issues', async () => {
    const db = await rawDatabase(kind);
    await migrateBefore(db, 6);
    // A county as migration 005 left it: 40 issues in 4 lists, in every status, some without a department or deadline.
    await db.query(`INSERT INTO stations (id, name, token_hash) VALUES ('st-m6', '迁移联络站', 'h-m6')`);
    await db.query(`INSERT INTO departments (id, name) VALUES ('dep-m6-a', '县甲局'), ('dep-m6-b', '县乙局')`);
    await db.query(
      `INSERT INTO items (id, station_id, kind, content_hash, county_ref, received_at)
       SELECT 'list-m6-' || n, 'st-m6', 'issueList', 'hash-' || n, 'JH-M6-' || n, timestamptz '2026-03-01T08:00:00+08:00' + n * interval '3 days 5 hours' FROM generate_series(0, 3) n`,
    );
    await db.query(
      `INSERT INTO lists (id, station_id, list_year, list_seq, station_name, sealed_at, payload)
       SELECT 'list-m6-' || n, 'st-m6', 2026, n + 1, '迁移联络站', '2026-03-01T08:00:00+08:00', '{"issues": []}'::jsonb FROM generate_series(0, 3) n`,
    );
    await db.query(
      `INSERT INTO issues (id, list_id, station_id, seq, category, summary, handling, suggested_department, status, lead_department_id, deadline, satisfaction, updated_at)
       SELECT 'issue-m6-' || k, 'list-m6-' || (k / 10), 'st-m6', k % 10 + 1, (ARRAY['用地', '供电', '政策兑现'])[k % 3 + 1], '问题' || k, 'referToCounty', '县甲局',
              (ARRAY['received', 'assigned', 'responded', 'published', 'reopened', 'closed'])[k % 6 + 1],
              CASE WHEN k % 6 IN (0, 5) OR k % 7 = 0 THEN NULL ELSE (ARRAY['dep-m6-a', 'dep-m6-b'])[k % 2 + 1] END,
              CASE WHEN k % 6 = 0 OR k % 11 = 0 THEN NULL ELSE timestamptz '2026-03-10T23:59:59.999+08:00' + (k % 9) * interval '1 day 3 hours' END,
              CASE WHEN k % 4 = 0 THEN 'unsatisfied' WHEN k % 4 = 1 THEN 'satisfied' END, now()
         FROM generate_series(0, 39) k`,
    );
    expect(await migrate(db)).toEqual(['006_board_counts.sql']);
    const mismatched = await db.query(`SELECT i.id FROM issues i JOIN items it ON it.id = i.list_id WHERE i.received_at IS DISTINCT FROM it.received_at`);
    expect(mismatched.rows).toEqual([]);
    await expectTableRegrouped(db);
    const n = await db.query<{ n: number }>('SELECT sum(n)::int AS n FROM board_counts WHERE dim = $1', ['all']);
    expect(n.rows[0]?.n).toBeGreaterThan(20);
    for (const at of ['2026-03-12T10:00:00+08:00', '2026-03-13T23:59:59.999+08:00', '2026-03-18T02:00:00+08:00']) {
      for (const f of filterKinds('dep-m6-a')) await expectCountsDirect(db, { ...f, stationId: f.stationId ? 'st-m6' : null }, new Date(at));
    }
    // The trigger is live: an issue closed after the migration leaves the counts.
    await db.query(`UPDATE issues SET status = 'closed' WHERE id = 'issue-m6-1'`);
    await expectTableRegrouped(db);
  });
});
