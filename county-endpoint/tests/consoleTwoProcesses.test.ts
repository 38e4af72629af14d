/**
 * Two real endpoint processes on one PostgreSQL database, as behind a load balancer: both
 * start at once (migrations applied once), the first admin is set up on one with the code
 * the other printed, a session opened on one works on the other, lockout and logout are
 * shared, sessions expire on both, and an issue goes round the loop with each step on
 * whichever process: pushed to A, enrolled and assigned on B, answered on A, pulled from B.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pushResponseSchema, updatesPath, updatesResponseSchema } from '../../shared/protocol/index.js';
import { listItem, listPayload } from './support/fixtures.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const STATION = 'st-two-proc-01';
const IDLE_SECONDS = 20;

interface Endpoint {
  child: ChildProcess;
  dir: string;
  base: string;
  setupCode: string | null;
  logs: string;
}

interface Caller {
  cookie: string;
  csrf: string;
}

describe('two endpoint processes on one PostgreSQL database', () => {
  let dbName = '';
  let dbUrl = '';
  let a: Endpoint;
  let b: Endpoint;
  let admin: Caller;
  const env = () => ({
    ...process.env,
    DATABASE_URL: dbUrl,
    PORT: '0',
    LOG_LEVEL: 'warn',
    COUNTY_SESSION_IDLE_SECONDS: String(IDLE_SECONDS),
    COUNTY_LOGIN_MAX_FAILURES: '3',
    COUNTY_CONSOLE_DIR: join(tmpdir(), 'no-console-build'),
  });

  function start(): Endpoint {
    const dir = mkdtempSync(join(tmpdir(), 'county-two-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...env(), COUNTY_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    const e: Endpoint = { child, dir, base: '', setupCode: null, logs: '' };
    child.stdout?.on('data', (d: Buffer) => (e.logs += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (e.logs += d.toString()));
    return e;
  }

  async function ready(e: Endpoint): Promise<void> {
    const file = join(e.dir, 'server.json');
    for (let i = 0; i < 600 && !existsSync(file); i++) {
      if (e.child.exitCode !== null) throw new Error(`endpoint exited: ${e.logs}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const info = JSON.parse(readFileSync(file, 'utf8')) as { port: number; setupCode?: string };
    e.base = `http://127.0.0.1:${info.port}`;
    e.setupCode = info.setupCode ?? null;
  }

  async function call(e: Endpoint, who: Caller | null, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown>; cookie: string | null }> {
    const headers: Record<string, string> = {};
    if (who) headers.cookie = who.cookie;
    if (who && method !== 'GET') headers['x-csrf-token'] = who.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${e.base}/console/api${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('county_console='));
    return { status: res.status, json: (await res.json()) as Record<string, unknown>, cookie: set ? (set.split(';')[0] ?? null) : null };
  }

  async function login(e: Endpoint, username: string, password: string): Promise<Caller> {
    const r = await call(e, null, 'POST', '/login', { username, password });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return { cookie: r.cookie ?? '', csrf: r.json.csrfToken as string };
  }

  beforeAll(async () => {
    const url = inject('pgUrl');
    if (!url) throw new Error(inject('pgError') ?? 'PostgreSQL server not started');
    dbName = `county_two_${process.pid}`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`CREATE DATABASE ${dbName}`);
    await c.end();
    dbUrl = url.replace(/\/postgres$/, `/${dbName}`);
    // Both at once, on an empty database: the migrations must be applied exactly once.
    a = start();
    b = start();
    await Promise.all([ready(a), ready(b)]);
  });

  afterAll(async () => {
    for (const e of [a, b]) {
      if (e && e.child.exitCode === null) {
        const exited = new Promise((r) => e.child.once('exit', r));
        e.child.kill('SIGTERM');
        await exited;
      }
      if (e) rmSync(e.dir, { recursive: true, force: true });
    }
    const url = inject('pgUrl');
    if (url && dbName) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName}`);
      await c.end();
    }
  });

  it('started both processes on one freshly migrated database, each with its own setup code', async () => {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const versions = (await c.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    await c.end();
    expect(versions.slice(0, 3)).toEqual([1, 2, 3]);
    expect(new Set(versions).size).toBe(versions.length);
    expect(a.setupCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(b.setupCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(a.logs).toContain(a.setupCode);
  });

  it('sets up the first admin on B with the code A printed, and the session works on A', async () => {
    const setup = await call(b, null, 'POST', '/setup', { code: a.setupCode, username: 'admin', displayName: '王主任' });
    expect(setup.status, JSON.stringify(setup.json)).toBe(200);
    admin = { cookie: setup.cookie ?? '', csrf: setup.json.csrfToken as string };
    // Every code died with the first admin, B's own too.
    expect((await call(a, null, 'POST', '/setup', { code: b.setupCode, username: 'other', displayName: '他人' })).status).toBe(409);
    const changed = await call(a, admin, 'POST', '/password', { current: a.setupCode, next: 'Zhuren-2026-mima' });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect((await call(b, admin, 'GET', '/users')).status).toBe(200);
    expect((await call(a, admin, 'GET', '/users')).status).toBe(200);
  });

  it('shares lockout between the processes: failures on A and B add up', async () => {
    expect((await call(a, null, 'POST', '/login', { username: 'admin', password: 'wrong-password-1' })).status).toBe(401);
    expect((await call(b, null, 'POST', '/login', { username: 'admin', password: 'wrong-password-2' })).status).toBe(401);
    const third = await call(a, null, 'POST', '/login', { username: 'admin', password: 'wrong-password-3' });
    expect(third.status).toBe(429);
    expect((await call(b, null, 'POST', '/login', { username: 'admin', password: 'Zhuren-2026-mima' })).status).toBe(429);
    // The lock is per user name: the admin's open session still works. The test lifts the lock to go on.
    expect((await call(b, admin, 'GET', '/session')).status).toBe(200);
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    await c.query("DELETE FROM console_login_failures WHERE key = 'user:admin'");
    await c.end();
  });

  it('creates a user with the CLI straight on PostgreSQL; the user signs in on either process', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'create-user', '--username', 'clerk01', '--name', '李书记员', '--role', 'clerk'], {
      cwd: root,
      env: { ...env(), COUNTY_DATA_DIR: a.dir },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const password = /初始密码: (\S+)/.exec(r.stdout)?.[1] ?? '';
    expect(password).toHaveLength(16);
    return (async () => {
      const s = await login(b, 'clerk01', password);
      expect((await call(a, s, 'GET', '/stations')).json).toMatchObject({ error: { code: 'mustChangePassword' } });
      expect((await call(a, s, 'POST', '/password', { current: password, next: 'Xuanlian-2026a' })).status).toBe(200);
      expect((await call(b, s, 'GET', '/stations')).status).toBe(200);
    })();
  });

  it('works an issue round the loop across both processes', async () => {
    // Admin on A: a department and its user.
    const dept = await call(a, admin, 'POST', '/departments', { name: '县住建局' });
    expect(dept.status, JSON.stringify(dept.json)).toBe(200);
    const departmentId = (dept.json.department as { id: string }).id;
    expect((await call(a, admin, 'POST', '/users', { username: 'zhujian01', displayName: '住建局经办', role: 'department', departmentId, password: 'Zhujian-2026a' })).status).toBe(200);

    // Clerk on B enrols the station; the token is shown once.
    const clerk = await login(b, 'clerk01', 'Xuanlian-2026a');
    const enrolled = await call(b, clerk, 'POST', '/stations', { id: STATION, name: '银湾科创产业园人大代表联络站' });
    expect(enrolled.status, JSON.stringify(enrolled.json)).toBe(200);
    const token = enrolled.json.token as string;

    // The station pushes to A.
    const issueId = randomUUID();
    const pushed = await fetch(`${a.base}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: 1, stationId: STATION, items: [listItem(listPayload([issueId]))] }),
    });
    expect(pushResponseSchema.parse(await pushed.json()).receipts[0]?.status).toBe('accepted');

    // The clerk, still on B, assigns it; the department answers on A.
    const assigned = await call(b, clerk, 'POST', '/work/assign', { issueIds: [issueId], leadDepartmentId: departmentId, coDepartmentIds: [], days: 7 });
    expect(assigned.status, JSON.stringify(assigned.json)).toBe(200);
    const dept1 = await login(a, 'zhujian01', 'Zhujian-2026a');
    expect((await call(b, dept1, 'POST', '/password', { current: 'Zhujian-2026a', next: 'Zhujian-2026b' })).status).toBe(200);
    expect((await call(a, dept1, 'POST', `/inbox/${issueId}/accept`, {})).status).toBe(200);
    const answered = await call(a, dept1, 'POST', `/inbox/${issueId}/answer/submit`, {
      progress: '已联系县卫健委核实板房费用',
      reply: '板房建设款已列入本月拨付计划',
      result: 'solved',
      explanation: '',
      handlerName: '赵经办',
      handlerPhone: '0797-1234567',
    });
    expect(answered.status, JSON.stringify(answered.json)).toBe(200);

    // The station pulls both updates from B.
    const page = updatesResponseSchema.parse(await (await fetch(`${b.base}${updatesPath(0)}`, { headers: { authorization: `Bearer ${token}` } })).json());
    expect(page.updates.map((u) => u.type)).toEqual(['assigned', 'responded']);
    expect(page.updates[0]?.department).toBe('县住建局');

    // The station list on A shows the contact and the open issue; the audit on B has every step.
    const stations = (await call(a, admin, 'GET', '/stations')).json.stations as { id: string; lastContactAt: string | null; listsReceived: number; pendingIssues: number }[];
    expect(stations.find((s) => s.id === STATION)).toMatchObject({ listsReceived: 1, pendingIssues: 1 });
    expect(stations.find((s) => s.id === STATION)?.lastContactAt).not.toBeNull();
    const audit = (await call(b, admin, 'GET', '/audit')).json.entries as { action: string; username: string | null }[];
    const actions = audit.map((e) => `${e.username ?? ''}:${e.action}`);
    for (const expected of ['clerk01:station.enroll', 'clerk01:issue.assign', 'zhujian01:login', 'admin:department.create', 'admin:user.create', 'admin:setup']) {
      expect(actions, expected).toContain(expected);
    }
  });

  it('keeps station tokens and console sessions apart on the real processes', async () => {
    const s = await login(a, 'clerk01', 'Xuanlian-2026a');
    const v1 = await fetch(`${b.base}/v1/ping?protocolVersion=1`, { headers: { cookie: s.cookie } });
    expect(v1.status).toBe(401);
    const rotated = await call(b, s, 'POST', `/stations/${STATION}/token`, {});
    const token = rotated.json.token as string;
    const consoleWithToken = await fetch(`${a.base}/console/api/stations`, { headers: { authorization: `Bearer ${token}` } });
    expect(consoleWithToken.status).toBe(401);
  });

  it('logs out on one process and the session is gone on the other; idle sessions expire on both', async () => {
    const s = await login(a, 'clerk01', 'Xuanlian-2026a');
    expect((await call(b, s, 'POST', '/logout', {})).status).toBe(200);
    expect((await call(a, s, 'GET', '/session')).status).toBe(401);

    const idle = await login(b, 'clerk01', 'Xuanlian-2026a');
    expect((await call(a, idle, 'GET', '/session')).status).toBe(200);
    await new Promise((r) => setTimeout(r, (IDLE_SECONDS + 1) * 1000));
    const expired = await call(a, idle, 'GET', '/stations');
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ error: { code: 'sessionExpired' } });
    expect((await call(b, idle, 'GET', '/session')).status).toBe(401);
  }, 60_000);
});
