/**
 * A small county whose report numbers are counted by hand in tests/reports.test.ts:
 * three stations (one with nothing), five departments (one inactive), lists pushed
 * through the protocol on chosen days, and assignments, answers, ratings and follow-ups
 * written as rows. March 2026 has no holidays: its working days are Monday to Friday.
 *
 * Issues (station, received, handling → what happened):
 * - a1 A 3月2日 referToCounty → 金融办 lead + 住建局 co, 3月2日, due 3月11日. 金融办 answers
 *   3月5日 (解决), 住建局 3月13日 (部分解决, late). Rated 满意. Closed. Key issue 企业融资难.
 * - a2 A 3月2日 referToCounty → 住建局 lead, 3月2日, due 3月11日; no answer (overdue).
 * - a3 A 3月2日 onSpot.
 * - a4 A 3月2日 referToCounty → 住建局 returned it; → 金融办 lead 3月4日, due 3月13日,
 *   answered 3月13日 16:00 (部分解决). Rated 不满意, one follow-up.
 * - b1 B 3月3日 referToCounty → 金融办 lead 3月3日, due 3月24日; not yet answered.
 *   Key issue 企业融资难.
 * - b2 B 3月3日 stationFollowUp.
 * - a5 A 2月20日 referToCounty → 住建局 lead 2月25日 (before the period), superseded; 金融办
 *   lead 3月2日 superseded unanswered; 人社局 lead 3月5日, due 3月16日, answered 3月6日
 *   (因政策原因暂不能解决). Rated 基本满意.
 * The clock reads 2026-03-20 12:00 CST.
 */
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, type IssueListPayload, type PushItem } from '../../../shared/protocol/index.js';
import type { Database } from '../../src/db/database.js';
import { enrollStation } from '../../src/store/stations.js';
import { storeItems } from '../../src/store/push.js';

export const REPORT_NOW = new Date('2026-03-20T04:00:00.000Z');
export const CLERK_ID = 'user-clerk-0001';
export const CLERK_ACTOR = { userId: CLERK_ID, username: 'xlgw', displayName: '王选联', address: '127.0.0.1' };

export const DEPARTMENTS = {
  fin: { id: 'dep-fin', name: '县金融办' },
  hous: { id: 'dep-hous', name: '县住建局' },
  hr: { id: 'dep-hr', name: '县人社局' },
  traffic: { id: 'dep-traffic', name: '县交通运输局' },
  old: { id: 'dep-old', name: '县原经信委' },
} as const;

export const STATIONS = {
  a: { id: 'st-yzw-001', name: '银湾科创产业园人大代表联络站' },
  b: { id: 'st-hk-0002', name: '河口物流园人大代表联络站' },
  c: { id: 'st-sq-0003', name: '沙桥工业园人大代表联络站' },
} as const;

export interface ReportFixture {
  issue: Record<'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'b1' | 'b2', string>;
}

