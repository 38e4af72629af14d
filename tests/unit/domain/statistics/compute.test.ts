import { describe, expect, it } from 'vitest';
import { computeStatistics, currentRatings, type StatIssue, type StatisticsInput } from '../../../../shared/domain/statistics/compute';
import { monthPeriod, monthsOf, periodLabel, quarterPeriod, yearPeriod } from '../../../../shared/domain/statistics/period';
import { DEFAULT_POINT_WEIGHTS, pointWeightsSchema } from '../../../../shared/domain/statistics/points';

const at = (day: string, time = '09:00') => `${day}T${time}:00.000+08:00`;

function issue(id: string, over: Partial<StatIssue>): StatIssue {
  return {
    id,
    receptionId: 'r1',
    channel: 'walkIn',
    recordedAt: at('2026-10-10'),
    category: '融资贷款',
    handling: 'referToCounty',
    suggestedDepartment: '园区管委会',
    status: 'recorded',
    county: [],
    stationClosed: false,
    ...over,
  };
}

/**
 * A hand-counted quarter (2026 Q4) with records outside it on both sides. Counted by hand:
 * receptions r1 (Oct, 2 visitors of 甲厂), r2 (Nov, 1 visitor of 乙厂 by phone),
 * r3 (Dec, enterprise visit, 甲厂 and one with no enterprise); r0 in September is outside.
 */
const fixture: StatisticsInput = {
  period: quarterPeriod(2026, 4),
  asOf: '2026-12-31',
  deputies: [
    { id: 'd1', name: '王建国', active: true, order: 1 },
    { id: 'd2', name: '李秀英', active: true, order: 2 },
    { id: 'd3', name: '赵四', active: false, order: 3 },
  ],
  dutyDays: [
    { id: 'dd0', date: '2026-09-15', deputyIds: ['d1', 'd2'] },
    { id: 'dd1', date: '2026-10-10', deputyIds: ['d1', 'd2'] },
    { id: 'dd2', date: '2026-11-15', deputyIds: ['d1'] },
  ],
  receptions: [
    { id: 'r0', channel: 'walkIn', receivedAt: at('2026-09-30', '23:59'), deputyIds: ['d1'], visitors: [{ enterprise: '丙厂' }] },
    { id: 'r1', channel: 'walkIn', receivedAt: at('2026-10-10'), deputyIds: ['d1', 'd2'], visitors: [{ enterprise: '甲厂' }, { enterprise: ' 甲厂 ' }] },
    { id: 'r2', channel: 'phone', receivedAt: at('2026-11-15'), deputyIds: ['d1'], visitors: [{ enterprise: '乙厂' }] },
    { id: 'r3', channel: 'enterpriseVisit', receivedAt: at('2026-12-31', '17:00'), deputyIds: ['d2'], visitors: [{ enterprise: '甲厂' }, { enterprise: '' }] },
  ],
  issues: [
    issue('i0', { receptionId: 'r0', recordedAt: at('2026-09-30', '23:59'), status: 'closed' }),
    // On the spot.
    issue('i1', { handling: 'onSpot', status: 'resolvedOnSpot', category: '用工招聘', suggestedDepartment: '' }),
    // Referred, assigned to 人社局 with a deadline, answered in time, then rated 不满意 and
    // corrected to 满意, then struck off: status changed along the way, counts once as closed.
    issue('i2', {
      status: 'closed',
      county: [
        { type: 'assigned', department: '人社局', deadline: '2026-10-20', at: at('2026-10-12') },
        { type: 'responded', department: '人社局', deadline: null, at: at('2026-10-19') },
        { type: 'closed', department: '', deadline: null, at: at('2026-10-25') },
      ],
    }),
    // Referred, reassigned from 住建局 to 园区管委会 (the later one counts), answered late, 不满意 → 持续督办.
    issue('i3', {
      receptionId: 'r2',
      channel: 'phone',
      recordedAt: at('2026-11-15'),
      category: '土地厂房',
      status: 'reopened',
      county: [
        { type: 'assigned', department: '住建局', deadline: '2026-11-20', at: at('2026-11-16') },
        { type: 'assigned', department: '园区管委会', deadline: '2026-11-25', at: at('2026-11-18') },
        { type: 'responded', department: '园区管委会', deadline: null, at: at('2026-11-26') },
        { type: 'reopened', department: '', deadline: null, at: at('2026-11-30') },
      ],
    }),
    // Referred, assigned, deadline passed without an answer: late.
    issue('i4', {
      receptionId: 'r2',
      channel: 'phone',
      recordedAt: at('2026-11-15'),
      category: '土地厂房',
      status: 'assigned',
      county: [{ type: 'assigned', department: '住建局', deadline: '2026-12-01', at: at('2026-11-16') }],
    }),
    // Referred, not yet assigned.
    issue('i5', { receptionId: 'r3', channel: 'enterpriseVisit', recordedAt: at('2026-12-31', '17:00'), status: 'submitted', suggestedDepartment: '' }),
    // The station's own follow-up, closed with a 基本满意 rating.
    issue('i6', { receptionId: 'r3', channel: 'enterpriseVisit', recordedAt: at('2026-12-31', '17:00'), handling: 'stationFollowUp', status: 'closed', stationClosed: true, category: '交通停车' }),
  ],
  ratings: [
    { id: 'g1', issueId: 'i2', rating: 'unsatisfied', recordedAt: at('2026-10-20'), supersedes: null },
    { id: 'g2', issueId: 'i2', rating: 'satisfied', recordedAt: at('2026-10-24'), supersedes: 'g1' },
    { id: 'g3', issueId: 'i3', rating: 'unsatisfied', recordedAt: at('2026-11-29'), supersedes: null },
    { id: 'g4', issueId: 'i6', rating: 'basicallySatisfied', recordedAt: at('2026-12-31', '18:00'), supersedes: null },
    { id: 'g0', issueId: 'i0', rating: 'satisfied', recordedAt: at('2026-10-01'), supersedes: null },
  ],
  actions: [
    { issueId: 'i2', kind: 'handBack', by: '王建国', at: at('2026-10-20') },
    { issueId: 'i3', kind: 'handBack', by: '王建国', at: at('2026-11-27') },
    { issueId: 'i6', kind: 'progress', by: '李秀英', at: at('2026-12-31', '17:30') },
    { issueId: 'i6', kind: 'result', by: '李秀英', at: at('2026-12-31', '17:40') },
    { issueId: 'i0', kind: 'progress', by: '李秀英', at: at('2026-09-30', '23:59') },
    { issueId: 'i5', kind: 'progress', by: '外来人员', at: at('2026-12-01') },
  ],
  weights: DEFAULT_POINT_WEIGHTS,
};

