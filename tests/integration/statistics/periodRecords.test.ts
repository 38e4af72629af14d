/**
 * From the station's own database to the numbers: a reception recorded and sealed, the
 * county assigns, answers, reopens after a 不满意 and strikes off after the corrected 满意;
 * the period read by the time indexes counts each issue once, as it stands now, and the
 * 问题台账 row says the same.
 */
import { describe, expect, it } from 'vitest';
import { computeStatistics } from '../../../shared/domain/statistics/compute';
import { monthPeriod } from '../../../shared/domain/statistics/period';
import { DEFAULT_POINT_WEIGHTS } from '../../../shared/domain/statistics/points';
import { issueRefCode } from '../../../shared/domain/masking';
import { applyCountyUpdates } from '../../../renderer/src/db/repositories/countyStatus';
import { recordHandBack, recordRating } from '../../../renderer/src/db/repositories/followUp';
import { loadPeriodRecords } from '../../../renderer/src/db/repositories/periodRecords';
import { getPointWeights, updatePointWeights } from '../../../renderer/src/db/repositories/pointWeights';
import { auditFor } from '../../../renderer/src/db/repositories/audit';
import { issueLedger } from '../../../renderer/src/features/statistics/ledgers/ledgerRows';
import { statisticsInput } from '../../../renderer/src/features/statistics/statisticsInput';
import { harness } from '../sync/harness';

describe('statistics from the database', () => {
  it('counts an issue whose status changed and whose rating was corrected once, as it stands now', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    const [referred, onSpot] = h.lists[0]!.issueIds as [string, string];
    const listId = h.lists[0]!.id;
    await applyCountyUpdates(
      h.db,
      [
        { seq: 1, issueId: referred, listId, type: 'assigned', department: '县住建局', deadline: '2026-03-09T09:00:00.000Z', at: '2026-03-05T09:30:00+08:00' },
        { seq: 2, issueId: referred, listId, type: 'responded', response: '已安排施工单位修复。', at: '2026-03-06T09:30:00+08:00' },
      ],
      2,
    );
    await recordHandBack(h.db, { issueId: referred, method: 'phone', at: '2026-03-06T15:00:00+08:00', deputyName: '王丽芬', note: '' });
    await recordRating(h.db, { issueId: referred, rating: 'unsatisfied', ratedBy: '辛志鹏', ratedAt: '2026-03-07T10:00:00+08:00', note: '', reason: '只修了一半' });
    await applyCountyUpdates(h.db, [{ seq: 3, issueId: referred, listId, type: 'reopened', note: '持续督办', at: '2026-03-08T09:00:00+08:00' }], 3);
    await recordRating(h.db, { issueId: referred, rating: 'satisfied', ratedBy: '辛志鹏', ratedAt: '2026-03-12T10:00:00+08:00', note: '已修好', reason: '' });
    await applyCountyUpdates(h.db, [{ seq: 4, issueId: referred, listId, type: 'closed', at: '2026-03-13T09:00:00+08:00' }], 4);

    const records = await loadPeriodRecords(h.db, monthPeriod(2026, 3));
    expect(records.receptions).toHaveLength(1);
    expect(records.issues.map((i) => i.issue.id).sort()).toEqual([referred, onSpot].sort());
    expect(records.ratings).toHaveLength(2);
    const stats = computeStatistics(statisticsInput(records, await getPointWeights(h.db), '2026-03-31'));
    expect(stats.totals).toEqual({ receptions: 1, visitors: 2, enterprises: 1, issues: 2 });
    // The second issue was answered on the spot (the harness's reception).
    expect(stats.resolution).toMatchObject({ answeredByCounty: 1, closed: 1, supervised: 0, solvedOnSpot: 1 });
    expect(stats.resolution.resolved).toEqual({ numerator: 2, denominator: 2, rate: 1 });
    expect(stats.resolution.onTime).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(stats.resolution.satisfaction).toMatchObject({ numerator: 1, denominator: 1, satisfied: 1, unsatisfied: 0 });
    expect(stats.byAssignedDepartment).toEqual([{ name: '县住建局', count: 1 }]);
    const wang = stats.deputies.find((d) => d.name === '王丽芬')!;
    expect(wang.counts).toEqual({ dutyDay: 0, reception: 1, issueFollowed: 0, handBack: 1, enterpriseVisit: 0 });
    expect(wang.points).toBe(2);

    const row = issueLedger({ station: { name: '银湾' }, records, statistics: stats, today: '2026-03-31' }).sheets[0]!.rows.find((r) => r[1] === issueRefCode(referred))!;
    expect([row[2], row[10], row[12], row[14], row[15]]).toEqual([h.lists[0]!.number, '县住建局', '已安排施工单位修复。', '满意', '已销号']);
    expect(row[17]).toEqual(new Date(Date.UTC(2026, 2, 13)));

    // A month before holds none of it.
    const february = computeStatistics(statisticsInput(await loadPeriodRecords(h.db, monthPeriod(2026, 2)), DEFAULT_POINT_WEIGHTS, '2026-03-31'));
    expect(february.totals).toEqual({ receptions: 0, visitors: 0, enterprises: 0, issues: 0 });
  });

  it('keeps the station’s weights, refuses bad ones and audits the change', async () => {
    const h = await harness(0);
    expect(await getPointWeights(h.db)).toEqual(DEFAULT_POINT_WEIGHTS);
    await expect(updatePointWeights(h.db, { ...DEFAULT_POINT_WEIGHTS, handBack: -1 })).rejects.toThrow();
    await updatePointWeights(h.db, { ...DEFAULT_POINT_WEIGHTS, handBack: 3 });
    expect((await getPointWeights(h.db)).handBack).toBe(3);
    const audit = await auditFor(h.db, 'station', 'pointWeights');
    expect(audit.map((a) => [a.action, (a.detail['after'] as { handBack: number }).handBack])).toEqual([['statistics.weights', 3]]);
  });
});
