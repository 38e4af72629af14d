/**
 * The clerk's and departments' work on real storage (PGlite and PostgreSQL): deadlines in
 * working days across a 法定节假日 and a 调休 Saturday, 三色 boundaries on the board,
 * accept and return, draft → submit giving exactly one status update, 公示 / 销号 / 持续督办,
 * and the command line going through the same assignment.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../../shared/domain/calendars/cn2026.js';
import { pushResponseSchema, updatesResponseSchema, type StatusUpdate } from '../../shared/protocol/index.js';
import type { Database } from '../src/db/database.js';
import { submitAnswer, saveAnswerDraft, type AnswerFields } from '../src/store/answers.js';
import { acceptAssignment, assignIssues, returnAssignment } from '../src/store/assignments.js';
import { readBoard } from '../src/store/board.js';
import { listCalendarDays, loadCalendar, setCalendarDay } from '../src/store/calendar.js';
import { runCommand } from '../src/store/commands.js';
import { createDepartment } from '../src/store/departments.js';
import { addFollowUp, closeIssue, publishIssue, reopenIssue } from '../src/store/supervision.js';
import { departmentInbox, listUnclaimed, readIssueDetail } from '../src/store/workQueries.js';
import type { Actor } from '../src/store/workActor.js';
import { backends } from './support/backends.js';
import { appWithStations, listItem, listPayload, push, ratingItem, updates, type TestApp } from './support/fixtures.js';

const A = 'st-yzw-001';
const clerk: Actor = { userId: null, username: 'clerk-test', displayName: '县选联工委', address: '127.0.0.1' };
const answer: AnswerFields = {
  progress: '已会同财政局核实板房建设款,列入本月拨付计划。',
  reply: '板房建设款 9.9 万元将于 3 月 25 日前拨付到位。',
  result: 'solved',
  explanation: '',
  handlerName: '李明',
  handlerPhone: '0791-86543210',
};

describe.each(backends)('console work on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;
  let housing: string;
  let health: string;
  let transport: string;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    t = await appWithStations(db);
    housing = (await createDepartment(db, '县住建局', t.clock.now)).id;
    health = (await createDepartment(db, '县卫健委', t.clock.now)).id;
    transport = (await createDepartment(db, '县交通局', t.clock.now)).id;
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  /** Pushes one list of `n` issues from station A; returns their ids. */
  async function issues(n: number, seq: number): Promise<string[]> {
    const ids = Array.from({ length: n }, () => randomUUID());
    const res = await push(t.app, t.tokenA, A, [listItem(listPayload(ids, seq))]);
    expect(pushResponseSchema.parse(res.json()).receipts[0]?.status).toBe('accepted');
    return ids;
  }

  async function stationUpdates(issueId: string): Promise<StatusUpdate[]> {
    const page = updatesResponseSchema.parse((await updates(t.app, t.tokenA, 'protocolVersion=1&after=0&limit=1000')).json());
    return page.updates.filter((u) => u.issueId === issueId);
  }

  it('is seeded with the same 2026 calendar as the station ships', async () => {
    const cal = await loadCalendar(db);
    expect([...cal.holidays].sort()).toEqual([...CN_2026_CALENDAR.holidays].sort());
    expect([...cal.workdays].sort()).toEqual([...CN_2026_CALENDAR.workdays].sort());
    expect((await listCalendarDays(db, 2026)).find((d) => d.day === '2026-10-10')).toEqual({ day: '2026-10-10', kind: 'workday', note: '国庆节调休' });
  });

  it('counts a deadline in working days across 国庆 and the 调休 Saturday after it', async () => {
    // Wednesday 30 September 2026, 10:00 in China.
    t.clock.now = new Date('2026-09-30T02:00:00Z');
    const [id] = await issues(1, 101);
    const [r] = await assignIssues(db, { issueIds: [id!], lead: { id: housing }, days: 7 }, clerk, t.clock.now);
    // 1–7 October off; 8 (1), 9 (2), Saturday 10 调休 (3), 12 (4), 13 (5), 14 (6), 15 (7).
    expect(r?.deadline).toBe(new Date('2026-10-15T23:59:59.999+08:00').toISOString());
    const [u] = await stationUpdates(id!);
    expect(u).toMatchObject({ type: 'assigned', department: '县住建局', deadline: r?.deadline });
  });

  it('counts the 春节 make-up Saturday as a working day, and an admin edit changes the count', async () => {
    // Thursday 12 February 2026.
    t.clock.now = new Date('2026-02-12T02:00:00Z');
    const [x, y] = await issues(2, 102);
    const [rx] = await assignIssues(db, { issueIds: [x!], lead: { id: health }, days: 2 }, clerk, t.clock.now);
    expect(rx?.deadline).toBe(new Date('2026-02-14T23:59:59.999+08:00').toISOString());
    // The admin declares Friday 13th a day off.
    await setCalendarDay(db, { day: '2026-02-13', kind: 'holiday', note: '县里安排' }, null, t.clock.now);
    const [ry] = await assignIssues(db, { issueIds: [y!], lead: { id: health }, days: 2 }, clerk, t.clock.now);
    // 13 off, 14 调休 (1), 15–23 春节, 24 (2).
    expect(ry?.deadline).toBe(new Date('2026-02-24T23:59:59.999+08:00').toISOString());
    await setCalendarDay(db, { day: '2026-02-13', kind: null }, null, t.clock.now);
    await expect(setCalendarDay(db, { day: '2026-02-30', kind: 'holiday' }, null, t.clock.now)).rejects.toThrow(/日期格式/);
  });

  it('colours the board: green, then yellow at two working days left, then red once overdue', async () => {
    // Monday 9 March 2026; 7 working days → Wednesday 18 March, end of day.
    t.clock.now = new Date('2026-03-09T02:00:00Z');
    const [id] = await issues(1, 103);
    await assignIssues(db, { issueIds: [id!], lead: { id: transport }, days: 7 }, clerk, t.clock.now);
    const colourAt = async (iso: string) => {
      const now = new Date(iso);
      const cal = await loadCalendar(db);
      const board = await readBoard(db, { departmentId: transport }, cal, now);
      const row = board.rows.find((r) => r.id === id);
      // The SQL ranges agree with the colour computed per row.
      for (const colour of ['green', 'yellow', 'red'] as const) {
        const filtered = await readBoard(db, { departmentId: transport, colour }, cal, now);
        expect(filtered.rows.some((r) => r.id === id)).toBe(row?.colour === colour);
        expect(filtered.total).toBe(board.counts[colour]);
      }
      return row?.colour;
    };
    // Friday 13th: 16, 17, 18 left = 3 working days → green.
    expect(await colourAt('2026-03-13T09:00:00+08:00')).toBe('green');
    // Friday 13th late evening is still the 13th in China.
    expect(await colourAt('2026-03-13T23:59:00+08:00')).toBe('green');
    // Monday 16th: 17, 18 left = 2 → yellow (the weekend before counted nothing).
    expect(await colourAt('2026-03-16T00:00:00+08:00')).toBe('yellow');
    expect(await colourAt('2026-03-18T23:59:59+08:00')).toBe('yellow');
    expect(await colourAt('2026-03-19T00:00:00+08:00')).toBe('red');
    const overdue = await readBoard(db, { attention: 'overdue' }, await loadCalendar(db), new Date('2026-03-19T00:00:00+08:00'));
    expect(overdue.rows.map((r) => r.id)).toContain(id);
  });

  it('filters the board by receive date (China time), station, department, category and status', async () => {
    // Received Tuesday 10 March 2026 at 07:30 China time (still the 9th in UTC).
    t.clock.now = new Date('2026-03-09T23:30:00Z');
    const [id] = await issues(1, 111);
    await assignIssues(db, { issueIds: [id!], lead: { id: housing }, days: 7 }, clerk, t.clock.now);
    const cal = await loadCalendar(db);
    const has = async (f: Parameters<typeof readBoard>[1]) => (await readBoard(db, { ...f, limit: 200 }, cal, t.clock.now)).rows.some((r) => r.id === id);
    expect(await has({ from: '2026-03-10', to: '2026-03-10' })).toBe(true);
    expect(await has({ to: '2026-03-09' })).toBe(false);
    expect(await has({ from: '2026-03-11' })).toBe(false);
    expect(await has({ stationId: A, departmentId: housing, category: '政策兑现', status: 'assigned' })).toBe(true);
    expect(await has({ stationId: 'st-hk-0002' })).toBe(false);
    expect(await has({ departmentId: health })).toBe(false);
    expect(await has({ category: '其他' })).toBe(false);
    expect(await has({ status: 'answered' })).toBe(false);
    const page = await readBoard(db, { from: '2026-03-10', to: '2026-03-10' }, cal, t.clock.now);
    expect(page.total).toBe(page.counts.red + page.counts.yellow + page.counts.green);
    expect(page.rows.find((r) => r.id === id)).toMatchObject({ stationName: '银湾科创产业园人大代表联络站', departmentName: '县住建局', leadState: 'pending', colour: 'green' });
  });

  it('lets a department accept or return only its own assignments; a return goes back to 待认领 with its reason', async () => {
    t.clock.now = new Date('2026-03-20T02:00:00Z');
    const [id] = await issues(1, 104);
    expect((await listUnclaimed(db)).issues.map((i) => i.id)).toContain(id);
    await assignIssues(db, { issueIds: [id!], lead: { id: housing }, co: [{ id: transport }], days: 5 }, clerk, t.clock.now);
    expect((await listUnclaimed(db)).issues.map((i) => i.id)).not.toContain(id);
    const cal = await loadCalendar(db);
    expect((await departmentInbox(db, housing, cal, t.clock.now)).find((r) => r.id === id)).toMatchObject({ isLead: true, assignmentState: 'pending' });
    expect((await departmentInbox(db, transport, cal, t.clock.now)).find((r) => r.id === id)).toMatchObject({ isLead: false });
    // Another department learns nothing: not found, the same as an id that does not exist.
    await expect(acceptAssignment(db, id!, health, clerk, t.clock.now)).rejects.toMatchObject({ code: 'notFound', status: 404 });
    await expect(acceptAssignment(db, 'no-such-issue-0', health, clerk, t.clock.now)).rejects.toMatchObject({ code: 'notFound', status: 404 });
    expect(await readIssueDetail(db, id!, health, cal, t.clock.now)).toBeNull();
    expect((await departmentInbox(db, health, cal, t.clock.now)).map((r) => r.id)).not.toContain(id);

    await expect(returnAssignment(db, id!, housing, '   ', clerk, t.clock.now)).rejects.toThrow(/退回理由/);
    await returnAssignment(db, id!, housing, '不属于本单位职责,建议交县交通局。', clerk, t.clock.now);
    const back = (await listUnclaimed(db)).issues.find((i) => i.id === id);
    expect(back).toMatchObject({ returnedBy: '县住建局', returnReason: '不属于本单位职责,建议交县交通局。' });
    // The co-department's row ended with the lead's return.
    expect((await departmentInbox(db, transport, cal, t.clock.now)).map((r) => r.id)).not.toContain(id);

    await assignIssues(db, { issueIds: [id!], lead: { id: transport }, days: 5 }, clerk, t.clock.now);
    await acceptAssignment(db, id!, transport, clerk, t.clock.now);
    await expect(acceptAssignment(db, id!, transport, clerk, t.clock.now)).rejects.toMatchObject({ code: 'alreadyAccepted' });
    const audit = await db.query<{ action: string }>('SELECT action FROM console_audit WHERE target = $1 ORDER BY id', [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['issue.assign', 'assignment.return', 'issue.assign', 'assignment.accept']);
  });

  it('assigns a whole list at once, and refuses the whole batch when one issue cannot be assigned', async () => {
    t.clock.now = new Date('2026-03-20T03:00:00Z');
    const ids = await issues(3, 109);
    const results = await assignIssues(db, { issueIds: ids, lead: { id: health }, co: [{ id: housing }, { id: housing }], days: 7 }, clerk, t.clock.now);
    expect(results.map((r) => r.issueId)).toEqual(ids);
    // Friday 20 March + 7 working days = Tuesday 31st, the same for each.
    expect(new Set(results.map((r) => r.deadline))).toEqual(new Set([new Date('2026-03-31T23:59:59.999+08:00').toISOString()]));
    const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assignments WHERE issue_id = ANY($1::text[])`, [ids]);
    // One lead and one co-department row per issue (the repeated co-department counted once).
    expect(rows.rows[0]?.n).toBe(6);

    const longName = (await createDepartment(db, '县住房和城乡建设局城市建设管理与公共设施维护服务中心第一分中心', t.clock.now)).id;
    const [fresh] = await issues(1, 110);
    await expect(assignIssues(db, { issueIds: [fresh!], lead: { id: longName }, days: 7 }, clerk, t.clock.now)).rejects.toMatchObject({ code: 'departmentNameTooLong' });
    await acceptAssignment(db, ids[0]!, health, clerk, t.clock.now);
    await submitAnswer(db, ids[0]!, health, answer, clerk, t.clock.now);
    const before = (await stationUpdates(fresh!)).length;
    await expect(assignIssues(db, { issueIds: [fresh!, ids[0]!], lead: { id: transport }, days: 7 }, clerk, t.clock.now)).rejects.toThrow(/已答复/);
    // Nothing of the batch stayed: the fresh issue is still waiting, with no update for its station.
    expect((await listUnclaimed(db)).issues.map((i) => i.id)).toContain(fresh);
    expect(await stationUpdates(fresh!)).toHaveLength(before);
  });

  it('keeps drafts to the department and turns the submitted answer into exactly one status update', async () => {
    t.clock.now = new Date('2026-03-23T02:00:00Z');
    const [id] = await issues(1, 105);
    await assignIssues(db, { issueIds: [id!], lead: { id: health }, co: [{ id: housing }], days: 7 }, clerk, t.clock.now);
    await expect(saveAnswerDraft(db, id!, health, answer, clerk, t.clock.now)).rejects.toMatchObject({ code: 'notAccepted' });
    await acceptAssignment(db, id!, health, clerk, t.clock.now);
    await acceptAssignment(db, id!, housing, clerk, t.clock.now);
    const before = (await stationUpdates(id!)).length;
    await saveAnswerDraft(db, id!, health, { ...answer, reply: '', result: null }, clerk, t.clock.now);
    await saveAnswerDraft(db, id!, health, { ...answer, result: null }, clerk, t.clock.now);
    expect(await stationUpdates(id!)).toHaveLength(before);
    // The clerk does not see a draft; the department does.
    const cal = await loadCalendar(db);
    expect((await readIssueDetail(db, id!, null, cal, t.clock.now))?.answers).toEqual([]);
    expect((await readIssueDetail(db, id!, health, cal, t.clock.now))?.answers).toMatchObject([{ state: 'draft', reply: answer.reply, result: null }]);
    // A co-department may not answer; an incomplete answer is refused.
    await expect(submitAnswer(db, id!, housing, answer, clerk, t.clock.now)).rejects.toMatchObject({ code: 'notLead' });
    await expect(submitAnswer(db, id!, health, { ...answer, result: 'policyUnable' }, clerk, t.clock.now)).rejects.toThrow(/情况说明/);

    await submitAnswer(db, id!, health, answer, clerk, t.clock.now);
    const after = await stationUpdates(id!);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ type: 'responded' });
    expect(after.at(-1)?.response).toContain('答复意见：板房建设款 9.9 万元将于 3 月 25 日前拨付到位。');
    expect(after.at(-1)?.response).toContain('办理结果：解决');
    expect(after.at(-1)?.response).toContain('经办人：李明');
    const answers = await db.query<{ state: string }>('SELECT state FROM answers WHERE issue_id = $1', [id]);
    expect(answers.rows.map((r) => r.state)).toEqual(['submitted']);
    await expect(submitAnswer(db, id!, health, answer, clerk, t.clock.now)).rejects.toMatchObject({ code: 'alreadyAnswered' });
    expect(await stationUpdates(id!)).toHaveLength(before + 1);
  });

  it('publishes, closes only a satisfied issue, and reopens an unsatisfied one with a follow-up note and a new deadline', async () => {
    t.clock.now = new Date('2026-03-24T02:00:00Z');
    const [ok, notOk] = await issues(2, 106);
    for (const id of [ok!, notOk!]) {
      await assignIssues(db, { issueIds: [id], lead: { id: health }, days: 7 }, clerk, t.clock.now);
      await acceptAssignment(db, id, health, clerk, t.clock.now);
      await submitAnswer(db, id, health, answer, clerk, t.clock.now);
      await publishIssue(db, id, clerk, t.clock.now);
    }
    await expect(closeIssue(db, ok!, '', clerk, t.clock.now)).rejects.toMatchObject({ code: 'notSatisfied' });
    await push(t.app, t.tokenA, A, [ratingItem(ok!, 'satisfied'), ratingItem(notOk!, 'unsatisfied')]);
    await closeIssue(db, ok!, '', clerk, t.clock.now);
    expect((await stationUpdates(ok!)).map((u) => u.type)).toEqual(['assigned', 'responded', 'published', 'closed']);

    const cal = await loadCalendar(db);
    expect((await readBoard(db, { attention: 'unsatisfied' }, cal, t.clock.now)).rows.map((r) => r.id)).toEqual([notOk]);
    const reopened = await reopenIssue(db, notOk!, '来访人认为拨付时间过晚,请卫健委再作说明。', 3, clerk, t.clock.now);
    // Tuesday 24 March + 3 working days = Friday 27th.
    expect(reopened.deadline).toBe(new Date('2026-03-27T23:59:59.999+08:00').toISOString());
    await addFollowUp(db, notOk!, 'overdue', '电话催办卫健委。', clerk, t.clock.now);
    const detail = await readIssueDetail(db, notOk!, null, cal, t.clock.now);
    expect(detail?.followUps.map((f) => [f.reason, f.note])).toEqual([
      ['unsatisfied', '来访人认为拨付时间过晚,请卫健委再作说明。'],
      ['overdue', '电话催办卫健委。'],
    ]);
    expect((await stationUpdates(notOk!)).at(-1)).toMatchObject({ type: 'reopened', note: '来访人认为拨付时间过晚,请卫健委再作说明。' });
    // Back in the department's inbox, answerable again.
    expect((await departmentInbox(db, health, cal, t.clock.now)).find((r) => r.id === notOk)).toMatchObject({ status: 'reopened', assignmentState: 'accepted' });
    await submitAnswer(db, notOk!, health, { ...answer, result: 'partlySolved', explanation: '已提前至 3 月 20 日拨付一半。' }, clerk, t.clock.now);
    expect((await stationUpdates(notOk!)).at(-1)?.response).toContain('情况说明：已提前至 3 月 20 日拨付一半。');
  });

  it('masks the 公示 preview by the 公示清单 rules', async () => {
    t.clock.now = new Date('2026-03-25T02:00:00Z');
    const id = randomUUID();
    const payload = listPayload([id], 107);
    payload.issues[0]!.summary = '伍盛华反映板房费用未拨付,电话13807961234';
    await push(t.app, t.tokenA, A, [listItem(payload)]);
    const detail = await readIssueDetail(db, id, null, await loadCalendar(db), t.clock.now);
    expect(detail?.notice.summary).toBe('伍*反映板房费用未拨付,电话[号码已隐去]');
    expect(detail?.summary).toBe('伍盛华反映板房费用未拨付,电话13807961234');
  });

  it('assigns from the command line by department name, creating a new department once', async () => {
    t.clock.now = new Date('2026-03-26T02:00:00Z');
    const [x, y] = await issues(2, 108);
    const first = await runCommand(db, { name: 'assign', issueId: x!, department: '县供电公司', days: 3 }, t.clock.now);
    const second = await runCommand(db, { name: 'assign', issueId: y!, department: '县供电公司', days: 3 }, t.clock.now);
    // Thursday 26 March + 3 working days = Tuesday 31st.
    expect(first).toMatchObject({ name: 'assign', result: { department: '县供电公司', deadline: new Date('2026-03-31T23:59:59.999+08:00').toISOString() } });
    expect(second).toMatchObject({ result: { department: '县供电公司' } });
    const d = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM departments WHERE name = '县供电公司'`);
    expect(d.rows[0]?.n).toBe(1);
    const audit = await db.query<{ detail: { via?: string } }>(`SELECT detail FROM console_audit WHERE target = $1`, [x]);
    expect(audit.rows[0]?.detail.via).toBe('cli');
  });
});
