/**
 * The console's reports on both storage backends, against a small county counted by hand
 * (tests/support/reportFixture.ts says what happened to each issue), and the 重点督办问题
 * that group issues under a leader and a goal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { ClerkError } from '../src/store/clerkError.js';
import { readAudit } from '../src/store/consoleAudit.js';
import { addKeyIssueMembers, addKeyIssueNote, createKeyIssue, listKeyIssues, readKeyIssue, removeKeyIssueMember } from '../src/store/keyIssues.js';
import { departmentReport, stationReport, supervisionReport, validatePeriod } from '../src/store/reports.js';
import { backends } from './support/backends.js';
import { CLERK_ACTOR, REPORT_NOW, seedReportFixture, type ReportFixture } from './support/reportFixture.js';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe.each(backends)('reports on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let f: ReportFixture;
  let keyId: string;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    f = await seedReportFixture(db);
    keyId = await createKeyIssue(db, CLERK_ACTOR, { year: 2026, title: '企业融资难', leader: '县人大常委会副主任 陈国华', goal: '年内推动银企对接,化解园区企业融资难题' }, REPORT_NOW);
    await addKeyIssueMembers(db, CLERK_ACTOR, keyId, [f.issue.a1, f.issue.b1], REPORT_NOW);
    await addKeyIssueNote(db, CLERK_ACTOR, keyId, '3月召开银企对接会,12家企业获授信', new Date('2026-03-15T02:00:00Z'));
    await addKeyIssueNote(db, CLERK_ACTOR, keyId, '金融办牵头建立续贷周转资金池', new Date('2026-03-19T02:00:00Z'));
    // Another year's key issue stays out of March's report.
    await createKeyIssue(db, CLERK_ACTOR, { year: 2025, title: '园区用工难', leader: '县人大常委会主任 刘明', goal: '稳定企业用工' }, REPORT_NOW);
  });
  afterAll(async () => cleanup());

  it('counts each department: assigned, on time, overdue, average working days, satisfaction', async () => {
    const rows = await departmentReport(db, MARCH, REPORT_NOW);
    expect(rows.map((r) => r.department)).toEqual(['县金融办', '县住建局', '县人社局', '县交通运输局']);
    const [fin, hous, hr, traffic] = rows;
    // a1 lead on time (3 working days), a4 lead on time (7 days: answered on its deadline day), b1 still running; a5's superseded row never answered.
    expect(fin).toMatchObject({ assigned: 3, lead: 3, onTime: 2, overdue: 0, overdueOpen: 0, inProgress: 1, avgWorkingDays: 5, rated: 2, satisfied: 1, satisfactionRate: 0.5 });
    // a1 co answered late (9 working days), a2 lead unanswered past its deadline; a4 returned and a5 (February) not counted.
    expect(hous).toMatchObject({ assigned: 2, lead: 1, onTime: 0, overdue: 2, overdueOpen: 1, inProgress: 0, avgWorkingDays: 9, rated: 0, satisfactionRate: null });
    expect(hr).toMatchObject({ assigned: 1, lead: 1, onTime: 1, overdue: 0, avgWorkingDays: 1, rated: 1, satisfied: 1, satisfactionRate: 1 });
    expect(traffic).toMatchObject({ assigned: 0, onTime: 0, overdue: 0, avgWorkingDays: null, satisfactionRate: null });
  });

  it('the same assignments seen in a later month are all overdue or answered; a period before them is empty', async () => {
    const later = await departmentReport(db, MARCH, new Date('2026-04-30T04:00:00Z'));
    expect(later.find((r) => r.department === '县金融办')).toMatchObject({ onTime: 2, overdue: 1, overdueOpen: 1, inProgress: 0 });
    const january = await departmentReport(db, { from: '2026-01-01', to: '2026-01-31' }, REPORT_NOW);
    expect(january.every((r) => r.assigned === 0)).toBe(true);
  });

  it('counts each station: lists, issues, handling and results of the lists received in the period', async () => {
    const rows = await stationReport(db, MARCH);
    expect(rows.map((r) => r.station)).toEqual(['银湾科创产业园人大代表联络站', '河口物流园人大代表联络站', '沙桥工业园人大代表联络站']);
    expect(rows[0]).toMatchObject({ lists: 1, issues: 4, onSpot: 1, referred: 3, answered: 2, solved: 1, partlySolved: 1, policyUnable: 0, closed: 1, solvedTotal: 2 });
    expect(rows[1]).toMatchObject({ lists: 1, issues: 2, onSpot: 0, referred: 1, answered: 0, solved: 0, closed: 0, solvedTotal: 0 });
    expect(rows[2]).toMatchObject({ lists: 0, issues: 0, solvedTotal: 0 });
    const february = await stationReport(db, { from: '2026-02-01', to: '2026-02-28' });
    // a5's list came in February; its answer (policy) counts there.
    expect(february[0]).toMatchObject({ station: '银湾科创产业园人大代表联络站', lists: 1, issues: 1, referred: 1, policyUnable: 1 });
  });

  it('督察结果: totals, key issues of the year with their latest note, and the issues under supervision', async () => {
    const r = await supervisionReport(db, MARCH, REPORT_NOW);
    expect(r.totals).toEqual({
      lists: 2,
      issues: 6,
      referred: 4,
      assigned: 5,
      onTime: 3,
      overdue: 2,
      solved: 1,
      partlySolved: 1,
      policyUnable: 0,
      rated: 3,
      satisfied: 2,
      satisfactionRate: 2 / 3,
      supervised: 2,
    });
    expect(r.keyIssues).toHaveLength(1);
    expect(r.keyIssues[0]).toMatchObject({ title: '企业融资难', issueCount: 2, stationCount: 2, solvedCount: 1, latestNote: '金融办牵头建立续贷周转资金池' });
    expect(r.supervised.map((i) => [i.id, i.reason, i.department, i.deadline, i.followUps])).toEqual([
      [f.issue.a2, 'overdue', '县住建局', '2026-03-11', 0],
      [f.issue.a4, 'unsatisfied', '县金融办', '2026-03-13', 1],
    ]);
    expect(r.supervised[0]?.countyRef).toMatch(/^JH-2026-\d{6}$/);
  });

  it('key issues: members, notes, a second key issue cannot take an issue, removal, and an audit row for each change', async () => {
    const other = await createKeyIssue(db, CLERK_ACTOR, { year: 2026, title: '物流用地紧张', leader: '县人大常委会副主任 周敏', goal: '推动物流园二期用地报批' }, new Date(REPORT_NOW.getTime() + 60_000));
    await expect(addKeyIssueMembers(db, CLERK_ACTOR, other, [f.issue.a1], REPORT_NOW)).rejects.toThrow(/企业融资难/);
    await expect(createKeyIssue(db, CLERK_ACTOR, { year: 2026, title: '企业融资难', leader: '某', goal: '某' }, REPORT_NOW)).rejects.toBeInstanceOf(ClerkError);
    await expect(addKeyIssueMembers(db, CLERK_ACTOR, other, ['no-such-issue-id'], REPORT_NOW)).rejects.toThrow(/不存在/);
    await expect(addKeyIssueNote(db, CLERK_ACTOR, other, '  ', REPORT_NOW)).rejects.toThrow(/推进情况/);
    expect(await addKeyIssueMembers(db, CLERK_ACTOR, other, [f.issue.b2, f.issue.b2], REPORT_NOW)).toBe(1);
    await removeKeyIssueMember(db, CLERK_ACTOR, other, f.issue.b2, REPORT_NOW);
    const detail = await readKeyIssue(db, keyId);
    expect(detail?.issues.map((i) => i.id).sort()).toEqual([f.issue.a1, f.issue.b1].sort());
    expect(detail?.notes.map((n) => [n.authorName, n.note])).toEqual([
      ['王选联', '3月召开银企对接会,12家企业获授信'],
      ['王选联', '金融办牵头建立续贷周转资金池'],
    ]);
    expect((await listKeyIssues(db, 2026)).map((k) => [k.title, k.issueCount])).toEqual([
      ['企业融资难', 2],
      ['物流用地紧张', 0],
    ]);
    const audit = await readAudit(db, { limit: 50, action: 'keyIssue' });
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'keyIssue.create',
      'keyIssue.addIssues',
      'keyIssue.addNote',
      'keyIssue.addNote',
      'keyIssue.create',
      'keyIssue.create',
      'keyIssue.addIssues',
      'keyIssue.removeIssue',
    ]);
    expect(audit.every((a) => a.username === 'xlgw' && a.address === '127.0.0.1')).toBe(true);
  });

  it('refuses a malformed or too long period', () => {
    expect(() => validatePeriod({ from: '2026-02-30', to: '2026-03-01' })).toThrow(ClerkError);
    expect(() => validatePeriod({ from: '2026-03-02', to: '2026-03-01' })).toThrow(/晚于/);
    expect(() => validatePeriod({ from: '2020-01-01', to: '2026-03-01' })).toThrow(/三年/);
  });
});
