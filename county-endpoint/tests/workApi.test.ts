/**
 * The work screens' API at the trust boundary, on PGlite and PostgreSQL: role isolation
 * (a department reaches only its own issues; another's answers 404 exactly like an id that
 * does not exist, and learns nothing), the clerk's routes closed to departments, the
 * whole loop through HTTP with its audit rows, and generated text (at the length limits,
 * markup, control characters, lone surrogates) in every free-text field: refused with a
 * Chinese message or stored exactly as typed (trimmed), never a 500.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updatesResponseSchema } from '../../shared/protocol/index.js';
import type { Database } from '../src/db/database.js';
import { ANSWER_LIMITS } from '../src/store/answers.js';
import { createSession } from '../src/store/consoleSessions.js';
import { createUser } from '../src/store/consoleUsers.js';
import { createDepartment } from '../src/store/departments.js';
import { backends } from './support/backends.js';
import { appWithStations, listItem, listPayload, push, updates, type TestApp } from './support/fixtures.js';

const A = 'st-yzw-001';
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

interface Caller {
  cookie: string;
  csrf: string;
}

describe.each(backends)('console work API on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;
  let app: FastifyInstance;
  const as: Record<'clerk' | 'admin' | 'housing' | 'health', Caller> = {} as Record<'clerk' | 'admin' | 'housing' | 'health', Caller>;
  let housingId: string;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    t = await appWithStations(db);
    app = t.app;
    housingId = (await createDepartment(db, '县住建局', t.clock.now)).id;
    const healthId = (await createDepartment(db, '县卫健委', t.clock.now)).id;
    const people = [
      ['clerk', 'clerk01', '王书记员', 'clerk', null],
      ['admin', 'admin01', '管理员', 'admin', null],
      ['housing', 'zhujian01', '住建局经办', 'department', housingId],
      ['health', 'weijian01', '卫健委经办', 'department', healthId],
    ] as const;
    for (const [key, username, displayName, role, departmentId] of people) {
      const u = await createUser(db, { username, displayName, role, departmentId, password: 'Zq7!long-enough-pw', mustChangePassword: false }, t.clock.now);
      const s = await createSession(db, u.id, new Date(), { idleMs: 3_600_000, maxMs: 3_600_000 });
      as[key] = { cookie: `county_console=${s.id}`, csrf: s.csrfToken };
    }
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  function call(who: Caller | null, method: 'GET' | 'POST', url: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (who) headers.cookie = who.cookie;
    if (who && method !== 'GET') headers['x-csrf-token'] = who.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return app.inject({ method, url: `/console/api${url}`, headers, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
  }

  async function newIssue(seq: number, summary?: string): Promise<string> {
    const id = randomUUID();
    const payload = listPayload([id], seq);
    if (summary) payload.issues[0]!.summary = summary;
    expect((await push(app, t.tokenA, A, [listItem(payload)])).statusCode).toBe(200);
    return id;
  }

  async function assignedToHousing(seq: number, summary?: string): Promise<string> {
    const id = await newIssue(seq, summary);
    const res = await call(as.clerk, 'POST', '/work/assign', { issueIds: [id], leadDepartmentId: housingId, days: 7 });
    expect(res.statusCode, res.body).toBe(200);
    return id;
  }

  it('closes the clerk routes to departments, and everything to a caller without a session or CSRF token', async () => {
    for (const [method, url] of [
      ['GET', '/work/unclaimed'],
      ['GET', '/work/board'],
      ['GET', '/work/options'],
      ['POST', '/work/assign'],
      ['POST', '/calendar/2026-10-09'],
    ] as const) {
      const res = await call(as.housing, method, url, method === 'POST' ? {} : undefined);
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await call(as.clerk, 'GET', '/inbox')).statusCode).toBe(403);
    expect((await call(as.clerk, 'POST', '/calendar/2026-10-09', { kind: 'holiday' })).statusCode).toBe(403);
    expect((await call(null, 'GET', '/work/board')).statusCode).toBe(401);
    const noCsrf = await app.inject({ method: 'POST', url: '/console/api/work/assign', headers: { cookie: as.clerk.cookie, 'content-type': 'application/json' }, payload: '{}' });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ error: { code: 'csrf' } });
  });

  it("answers another department's issue exactly like a missing one, and leaks none of it", async () => {
    const secret = '合顺实业机密诉求XYZ';
    const id = await assignedToHousing(201, secret);
    const missing = `missing-${randomUUID()}`;
    const own = await call(as.housing, 'GET', `/inbox/${id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(secret);
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['POST', '/accept', {}],
      ['POST', '/return', { reason: '不属于本单位' }],
      ['POST', '/answer/draft', { progress: '试探', reply: '', result: null, explanation: '', handlerName: '', handlerPhone: '' }],
      ['POST', '/answer/submit', { progress: '试探', reply: '试探', result: 'solved', explanation: '', handlerName: '某', handlerPhone: '12345' }],
    ] as const) {
      const other = await call(as.health, method, `/inbox/${id}${suffix}`, body);
      const none = await call(as.health, method, `/inbox/${missing}${suffix}`, body);
      expect(other.statusCode, suffix).toBe(404);
      expect(other.body).toBe(none.body);
      expect(other.body).not.toContain(secret);
      expect(other.body).not.toContain('县住建局');
    }
    const inbox = await call(as.health, 'GET', '/inbox');
    expect(inbox.body).not.toContain(id);
    // Nothing changed: the issue is still pending at the housing bureau, with no answer.
    const detail = (await call(as.clerk, 'GET', `/work/issues/${id}`)).json<{ issue: { assignments: { state: string }[]; answers: unknown[] } }>();
    expect(detail.issue.assignments.map((a) => a.state)).toEqual(['pending']);
    expect(detail.issue.answers).toEqual([]);
    const denied = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM console_audit WHERE action = 'issue.view.denied' AND target = $1`, [id]);
    expect(denied.rows[0]?.n).toBe(1);
  });

  it('runs assign → accept → draft → submit → publish through HTTP, audited, with one station update per step', async () => {
    const id = await assignedToHousing(202);
    expect((await call(as.housing, 'POST', `/inbox/${id}/accept`, {})).statusCode).toBe(200);
    const fields = { progress: '已现场查看。', reply: '本月内完成修缮。', result: 'solved', explanation: '', handlerName: '赵经办', handlerPhone: '0791 8654 3210' };
    expect((await call(as.housing, 'POST', `/inbox/${id}/answer/draft`, { ...fields, result: null })).statusCode).toBe(200);
    const submitted = await call(as.housing, 'POST', `/inbox/${id}/answer/submit`, fields);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await call(as.clerk, 'POST', `/work/issues/${id}/publish`, {})).statusCode).toBe(200);
    const page = updatesResponseSchema.parse((await updates(app, t.tokenA, 'protocolVersion=1&after=0&limit=1000')).json());
    expect(page.updates.filter((u) => u.issueId === id).map((u) => u.type)).toEqual(['assigned', 'responded', 'published']);
    const audit = await db.query<{ action: string; username: string }>('SELECT action, username FROM console_audit WHERE target = $1 ORDER BY id', [id]);
    expect(audit.rows.map((r) => `${r.username} ${r.action}`)).toEqual([
      'clerk01 issue.assign',
      'zhujian01 assignment.accept',
      'zhujian01 answer.draft',
      'zhujian01 answer.submit',
      'clerk01 issue.publish',
    ]);
    // Closing needs the visitor's satisfaction first.
    const close = await call(as.clerk, 'POST', `/work/issues/${id}/close`, {});
    expect(close.statusCode).toBe(409);
    expect(close.json()).toMatchObject({ error: { code: 'notSatisfied' } });
  });

  // Text a person might paste: CJK, markup, spaces, control characters, lone surrogates, emoji.
  const piece = fc.constantFrom('办', '理', '<script>alert(1)</script>', '<b>', '&amp;', '"', ' ', '\n', '\t', '\u0000', '\u0007', '\u007f', '\u0085', '\ud800', '\udc00', '😀', 'a', '1');
  const messy = fc.oneof(
    fc.array(piece, { maxLength: 40 }).map((a) => a.join('')),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    fc.integer({ min: 0, max: 2 }).chain((d) => fc.constantFrom('理'.repeat(ANSWER_LIMITS.progress - 1 + d), ` ${'理'.repeat(ANSWER_LIMITS.progress)} `)),
  );
  // An independent statement of the rule: C0/C1 controls other than TAB/LF/CR, and unpaired surrogates.
  // eslint-disable-next-line no-control-regex -- the characters under test
  const refused = (s: string) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

  it('stores any draft text exactly (trimmed) or refuses it with a Chinese message, never a 500', async () => {
    const id = await assignedToHousing(203);
    expect((await call(as.housing, 'POST', `/inbox/${id}/accept`, {})).statusCode).toBe(200);
    await fc.assert(
      fc.asyncProperty(messy, messy, async (progress, reply) => {
        const res = await call(as.housing, 'POST', `/inbox/${id}/answer/draft`, { progress, reply, result: null, explanation: '', handlerName: '', handlerPhone: '' });
        const tooLong = progress.trim().length > ANSWER_LIMITS.progress || reply.trim().length > ANSWER_LIMITS.reply;
        if (refused(progress) || refused(reply) || tooLong) {
          expect(res.statusCode, res.body).toBe(400);
          expect(res.json<{ error: { message: string } }>().error.message).toMatch(/[\u4e00-\u9fff]/);
          return;
        }
        expect(res.statusCode, res.body).toBe(200);
        const view = (await call(as.housing, 'GET', `/inbox/${id}`)).json<{ issue: { answers: { state: string; progress: string; reply: string }[] } }>();
        expect(view.issue.answers[0]).toMatchObject({ state: 'draft', progress: progress.trim(), reply: reply.trim() });
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses malformed bodies of every work route with a 4xx, never a 500', async () => {
    const id = await newIssue(204);
    const anyJson = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('issueIds', 'leadDepartmentId', 'coDepartmentIds', 'days', 'note', 'reason', 'kind', 'result'), fc.jsonValue()));
    await fc.assert(
      fc.asyncProperty(anyJson, fc.constantFrom('/work/assign', `/work/issues/${id}/reopen`, `/work/issues/${id}/follow-ups`, `/work/issues/${id}/close`), async (body, url) => {
        const res = await call(as.clerk, 'POST', url, body);
        expect(res.statusCode, `${url} ${JSON.stringify(body)} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json<{ error: { message: string } }>().error.message).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: RUNS },
    );
    // The issue is untouched by all that: still waiting in 待认领.
    const unclaimed = (await call(as.clerk, 'GET', '/work/unclaimed')).json<{ issues: { id: string }[] }>();
    expect(unclaimed.issues.map((i) => i.id)).toContain(id);
  });

  it('lets the admin edit the calendar, audited, and the clerk only read it', async () => {
    const set = await call(as.admin, 'POST', '/calendar/2026-12-31', { kind: 'holiday', note: '县里安排' });
    expect(set.statusCode, set.body).toBe(200);
    const read = (await call(as.clerk, 'GET', '/calendar?year=2026')).json<{ days: { day: string; kind: string }[] }>();
    expect(read.days).toContainEqual({ day: '2026-12-31', kind: 'holiday', note: '县里安排' });
    expect((await call(as.admin, 'POST', '/calendar/2026-12-31', { kind: null })).statusCode).toBe(200);
    const audit = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM console_audit WHERE action = 'calendar.set' AND target = '2026-12-31'`);
    expect(audit.rows[0]?.n).toBe(2);
  });
});
