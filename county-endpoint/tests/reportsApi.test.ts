/**
 * The reports' and 重点督办问题's API at the trust boundary, on PGlite and PostgreSQL: only
 * the 选联工委 and the admin reach them (a department user gets 403, nobody signed in 401),
 * a download writes its audit row, a bad period is refused in Chinese, a write without the
 * CSRF header is refused, and generated text in every key-issue field is either refused with
 * a Chinese message or stored exactly as typed (trimmed), never a 500.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { buildApp } from '../src/http/app.js';
import { readAudit } from '../src/store/consoleAudit.js';
import { createSession } from '../src/store/consoleSessions.js';
import { createUser } from '../src/store/consoleUsers.js';
import { backends } from './support/backends.js';
import { testConfig } from './support/fixtures.js';
import { CLERK_ID, DEPARTMENTS, REPORT_NOW, seedReportFixture, type ReportFixture } from './support/reportFixture.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const MARCH = 'from=2026-03-01&to=2026-03-31';

interface Caller {
  cookie: string;
  csrf: string;
}

describe.each(backends)('reports API on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let f: ReportFixture;
  let clerk: Caller;
  let dept: Caller;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    f = await seedReportFixture(db);
    app = await buildApp({ db, config: testConfig(), now: () => REPORT_NOW, logger: false });
    const life = { idleMs: 3_600_000, maxMs: 3_600_000 };
    const s = await createSession(db, CLERK_ID, new Date(), life);
    clerk = { cookie: `county_console=${s.id}`, csrf: s.csrfToken };
    const u = await createUser(db, { username: 'jinrong01', displayName: '金融办经办', role: 'department', departmentId: DEPARTMENTS.fin.id, password: 'Zq7!long-enough-pw', mustChangePassword: false }, REPORT_NOW);
    const d = await createSession(db, u.id, new Date(), life);
    dept = { cookie: `county_console=${d.id}`, csrf: d.csrfToken };
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  function call(who: Caller | null, method: 'GET' | 'POST', url: string, body?: unknown, csrf = true) {
    const headers: Record<string, string> = {};
    if (who) headers.cookie = who.cookie;
    if (who && method !== 'GET' && csrf) headers['x-csrf-token'] = who.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return app.inject({ method, url: `/console/api${url}`, headers, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
  }

  it('answers the tables and the 督察结果 paragraph to the clerk', async () => {
    const res = await call(clerk, 'GET', `/reports/departments?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ tables: { table: { rows: Record<string, unknown>[] } }[] }>();
    expect(body.tables[0]?.table.rows[0]).toEqual({
      department: '县金融办', assigned: 3, lead: 3, onTime: 2, overdue: 0, overdueOpen: 0, inProgress: 1, avgWorkingDays: 5, rated: 2, satisfactionRate: 0.5,
    });
    const sup = (await call(clerk, 'GET', `/reports/supervision?${MARCH}`)).json<{ summary: string; tables: unknown[] }>();
    expect(sup.tables).toHaveLength(5);
    expect(sup.summary).toBe(
      '本期共收到 2 个联络站报送的问题清单 2 份，收集问题 6 件，其中提请交办 4 件。本期交办 5 件，承办单位按期答复 3 件次，逾期 2 件次。答复结果为解决 1 件、部分解决 1 件、因政策原因暂不能解决 0 件。来访人已评价 3 件，满意率（满意及基本满意）66.7%。目前仍需持续督办 2 件。',
    );
  });

  it('a download is an .xlsx named in Chinese and leaves an audit row', async () => {
    const res = await call(clerk, 'GET', `/reports/stations.xlsx?${MARCH}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('联络站问题办理情况统计表_20260301-20260331.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('联络站')?.getCell('A4').value).toBe('银湾科创产业园人大代表联络站');
    const audit = await readAudit(db, { limit: 5, action: 'report' });
    expect(audit[0]).toMatchObject({ action: 'report.export', target: 'stations', username: 'xlgw', detail: { from: '2026-03-01', to: '2026-03-31', format: 'xlsx' } });
  });

  it('closes reports and key issues to department users and to nobody signed in; refuses a bad period in Chinese', async () => {
    for (const url of [`/reports/departments?${MARCH}`, `/reports/supervision.xlsx?${MARCH}`, '/key-issues', '/key-issues/candidates?q=贷款']) {
      expect((await call(dept, 'GET', url)).statusCode).toBe(403);
      expect((await call(null, 'GET', url)).statusCode).toBe(401);
    }
    expect((await call(dept, 'POST', '/key-issues', { year: 2026, title: '某', leader: '某', goal: '某' })).statusCode).toBe(403);
    const bad = await call(clerk, 'GET', '/reports/departments?from=2026-04-01&to=2026-03-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toBe('开始日期不能晚于结束日期。');
    expect((await call(clerk, 'GET', '/reports/departments')).statusCode).toBe(400);
  });

  it('key issues over HTTP: CSRF required, create, group, note, a clash answered 409 with a Chinese message', async () => {
    const body = { year: 2026, title: '企业融资难', leader: '县人大常委会副主任 陈国华', goal: '化解园区企业融资难题' };
    expect((await call(clerk, 'POST', '/key-issues', body, false)).statusCode).toBe(403);
    const created = await call(clerk, 'POST', '/key-issues', body);
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json<{ keyIssue: { id: string } }>().keyIssue.id;
    const again = await call(clerk, 'POST', '/key-issues', body);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain('已有名为“企业融资难”');
    // '贴息' is only in a4's summary; '融资贷款' is the category of a1, a3, a5 and b1.
    const found = (await call(clerk, 'GET', `/key-issues/candidates?q=${encodeURIComponent('贴息')}`)).json<{ issues: { id: string }[] }>();
    expect(found.issues.map((i) => i.id)).toEqual([f.issue.a4]);
    const byCategory = (await call(clerk, 'GET', `/key-issues/candidates?q=${encodeURIComponent('融资贷款')}`)).json<{ issues: { id: string }[] }>();
    expect(byCategory.issues.map((i) => i.id).sort()).toEqual([f.issue.a1, f.issue.a3, f.issue.a5, f.issue.b1].sort());
    const added = await call(clerk, 'POST', `/key-issues/${id}/issues`, { issueIds: [f.issue.a1] });
    expect(added.json<{ added: number }>().added).toBe(1);
    const noted = await call(clerk, 'POST', `/key-issues/${id}/notes`, { note: '召开银企对接会' });
    expect(noted.json<{ keyIssue: { notes: { note: string; authorName: string }[]; issueCount: number } }>().keyIssue).toMatchObject({
      issueCount: 1,
      notes: [{ note: '召开银企对接会', authorName: '王选联' }],
    });
    expect((await call(clerk, 'GET', '/key-issues/no-such-id')).statusCode).toBe(404);
  });

  it('generated text in every key-issue field: refused in Chinese or stored as typed, never a 500', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80, unit: 'binary' }), fc.string({ maxLength: 70, unit: 'grapheme' }), fc.string({ maxLength: 1100 }), fc.integer({ min: 1990, max: 2110 }), async (title, leader, goal, year) => {
        n += 1;
        const res = await call(clerk, 'POST', '/key-issues', { year, title: `${title}${n}`, leader, goal });
        expect(res.statusCode, res.body).not.toBe(500);
        if (res.statusCode === 200) {
          const k = res.json<{ keyIssue: { title: string; leader: string; goal: string; year: number } }>().keyIssue;
          expect(k).toMatchObject({ year, title: `${title}${n}`.trim(), leader: leader.trim(), goal: goal.trim() });
        } else {
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.json<{ error: { message: string } }>().error.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
