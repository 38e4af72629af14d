/**
 * `npx tsx bench/explain.ts` (under the bench lock; not part of any suite): fills the same
 * 1,000,000-issue county as the benchmark and prints PostgreSQL's EXPLAIN ANALYZE of every
 * query the board sends for each page kind, so a plan that walks or sorts every open issue
 * shows up before the benchmark's figures do. BENCH_ISSUES changes the size.
 */
import pg from 'pg';
import { cstDateKey } from '../../shared/domain/workingDays.js';
import type { Queryable, QueryResult } from '../src/db/database.js';
import { openDatabase } from '../src/db/open.js';
import { readBoard, type BoardFilters } from '../src/store/board.js';
import { loadCalendar } from '../src/store/calendar.js';
import { startPostgresServer } from '../tests/support/postgresServer.js';
import { fill } from './fill.js';
import { BOARD_PAGES, type BoardPage } from './pages.js';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 1_000_000);

function filtersOf(page: BoardPage, now: Date): BoardFilters {
  const f = page.filters;
  return {
    stationId: f.station ?? null,
    departmentId: f.department ?? null,
    category: f.category ?? null,
    status: (f.status as BoardFilters['status']) ?? null,
    colour: f.colour ?? null,
    from: f.recentDays ? cstDateKey(new Date(now.getTime() - f.recentDays * 86_400_000)) : null,
    to: f.recentDays ? cstDateKey(now) : null,
    offset: f.offset ?? 0,
    limit: 50,
  };
}

const server = await startPostgresServer(['shared_buffers=512MB', 'work_mem=16MB', 'effective_cache_size=4GB', 'max_connections=100']);
if (!server) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin');
const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
await admin.query('CREATE DATABASE county_explain');
await admin.end();
const url = server.url.replace(/\/postgres$/, '/county_explain');
const db = await openDatabase({ databaseUrl: url, dataDir: '' });
const client = new pg.Client({ connectionString: url });
try {
  const now = new Date();
  const t0 = performance.now();
  console.log(JSON.stringify(await fill(db, { issues: ISSUES, now, days: 3 * 365 })), `${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await client.connect();
  const summary = await client.query<{ dim: string; rows: string }>('SELECT dim, count(*) AS rows FROM board_counts GROUP BY dim ORDER BY dim');
  console.log('board_counts rows:', summary.rows.map((r) => `${r.dim} ${r.rows}`).join(', '));
  const explaining: Queryable = {
    async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      // One at a time, so each plan prints whole.
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
      const r = await client.query(sql, params);
      return { rows: r.rows as Row[], rowCount: r.rowCount ?? r.rows.length };
    },
  };
  const calendar = await loadCalendar(db);
  for (const page of BOARD_PAGES) {
    console.log(`\n===== ${page.name} (${page.label})`);
    // Warm once, then explain: the benchmark measures a warm server too.
    await readBoard(db, filtersOf(page, now), calendar, now);
    const board = await readBoard(explaining, filtersOf(page, now), calendar, now);
    console.log(`rows ${board.rows.length}, total ${board.total}, counts ${JSON.stringify(board.counts)}`);
  }
} finally {
  await client.end().catch(() => undefined);
  await db.close().catch(() => undefined);
  server.stop();
}