describe('computeStatistics on a hand-counted quarter', () => {
  const s = computeStatistics(fixture);

  it('counts receptions, visitors, distinct enterprises and issues inside the period only', () => {
    expect(s.totals).toEqual({ receptions: 3, visitors: 5, enterprises: 2, issues: 6 });
  });

  it('splits them by month and by channel', () => {
    expect(s.byMonth).toEqual([
      { month: '2026-10', receptions: 1, visitors: 2, enterprises: 1, issues: 2 },
      { month: '2026-11', receptions: 1, visitors: 1, enterprises: 1, issues: 2 },
      { month: '2026-12', receptions: 1, visitors: 2, enterprises: 1, issues: 2 },
    ]);
    const channel = (c: string) => s.byChannel.find((r) => r.channel === c);
    expect(channel('walkIn')).toEqual({ channel: 'walkIn', receptions: 1, visitors: 2, enterprises: 1, issues: 2 });
    expect(channel('phone')).toEqual({ channel: 'phone', receptions: 1, visitors: 1, enterprises: 1, issues: 2 });
    expect(channel('enterpriseVisit')?.issues).toBe(2);
    expect(channel('wechat')?.receptions).toBe(0);
  });

  it('counts issues by category, suggested and assigned department (the latest assignment) and handling', () => {
    expect(s.byCategory).toEqual([
      { name: '融资贷款', count: 2 },
      { name: '土地厂房', count: 2 },
      { name: '交通停车', count: 1 },
      { name: '用工招聘', count: 1 },
    ]);
    expect(s.bySuggestedDepartment).toEqual([
      { name: '园区管委会', count: 4 },
      { name: '未填写', count: 2 },
    ]);
    expect(s.byAssignedDepartment).toEqual([
      { name: '人社局', count: 1 },
      { name: '尚未交办', count: 1 },
      { name: '园区管委会', count: 1 },
      { name: '住建局', count: 1 },
    ].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')));
    expect(s.byHandling).toEqual([
      { handling: 'onSpot', count: 1 },
      { handling: 'stationFollowUp', count: 1 },
      { handling: 'referToCounty', count: 4 },
    ]);
  });

  it('counts resolution as the issues stand now, the on-time rate against the latest deadline, and corrected ratings once', () => {
    const r = s.resolution;
    expect(r.solvedOnSpot).toBe(1);
    expect(r.solvedByStation).toBe(1);
    expect(r.answeredByCounty).toBe(2);
    expect(r.closed).toBe(2); // i2 by the county, i6 by the station
    expect(r.supervised).toBe(1);
    expect(r.resolved).toEqual({ numerator: 3, denominator: 6, rate: 0.5 });
    // i2 on time; i3 answered a day after its second deadline; i4 unanswered past its deadline.
    expect(r.onTime).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    // i2's 不满意 was corrected to 满意; i3 不满意; i6 基本满意; i0 is outside the period.
    expect(r.satisfaction).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3, satisfied: 1, basicallySatisfied: 1, unsatisfied: 1 });
  });

  it('counts each deputy’s work and ranks them by 履职积分', () => {
    expect(s.deputies).toEqual([
      // 2 duty days ×2 + 2 receptions ×1 + 2 hand-backs ×1 = 8
      { deputyId: 'd1', name: '王建国', rank: 1, points: 8, counts: { dutyDay: 2, reception: 2, issueFollowed: 0, handBack: 2, enterpriseVisit: 0 } },
      // 1 duty day ×2 + 2 receptions ×1 + 1 issue followed ×1 + 1 enterprise visit ×2 = 7
      { deputyId: 'd2', name: '李秀英', rank: 2, points: 7, counts: { dutyDay: 1, reception: 2, issueFollowed: 1, handBack: 0, enterpriseVisit: 1 } },
    ]);
  });

  it('uses the station’s own weights, and equal points share a rank', () => {
    const flat = computeStatistics({ ...fixture, weights: { dutyDay: 0, reception: 1, issueFollowed: 0, handBack: 0, enterpriseVisit: 0 } });
    expect(flat.deputies.map((d) => [d.name, d.rank, d.points])).toEqual([
      ['王建国', 1, 2],
      ['李秀英', 1, 2],
    ]);
  });
});

