/**
 * `npm run bench:county` (not part of any test suite): a county on a real PostgreSQL
 * server with 200 stations and 1,000,000 issues, filled with SQL (fill.ts). It measures
 * the 督办 board of the console (GET /console/api/work/board, signed in as a clerk) by the
 * server's own time for each request (Fastify's reply.elapsedTime, from the request's
 * arrival to the last byte sent), first on a quiet server and then while 50 stations push
 * issue lists through the real protocol (POST /v1/push) at once; beside each figure, a
 * raw SQL query of the same page timed in the same run. Results go to the
 * "## County console board" section of docs/benchmarks.md.
 *
 * Environment: BENCH_ISSUES (default 1000000; other values print only), BENCH_SAMPLES
 * (requests per page kind, default 40), BENCH_PUSHERS (default 50), BENCH_PUSHES (pushes
 * per station, default 20), BENCH_CLERKS (default 4).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import { percentile, table } from '../../tests/bench/stats.js';
import { writeSection } from '../../tests/bench/docSection.js';
import { readConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import { buildApp } from '../src/http/app.js';
import { createUser } from '../src/store/consoleUsers.js';
import { startPostgresServer } from '../tests/support/postgresServer.js';
import { benchToken, DEPARTMENTS, fill, stationId, STATIONS } from './fill.js';
import { benchListItem } from './pushes.js';
import { colourCutoffs, loadCalendar } from '../src/store/calendar.js';
import { BOARD_PAGES, rawPage, type BoardPage } from './pages.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ISSUES = env('BENCH_ISSUES', 1_000_000);
const SAMPLES = env('BENCH_SAMPLES', 40);
const PUSHERS = env('BENCH_PUSHERS', 50);
const PUSHES = env('BENCH_PUSHES', 20);
const CLERKS = env('BENCH_CLERKS', 4);
const TARGET_MS = 100;
const DOCS = resolve(import.meta.dirname, '../../docs/benchmarks.md');

const log = (msg: string) => console.log(`[bench:county] ${msg}`);

const server = await startPostgresServer(['shared_buffers=512MB', 'work_mem=16MB', 'effective_cache_size=4GB', 'max_connections=100']);
if (!server) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin');
const url = server.url.replace(/\/postgres$/, '/county_bench');
const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
await admin.query('CREATE DATABASE county_bench');
await admin.end();

const db = await openDatabase({ databaseUrl: url, dataDir: '' });
// The raw queries' own connections, as many as the clerks, apart from the server's pool.
const raw = new pg.Pool({ connectionString: url, max: CLERKS });
const now = new Date();
try {
  log(`filling ${ISSUES.toLocaleString('en')} issues…`);
  const t0 = performance.now();
  const steps = await fill(db, { issues: ISSUES, now, days: 3 * 365 });
  const fillSeconds = (performance.now() - t0) / 1000;
  log(`filled in ${fillSeconds.toFixed(1)} s: ${JSON.stringify(steps)}`);
  const sizes = await raw.query<{ issues: string; open: string; assignments: string; answers: string; db: string }>(
    `SELECT (SELECT count(*) FROM issues) AS issues,
            (SELECT count(*) FROM issues WHERE status IN ('assigned', 'responded', 'published', 'reopened')) AS open,
            (SELECT count(*) FROM assignments) AS assignments, (SELECT count(*) FROM answers) AS answers,
            pg_size_pretty(pg_database_size(current_database())) AS db`,
  );
  const size = sizes.rows[0]!;
  log(`issues ${size.issues}, open ${size.open}, assignments ${size.assignments}, answers ${size.answers}, database ${size.db}`);

  // The real server: protocol and console on one Fastify instance, timing every request.
  const config = readConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: url, COUNTY_RATE_PER_MINUTE: '100000', COUNTY_MAX_IN_FLIGHT: '256' });
  const app = await buildApp({ db, config, logger: false });
  const serverMs = new Map<string, number[]>();
  app.addHook('onResponse', async (request, reply) => {
    const label = request.headers['x-bench-label'];
    if (typeof label !== 'string') return;
    const list = serverMs.get(label) ?? [];
    list.push(reply.elapsedTime);
    serverMs.set(label, list);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  await createUser(db, { username: 'xlgwclerk', displayName: '选联工委', role: 'clerk', password: 'Kq7#mzR2-wpLt9', mustChangePassword: false }, now);
  const login = await fetch(`${base}/console/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'xlgwclerk', password: 'Kq7#mzR2-wpLt9' }),
  });
  if (!login.ok) throw new Error(`login refused: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';

  const board = async (page: BoardPage, label: string): Promise<void> => {
    const res = await fetch(`${base}/console/api/work/board?${page.query(now)}`, { headers: { cookie, 'x-bench-label': label } });
    if (!res.ok) throw new Error(`board ${page.name}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const cutoffs = colourCutoffs(await loadCalendar(db), now);
  const rawMs = new Map<string, number[]>();
  const rawRun = async (page: BoardPage, label: string): Promise<number> => {
    const q = rawPage(page, now, cutoffs);
    const t = performance.now();
    const r = await raw.query(q.sql, q.params);
    const ms = performance.now() - t;
    rawMs.set(label, [...(rawMs.get(label) ?? []), ms]);
    return r.rowCount ?? 0;
  };

  // The machine is shared: its load during the run is part of the result.
  const loadBefore = loadavg()[0] ?? 0;
  // Quiet: each page kind, a few warm-ups, then SAMPLES requests, each followed by its raw query.
  for (const page of BOARD_PAGES) {
    for (let i = 0; i < 3; i++) {
      await board(page, 'warmup');
      await rawRun(page, 'warmup');
    }
    for (let i = 0; i < SAMPLES; i++) {
      await board(page, `quiet:${page.name}`);
      await rawRun(page, `quiet:${page.name}`);
    }
    log(`quiet ${page.name}: p95 ${percentile(serverMs.get(`quiet:${page.name}`) ?? [], 95).toFixed(1)} ms (raw ${percentile(rawMs.get(`quiet:${page.name}`) ?? [], 95).toFixed(1)} ms)`);
  }

  // Load: PUSHERS stations push PUSHES lists each, all at once, while CLERKS clerks work the board.
  log(`load: ${PUSHERS} stations × ${PUSHES} pushes of one 20-issue list, ${CLERKS} clerks on the board`);
  const pushClientMs: number[] = [];
  const receipts: Record<string, number> = {};
  let pushing = true;
  const t1 = performance.now();
  const pushers = Array.from({ length: PUSHERS }, async (_, s) => {
    const n = s + 1;
    for (let i = 0; i < PUSHES; i++) {
      const item = benchListItem(`第${n}联络站（产业园）`, 5000 + i);
      const t = performance.now();
      const res = await fetch(`${base}/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${benchToken(n)}`, 'content-type': 'application/json', 'x-bench-label': 'push' },
        body: JSON.stringify({ protocolVersion: 1, stationId: stationId(n), items: [item] }),
      });
      const body = (await res.json()) as { receipts?: { status: string }[] };
      pushClientMs.push(performance.now() - t);
      const status = res.ok ? (body.receipts?.[0]?.status ?? 'none') : `http${res.status}`;
      receipts[status] = (receipts[status] ?? 0) + 1;
    }
  });
  const clerks = Array.from({ length: CLERKS }, async (_, c) => {
    for (let i = c; pushing; i++) {
      const page = BOARD_PAGES[i % BOARD_PAGES.length]!;
      await board(page, `load:${page.name}`);
      await rawRun(page, `load:${page.name}`);
    }
  });
  await Promise.all(pushers);
  const pushSeconds = (performance.now() - t1) / 1000;
  pushing = false;
  await Promise.all(clerks);
  log(`pushes: ${JSON.stringify(receipts)} in ${pushSeconds.toFixed(1)} s`);

  await app.close();
  const loadAfter = loadavg()[0] ?? 0;

  // Report.
  const f = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));
  const rows = BOARD_PAGES.map((page) => {
    const q = serverMs.get(`quiet:${page.name}`) ?? [];
    const qr = rawMs.get(`quiet:${page.name}`) ?? [];
    const l = serverMs.get(`load:${page.name}`) ?? [];
    const lr = rawMs.get(`load:${page.name}`) ?? [];
    return [page.label, f(percentile(q, 50)), f(percentile(q, 95)), f(percentile(qr, 95)), String(l.length), f(percentile(l, 50)), f(percentile(l, 95)), f(percentile(lr, 95))];
  });
  const allQuiet = BOARD_PAGES.flatMap((p) => serverMs.get(`quiet:${p.name}`) ?? []);
  const allLoad = BOARD_PAGES.flatMap((p) => serverMs.get(`load:${p.name}`) ?? []);
  const worst = (phase: string) => Math.max(...BOARD_PAGES.map((p) => percentile(serverMs.get(`${phase}:${p.name}`) ?? [], 95)).filter((v) => !Number.isNaN(v)));
  const worstQuiet = worst('quiet');
  const worstLoad = worst('load');
  const pushServer = serverMs.get('push') ?? [];
  const body = [
    `\`npm run bench:county\` (county-endpoint/bench/, outside the test suites), run ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC on the shared 2-core machine (1-minute load average ${loadBefore.toFixed(1)} when the measuring began, ${loadAfter.toFixed(1)} at the end: other work was running).`,
    '',
    `PostgreSQL ${(await raw.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? ''} (Debian's server started for the run, fsync off, shared_buffers 512MB), filled with SQL in ${fillSeconds.toFixed(0)} s:`,
    `${STATIONS} stations, ${DEPARTMENTS} departments, ${Number(size.issues).toLocaleString('en')} issues in lists of 20 received over three years (${Number(size.open).toLocaleString('en')} open on the board),`,
    `${Number(size.assignments).toLocaleString('en')} assignments, ${Number(size.answers).toLocaleString('en')} answers; database ${size.db}.`,
    '',
    `Board: GET /console/api/work/board signed in as a clerk, 50 rows a page with the colour counts, timed by the server (Fastify's elapsedTime: arrival to last byte).`,
    `"raw" is one SQL query returning the same 50 rows (same joins, filters, order), sent by a separate client in the same run. Quiet: ${SAMPLES} requests per page kind, one at a time.`,
    `Load: ${PUSHERS} stations push ${PUSHES} lists of 20 issues each through POST /v1/push, all at once, while ${CLERKS} clerks request board pages in turn. Target: p95 ≤ ${TARGET_MS} ms.`,
    '',
    table(['page', 'quiet p50 ms', 'quiet p95 ms', 'raw p95 ms', 'load n', 'load p50 ms', 'load p95 ms', 'raw (load) p95 ms'], rows),
    '',
    `- All board requests: quiet p95 ${f(percentile(allQuiet, 95))} ms, under load p95 ${f(percentile(allLoad, 95))} ms; worst page kind p95 ${f(worstQuiet)} ms quiet, ${f(worstLoad)} ms under load — ${worstQuiet <= TARGET_MS && worstLoad <= TARGET_MS ? 'target met' : 'target MISSED'}.`,
    `- Pushes: ${PUSHERS * PUSHES} lists (${(PUSHERS * PUSHES * 20).toLocaleString('en')} issues) in ${pushSeconds.toFixed(1)} s, receipts ${Object.entries(receipts).map(([k, v]) => `${k} ${v}`).join(', ')}; server time p50 ${f(percentile(pushServer, 50))} ms, p95 ${f(percentile(pushServer, 95))} ms; station's wait p95 ${f(percentile(pushClientMs, 95))} ms.`,
  ].join('\n');
  console.log(`\n${body}\n`);
  if (ISSUES === 1_000_000) {
    writeSection(DOCS, '## County console board', body);
    log(`wrote ${DOCS}`);
  }
} finally {
  await raw.end().catch(() => undefined);
  await db.close().catch(() => undefined);
  server.stop();
}
