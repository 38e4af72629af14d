/**
 * The console's doors, in process on PGlite and PostgreSQL: first-admin setup with the
 * one-time code, login, forced password change, CSRF on every state-changing request,
 * session expiry (idle and absolute), lockout counted in the database, roles, and the
 * wall between station tokens and console sessions.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { readAudit } from '../src/store/consoleAudit.js';
import { issueSetupCode } from '../src/store/consoleSetup.js';
import { createUser } from '../src/store/consoleUsers.js';
import { createDepartment } from '../src/store/departments.js';
import { backends } from './support/backends.js';
import { appWithStations, testConfig, type TestApp } from './support/fixtures.js';

const A = 'st-yzw-001';
const PASSWORD = 'Lianluo-2026-zhan';

interface Caller {
  cookie: string;
  csrf: string;
}

function cookieOf(res: LightMyRequestResponse): string {
  const set = res.headers['set-cookie'];
  const first = (Array.isArray(set) ? set : [set ?? '']).find((c) => c.startsWith('county_console='));
  if (!first) throw new Error(`no session cookie in ${String(set)}`);
  return first.split(';')[0] ?? '';
}

describe.each(backends)('console accounts and sessions on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;
  let app: FastifyInstance;
  let admin: Caller;

  function call(who: Caller | null, method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (who) h.cookie = who.cookie;
    if (who && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = who.csrf;
    if (body !== undefined) h['content-type'] = 'application/json';
    return app.inject({ method, url: `/console/api${url}`, headers: h, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
  }

  async function login(username: string, password: string): Promise<Caller> {
    const res = await call(null, 'POST', '/login', { username, password });
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: cookieOf(res), csrf: (res.json<{ csrfToken: string }>()).csrfToken };
  }

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    t = await appWithStations(db, { console: { sessionIdleMs: 30 * 60_000, sessionMaxMs: 12 * 3_600_000, cookieSecure: false, maxLoginFailures: 5, lockoutMs: 15 * 60_000, staticDir: '/nonexistent' } });
    app = t.app;
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  it('creates the first admin only with the one-time setup code, then forces a password change', async () => {
    expect((await call(null, 'GET', '/setup')).json()).toEqual({ needed: true });
    const code = await issueSetupCode(db, t.clock.now);
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    // A stranger without the code gets nowhere; nor does a cross-site page.
    const wrong = await call(null, 'POST', '/setup', { code: 'AAAA-BBBB-CCCC', username: 'intruder', displayName: '陌生人' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'badSetupCode', message: '初始化码不正确或已失效。' } });
    const crossSite = await call(null, 'POST', '/setup', { code, username: 'intruder', displayName: '陌生人' }, { origin: 'http://evil.example' });
    expect(crossSite.statusCode).toBe(403);

    const ok = await call(null, 'POST', '/setup', { code: code?.toLowerCase(), username: 'Admin', displayName: '王主任' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ user: { username: 'admin', role: 'admin' }, mustChangePassword: true });
    const setCookie = String(ok.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/console/);
    admin = { cookie: cookieOf(ok), csrf: (ok.json<{ csrfToken: string }>()).csrfToken };

    // The code is used up: a second claim fails even with the same code.
    expect((await call(null, 'POST', '/setup', { code, username: 'second', displayName: '第二' })).statusCode).toBe(409);
    expect((await call(null, 'GET', '/setup')).json()).toEqual({ needed: false });

    // Until the password is changed, nothing else opens.
    expect((await call(admin, 'GET', '/users')).json()).toMatchObject({ error: { code: 'mustChangePassword' } });
    const weak = await call(admin, 'POST', '/password', { current: code, next: 'short' });
    expect(weak.statusCode).toBe(400);
    const changed = await call(admin, 'POST', '/password', { current: code, next: PASSWORD });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await call(admin, 'GET', '/users')).statusCode).toBe(200);
  });

  it('refuses every state-changing request without the session CSRF token or with a wrong one', async () => {
    const without = await call(admin, 'POST', '/departments', { name: '县住建局' }, { 'x-csrf-token': '' });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ error: { code: 'csrf' } });
    // One character off (never the same character: the token may end in 'x').
    const wrong = await call(admin, 'POST', '/departments', { name: '县住建局' }, { 'x-csrf-token': `${admin.csrf.slice(0, -1)}${admin.csrf.endsWith('x') ? 'y' : 'x'}` });
    expect(wrong.statusCode).toBe(403);
    const otherSession = await login('admin', PASSWORD);
    const crossed = await call(admin, 'POST', '/departments', { name: '县住建局' }, { 'x-csrf-token': otherSession.csrf });
    expect(crossed.statusCode).toBe(403);
    const noHeaderAtAll = await app.inject({ method: 'POST', url: '/console/api/logout', headers: { cookie: admin.cookie } });
    expect(noHeaderAtAll.statusCode).toBe(403);
    // Nothing was created by the refused requests.
    expect(((await call(admin, 'GET', '/departments')).json<{ departments: unknown[] }>()).departments).toHaveLength(0);
    const right = await call(admin, 'POST', '/departments', { name: '县住建局' });
    expect(right.statusCode, right.body).toBe(200);
  });

  it('gives each role only its own screens', async () => {
    const departments = (await call(admin, 'GET', '/departments')).json<{ departments: { id: string }[] }>();
    const departmentId = departments.departments[0]?.id;
    const clerkRes = await call(admin, 'POST', '/users', { username: 'clerk01', displayName: '李书记员', role: 'clerk', password: 'Xuanlian-2026a' });
    expect(clerkRes.statusCode, clerkRes.body).toBe(200);
    const deptRes = await call(admin, 'POST', '/users', { username: 'zhujian01', displayName: '住建局经办', role: 'department', departmentId, password: 'Zhujian-2026a' });
    expect(deptRes.statusCode, deptRes.body).toBe(200);
    expect((await call(admin, 'POST', '/users', { username: 'nodept', displayName: '无单位', role: 'department', password: 'Zhujian-2026a' })).statusCode).toBe(400);
    expect((await call(admin, 'POST', '/users', { username: 'clerk01', displayName: '重名', role: 'clerk', password: 'Xuanlian-2026a' })).statusCode).toBe(409);

    const clerk = await login('clerk01', 'Xuanlian-2026a');
    expect((await call(clerk, 'GET', '/stations')).json()).toMatchObject({ error: { code: 'mustChangePassword' } });
    expect((await call(clerk, 'POST', '/password', { current: 'Xuanlian-2026a', next: 'Xuanlian-2026b' })).statusCode).toBe(200);
    expect((await call(clerk, 'GET', '/stations')).statusCode).toBe(200);
    expect((await call(clerk, 'GET', '/users')).statusCode).toBe(403);
    expect((await call(clerk, 'GET', '/audit')).statusCode).toBe(403);

    const dept = await login('zhujian01', 'Zhujian-2026a');
    await call(dept, 'POST', '/password', { current: 'Zhujian-2026a', next: 'Zhujian-2026b' });
    for (const url of ['/stations', '/users', '/audit']) expect((await call(dept, 'GET', url)).statusCode, url).toBe(403);
    expect((await call(dept, 'POST', '/stations', { id: 'st-new-00001', name: '新站' })).statusCode).toBe(403);
  });

  it('shows a station token once at enrolment and rotation; the token never opens the console', async () => {
    const enrolled = await call(admin, 'POST', '/stations', { id: 'st-new-00001', name: '新港联络站' });
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    const token = (enrolled.json<{ token: string }>()).token;
    expect(token).toMatch(/^sdt_/);
    const list = (await call(admin, 'GET', '/stations')).json<{ stations: { id: string }[] }>();
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.stations.map((s) => s.id)).toContain('st-new-00001');

    // Station token at the console: not logged in.
    for (const url of ['/session', '/stations', '/users']) {
      const res = await app.inject({ method: 'GET', url: `/console/api${url}`, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, url).toBe(401);
    }
    // The station itself speaks the protocol with it.
    expect((await app.inject({ method: 'GET', url: '/v1/ping?protocolVersion=1', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);

    const rotated = await call(admin, 'POST', '/stations/st-new-00001/token', {});
    const fresh = (rotated.json<{ token: string }>()).token;
    expect(fresh).not.toBe(token);
    expect((await app.inject({ method: 'GET', url: '/v1/ping?protocolVersion=1', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('never lets a console session speak the station protocol', async () => {
    for (const [method, url] of [['GET', `/v1/updates?stationId=${A}&after=0`], ['GET', '/v1/ping?protocolVersion=1'], ['POST', '/v1/push']] as const) {
      const res = await app.inject({
        method,
        url,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        ...(method === 'POST' ? { payload: JSON.stringify({ protocolVersion: 1, stationId: A, items: [] }) } : {}),
      });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('ends a session after the idle time and after the longest lifetime', async () => {
    const s = await login('clerk01', 'Xuanlian-2026b');
    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + 29 * 60_000);
      expect((await call(s, 'GET', '/session')).statusCode).toBe(200);
      // Each request slides the idle deadline…
      t.clock.now = new Date(start.getTime() + 58 * 60_000);
      expect((await call(s, 'GET', '/stations')).statusCode).toBe(200);
      // …until 30 minutes pass without one.
      t.clock.now = new Date(start.getTime() + 88 * 60_000 + 1000);
      const expired = await call(s, 'GET', '/stations');
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toMatchObject({ error: { code: 'sessionExpired', message: '登录已过期，请重新登录。' } });
      const late = await call(s, 'POST', '/logout', {});
      expect(late.statusCode).toBe(401);

      // Active all day, a session still ends 12 hours after login.
      const busy = await login('clerk01', 'Xuanlian-2026b');
      const from = t.clock.now.getTime();
      for (let m = 25; m < 12 * 60; m += 25) {
        t.clock.now = new Date(from + m * 60_000);
        expect((await call(busy, 'GET', '/session')).statusCode, `minute ${m}`).toBe(200);
      }
      t.clock.now = new Date(from + 12 * 3_600_000 + 1000);
      expect((await call(busy, 'GET', '/session')).statusCode).toBe(401);
    } finally {
      t.clock.now = start;
    }
  });

  it('locks a user name after repeated failures, counted in the database, and unlocks after the lockout', async () => {
    await createUser(db, { username: 'locky', displayName: '锁定测试', role: 'clerk', password: 'Suoding-2026a', mustChangePassword: false }, t.clock.now);
    for (let i = 0; i < 4; i++) {
      const r = await call(null, 'POST', '/login', { username: 'locky', password: `wrong-${i}-password` });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ error: { code: 'badCredentials', message: '用户名或密码不正确。' } });
    }
    const fifth = await call(null, 'POST', '/login', { username: 'LOCKY', password: 'wrong-again-pw' });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ error: { code: 'locked' } });
    const row = await db.query<{ failures: number }>("SELECT failures FROM console_login_failures WHERE key = 'user:locky'");
    expect(row.rows[0]?.failures).toBe(5);
    // Even the right password is refused while locked.
    expect((await call(null, 'POST', '/login', { username: 'locky', password: 'Suoding-2026a' })).statusCode).toBe(429);
    // An unknown name answers exactly like a wrong password.
    const unknown = await call(null, 'POST', '/login', { username: 'nobody-here', password: 'whatever-pw1' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual({ error: { code: 'badCredentials', message: '用户名或密码不正确。' } });

    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + 15 * 60_000 + 1000);
      expect((await call(null, 'POST', '/login', { username: 'locky', password: 'Suoding-2026a' })).statusCode).toBe(200);
      expect((await db.query("SELECT 1 FROM console_login_failures WHERE key = 'user:locky'")).rows).toHaveLength(0);
    } finally {
      t.clock.now = start;
    }
  });

  it('ends every session of a disabled user and refuses the login', async () => {
    const dept = await createDepartment(db, '县卫健委', t.clock.now);
    await createUser(db, { username: 'weijian01', displayName: '卫健委经办', role: 'department', departmentId: dept.id, password: 'Weijian-2026a', mustChangePassword: false }, t.clock.now);
    const s = await login('weijian01', 'Weijian-2026a');
    // The clock moves in the tests above, and an expired session is swept at the next login.
    admin = await login('admin', PASSWORD);
    const users = (await call(admin, 'GET', '/users')).json<{ users: { id: string; username: string }[] }>();
    const id = users.users.find((u) => u.username === 'weijian01')?.id ?? '';
    expect((await call(admin, 'POST', `/users/${id}/disabled`, { disabled: true })).statusCode).toBe(200);
    expect((await call(s, 'GET', '/session')).statusCode).toBe(401);
    const refused = await call(null, 'POST', '/login', { username: 'weijian01', password: 'Weijian-2026a' });
    expect(refused.json()).toMatchObject({ error: { code: 'accountDisabled' } });
  });

  it('logs out: the cookie is cleared and the session no longer opens anything', async () => {
    const s = await login('clerk01', 'Xuanlian-2026b');
    const out = await call(s, 'POST', '/logout', {});
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/county_console=;/);
    expect((await call(s, 'GET', '/stations')).statusCode).toBe(401);
  });

  it('records every action with user, time and address, visible to the admin only', async () => {
    const rows = await readAudit(db, { limit: 500 });
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['setup', 'setup.failed', 'login', 'login.failed', 'login.locked', 'logout', 'password.change', 'user.create', 'user.disable', 'department.create', 'station.enroll', 'station.rotateToken']) {
      expect(actions, a).toContain(a);
    }
    const enrol = rows.find((r) => r.action === 'station.enroll');
    expect(enrol).toMatchObject({ username: 'admin', target: 'st-new-00001', address: '127.0.0.1' });
    expect(JSON.stringify(rows)).not.toContain('Xuanlian-2026');
    const page = (await call(admin, 'GET', '/audit?action=login')).json<{ entries: { action: string }[] }>();
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.action === 'login' || e.action.startsWith('login.'))).toBe(true);
    // No session cookie or password hash is stored anywhere readable.
    const sessions = await db.query<{ id_hash: string }>('SELECT id_hash FROM console_sessions');
    expect(sessions.rows.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true);
    const hashes = await db.query<{ password_hash: string }>('SELECT password_hash FROM console_users');
    expect(hashes.rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
  });
});

describe('console routes', () => {
  it('refuses to start with a console API route that states no role, HEAD included', async () => {
    const { db, cleanup } = await backends[0]!.open();
    try {
      const t = await appWithStations(db);
      // Every route the app registered passed the check; a HEAD of a guarded GET is guarded too.
      const head = await t.app.inject({ method: 'HEAD', url: '/console/api/users' });
      expect(head.statusCode).toBe(401);
      // Console pages and answers are never framed or sniffed, and get no CORS headers.
      for (const url of ['/console/', '/console/api/session']) {
        const res = await t.app.inject({ method: 'GET', url, headers: { origin: 'http://elsewhere.example' } });
        expect(res.headers['x-frame-options'], url).toBe('DENY');
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(String(res.headers['content-security-policy']), url).toContain("frame-ancestors 'none'");
        expect(res.headers['access-control-allow-origin'], url).toBeUndefined();
      }
      await t.app.close();
      const { buildApp } = await import('../src/http/app.js');
      const { CONSOLE_ROUTE_MODULES } = await import('../src/console/routes/index.js');
      CONSOLE_ROUTE_MODULES.push((app) => app.get('/console/api/forgotten', async () => ({ secret: true })));
      try {
        await expect(buildApp({ db, config: testConfig(), logger: false })).rejects.toThrow(/GET \/console\/api\/forgotten has no requireRole/);
      } finally {
        CONSOLE_ROUTE_MODULES.pop();
      }
    } finally {
      await cleanup();
    }
  });
});