describe('periods and weights', () => {
  it('gives the days and months of each kind of period', () => {
    expect(monthPeriod(2026, 2)).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(quarterPeriod(2026, 4)).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(monthsOf(yearPeriod(2026))).toHaveLength(12);
    expect(monthsOf({ from: '2025-11-20', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodLabel(quarterPeriod(2026, 4))).toBe('2026年第4季度');
  });

  it('keeps the latest rating of a chain even when recorded out of order', () => {
    const current = currentRatings([
      { id: 'b', issueId: 'x', rating: 'satisfied', recordedAt: at('2026-01-01'), supersedes: 'a' },
      { id: 'a', issueId: 'x', rating: 'unsatisfied', recordedAt: at('2026-01-02'), supersedes: null },
    ]);
    expect(current.get('x')?.id).toBe('b');
  });

  it('refuses negative or over-precise weights', () => {
    expect(pointWeightsSchema.safeParse({ ...DEFAULT_POINT_WEIGHTS, reception: -1 }).success).toBe(false);
    expect(pointWeightsSchema.safeParse({ ...DEFAULT_POINT_WEIGHTS, reception: 1.25 }).success).toBe(false);
    expect(pointWeightsSchema.parse({ ...DEFAULT_POINT_WEIGHTS, reception: '1.5' }).reception).toBe(1.5);
  });
});