const cst = (local: string) => new Date(`${local}+08:00`);
const endOf = (day: string) => cst(`${day}T23:59:59.999`);

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function payload(seq: number, stationName: string, issues: { id: string; handling: 'onSpot' | 'stationFollowUp' | 'referToCounty'; summary: string }[]): IssueListPayload {
  return {
    listNumber: { year: 2026, seq },
    stationName,
    sealedAt: '2026-03-01T17:30:00+08:00',
    amendsListId: null,
    issues: issues.map((issue, i) => ({
      id: issue.id,
      seq: i + 1,
      receptionId: 'reception-0001',
      channel: 'walkIn',
      category: i % 2 === 0 ? '融资贷款' : '园区设施',
      summary: issue.summary,
      request: '请有关部门尽快协调解决',
      onSpotAnswer: '代表已记录,将联系有关部门核实',
      handling: issue.handling,
      suggestedDepartment: '县金融办',
      recordedAt: '2026-03-01T09:20:00+08:00',
      deputyNames: ['张立强', '郭晓蓉', '黄建富'],
      visitors: [{ name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司', position: '总经理' }],
      amendsIssueId: null,
    })),
  };
}

function listItem(p: IssueListPayload): PushItem {
  return { kind: 'issueList', id: randomUUID(), contentHash: sha256(canonicalJson(p)), payload: p };
}

async function pushAt(db: Database, station: { id: string; name: string }, at: Date, items: PushItem[]): Promise<void> {
  const receipts = await storeItems({ db, station, now: () => at, refPrefix: 'JH' }, items);
  for (const r of receipts) if (r.status !== 'accepted') throw new Error(`fixture push not accepted: ${JSON.stringify(r)}`);
}

function rating(issueId: string, value: 'satisfied' | 'basicallySatisfied' | 'unsatisfied'): PushItem {
  const p = { issueId, rating: value, ratedAt: '2026-03-18T10:00:00+08:00', note: '' };
  return { kind: 'satisfaction', id: randomUUID(), contentHash: sha256(canonicalJson(p)), payload: p };
}

export async function seedReportFixture(db: Database): Promise<ReportFixture> {
  for (const s of Object.values(STATIONS)) await enrollStation(db, s.id, s.name);
  for (const d of Object.values(DEPARTMENTS)) await db.query('INSERT INTO departments (id, name, active) VALUES ($1, $2, $3)', [d.id, d.name, d.id !== 'dep-old']);
  await db.query(
    `INSERT INTO console_users (id, username, display_name, role, password_hash, must_change_password) VALUES ($1, $2, $3, 'clerk', 'x', false)`,
    [CLERK_ID, CLERK_ACTOR.username, CLERK_ACTOR.displayName],
  );
  const issue = { a1: randomUUID(), a2: randomUUID(), a3: randomUUID(), a4: randomUUID(), a5: randomUUID(), b1: randomUUID(), b2: randomUUID() };
  await pushAt(db, STATIONS.a, cst('2026-02-20T10:00:00'), [listItem(payload(1, STATIONS.a.name, [{ id: issue.a5, handling: 'referToCounty', summary: '园区道路夜间无路灯' }]))]);
  await pushAt(db, STATIONS.a, cst('2026-03-02T09:00:00'), [
    listItem(
      payload(2, STATIONS.a.name, [
        { id: issue.a1, handling: 'referToCounty', summary: '企业流动资金贷款审批时间过长' },
        { id: issue.a2, handling: 'referToCounty', summary: '厂房产权证办理停滞' },
        { id: issue.a3, handling: 'onSpot', summary: '咨询稳岗补贴申报流程' },
        { id: issue.a4, handling: 'referToCounty', summary: '技改贷款贴息未到位' },
      ]),
    ),
  ]);
  await pushAt(db, STATIONS.b, cst('2026-03-03T09:00:00'), [
    listItem(
      payload(1, STATIONS.b.name, [
        { id: issue.b1, handling: 'referToCounty', summary: '物流企业融资担保门槛高' },
        { id: issue.b2, handling: 'stationFollowUp', summary: '园区食堂用餐拥挤' },
      ]),
    ),
  ]);

  const assign = async (issueId: string, dep: string, lead: boolean, state: string, at: Date, deadline: Date, days: number) => {
    await db.query(
      `INSERT INTO assignments (issue_id, department_id, is_lead, state, deadline, working_days, assigned_at, assigned_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [issueId, dep, lead, state, deadline, days, at, CLERK_ID],
    );
  };
  const answer = async (issueId: string, dep: string, at: Date, result: string) => {
    await db.query(
      `INSERT INTO answers (issue_id, department_id, state, progress, reply, result, explanation, handler_name, handler_phone, created_at, updated_at, submitted_at)
       VALUES ($1, $2, 'submitted', '已办理', '已答复企业', $3, '', '李经办', '0790-1234567', $4, $4, $4)`,
      [issueId, dep, result, at],
    );
  };
  const setIssue = async (issueId: string, dep: string, deadline: Date, status: string) => {
    await db.query('UPDATE issues SET lead_department_id = $2, deadline = $3, status = $4, department = (SELECT name FROM departments WHERE id = $2) WHERE id = $1', [issueId, dep, deadline, status]);
  };
  const { fin, hous, hr } = DEPARTMENTS;

  await assign(issue.a1, fin.id, true, 'accepted', cst('2026-03-02T10:00:00'), endOf('2026-03-11'), 7);
  await assign(issue.a1, hous.id, false, 'accepted', cst('2026-03-02T10:00:00'), endOf('2026-03-11'), 7);
  await answer(issue.a1, fin.id, cst('2026-03-05T10:00:00'), 'solved');
  await answer(issue.a1, hous.id, cst('2026-03-13T10:00:00'), 'partlySolved');
  await setIssue(issue.a1, fin.id, endOf('2026-03-11'), 'closed');

  await assign(issue.a2, hous.id, true, 'accepted', cst('2026-03-02T10:00:00'), endOf('2026-03-11'), 7);
  await setIssue(issue.a2, hous.id, endOf('2026-03-11'), 'assigned');

  await assign(issue.a4, hous.id, true, 'returned', cst('2026-03-02T10:00:00'), endOf('2026-03-11'), 7);
  await assign(issue.a4, fin.id, true, 'accepted', cst('2026-03-04T10:00:00'), endOf('2026-03-13'), 7);
  await answer(issue.a4, fin.id, cst('2026-03-13T16:00:00'), 'partlySolved');
  await setIssue(issue.a4, fin.id, endOf('2026-03-13'), 'responded');
  await db.query(`INSERT INTO follow_ups (issue_id, reason, note, at, by_user, by_name) VALUES ($1, 'unsatisfied', '企业对贴息进度不满意,继续督办', $2, $3, '王选联')`, [
    issue.a4,
    cst('2026-03-19T09:00:00'),
    CLERK_ID,
  ]);

  await assign(issue.b1, fin.id, true, 'pending', cst('2026-03-03T10:00:00'), endOf('2026-03-24'), 15);
  await setIssue(issue.b1, fin.id, endOf('2026-03-24'), 'assigned');

  await assign(issue.a5, hous.id, true, 'superseded', cst('2026-02-25T10:00:00'), endOf('2026-03-06'), 7);
  await assign(issue.a5, fin.id, true, 'superseded', cst('2026-03-02T10:00:00'), endOf('2026-03-11'), 7);
  await assign(issue.a5, hr.id, true, 'accepted', cst('2026-03-05T10:00:00'), endOf('2026-03-16'), 7);
  await answer(issue.a5, hr.id, cst('2026-03-06T10:00:00'), 'policyUnable');
  await setIssue(issue.a5, hr.id, endOf('2026-03-16'), 'responded');

  await pushAt(db, STATIONS.a, cst('2026-03-18T11:00:00'), [rating(issue.a1, 'satisfied'), rating(issue.a4, 'unsatisfied'), rating(issue.a5, 'basicallySatisfied')]);
  return { issue };
}
