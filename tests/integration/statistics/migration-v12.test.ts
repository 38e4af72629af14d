/**
 * Schema v10 → v12: a history saved before the statistics' day rows existed. The upgrade
 * adds the empty `statDays` table and rewrites nothing; until the background build has run
 * the statistics read the whole rows, and after it the day rows give the same input and the
 * same numbers (county events folded and still waiting in the inbox, a list acknowledged,
 * a corrected rating, a follow-up closed at the station, a reception in another year).
 */
import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { computeStatistics } from '../../../shared/domain/statistics/compute';
import { monthPeriod, yearPeriod } from '../../../shared/domain/statistics/period';
import { DEFAULT_POINT_WEIGHTS } from '../../../shared/domain/statistics/points';
import type { Reception } from '../../../shared/domain/schemas';
import { issueToRecord } from '../../../renderer/src/db/convert';
import { EMPTY_TRACK } from '../../../renderer/src/db/followRows';
import { declareV9 } from '../../../renderer/src/db/schema/v9';
import { declareV10 } from '../../../renderer/src/db/schema/v10';
import { loadPeriodRecords } from '../../../renderer/src/db/repositories/periodRecords';
import { loadPeriodStatistics, readStatDays, statisticsOfRecords, withReportDay } from '../../../renderer/src/db/repositories/periodStatistics';
import { buildStatDays, statDaysReady } from '../../../renderer/src/db/statDays';
import { declareUpTo, migrationDbName, openCurrent, seedOldVersion } from '../../fixtures/migration';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';

const LIST_ID = '0190f0a0-0000-7000-8000-0000000000f1';
const event = (seq: number, issueId: string, type: string, extra: Record<string, unknown> = {}) => ({
  seq, issueId, listId: LIST_ID, type, department: '', deadline: null, response: '', note: '', at: '2026-03-06T09:00:00+08:00', appliedAt: '2026-03-06T09:01:00+08:00', ...extra,
});
const state = (id: string, recordedAt: string, status: string, county: unknown[], extra: Record<string, unknown> = {}) => ({
  id, status, recordedAt, listId: LIST_ID, sealState: 'sealed', countyRef: 'JH-2026-000007', county, ...extra,
});

describe('schema v10 → v12 upgrade', () => {
  it('adds the day rows without rewriting a row; built, they count what the whole rows count', async () => {
    const name = migrationDbName();
    const older: Reception = { ...SAMPLE_RECEPTION, id: '0190f0a0-0000-7000-8000-0000000000a2', channel: 'enterpriseVisit', receivedAt: '2025-12-31T23:30:00.000+08:00' };
    const assigned = sampleIssue(1);
    const answered = sampleIssue(2, { category: '融资贷款', suggestedDepartment: '' });
    const followed = sampleIssue(3, { handling: 'stationFollowUp', suggestedDepartment: '' });
    const waiting = sampleIssue(4, { handling: 'referToCounty' });
    const lastYear = sampleIssue(5, { receptionId: older.id, recordedAt: older.receivedAt, handling: 'onSpot', onSpotAnswer: '已答复' });
    const states = [
      state(assigned.id, assigned.recordedAt, 'assigned', [event(1, assigned.id, 'assigned', { department: '县住建局', deadline: '2026-03-09T01:00:00.000Z' })]),
      state(answered.id, answered.recordedAt, 'closed', [event(2, answered.id, 'assigned', { department: '县供电公司', deadline: '2026-03-01T01:00:00.000Z' }), event(3, answered.id, 'responded', { response: '已增容', at: '2026-03-02T09:00:00+08:00' }), event(6, answered.id, 'closed')]),
      state(followed.id, followed.recordedAt, 'closed', [], { track: { ...EMPTY_TRACK, followUp: true, resultAt: '2026-02-20T10:00:00.000+08:00', closedAt: '2026-02-21T10:00:00.000+08:00' } }),
      state(waiting.id, waiting.recordedAt, 'recorded', []),
      { ...state(lastYear.id, lastYear.recordedAt, 'resolvedOnSpot', []), listId: '', sealState: 'open', countyRef: null, pendingSeal: 1 },
    ];
    const rating = (id: string, issueId: string, value: string, recordedAt: string, supersedes: string | null) => ({ id, issueId, rating: value, ratedBy: '伍盛华', ratedAt: recordedAt, note: '', reason: '', supersedes, countyNote: '', recordedAt });
    await seedOldVersion(name, (db: Dexie) => { declareUpTo(7)(db); declareV9(db); declareV10(db); }, async (db) => {
      await db.table('receptions').bulkPut([SAMPLE_RECEPTION, older]);
      await db.table('issues').bulkPut([assigned, answered, followed, waiting, lastYear].map((i) => issueToRecord(i, i.receptionId === older.id ? older : SAMPLE_RECEPTION).row));
      await db.table('issueStates').bulkPut(states);
      await db.table('issueLists').put({ id: LIST_ID, stationId: 's', year: 2026, seq: 7, number: '〔2026〕第7号', sealedAt: '2026-02-11T18:00:00.000+08:00', dutyDayId: null, issueIds: [], amendments: 0, amendsListId: null, state: 'acknowledged', countyRef: 'JH-2026-000007', receivedAt: '2026-02-11T10:00:00.000Z', problem: '' });
      await db.table('ratings').bulkPut([
        rating('0190f0a0-0000-7000-8000-0000000000e1', answered.id, 'unsatisfied', '2026-03-03T10:00:00.000+08:00', null),
        rating('0190f0a0-0000-7000-8000-0000000000e2', answered.id, 'satisfied', '2026-03-04T10:00:00.000+08:00', '0190f0a0-0000-7000-8000-0000000000e1'),
        rating('0190f0a0-0000-7000-8000-0000000000e3', followed.id, 'basicallySatisfied', '2026-02-21T10:00:00.000+08:00', null),
      ]);
      // A pull stored these and the app closed before folding them.
      await db.table('countyInbox').put({ id: '000000000000007-000000000000008', updates: [event(7, waiting.id, 'assigned', { department: '县交警大队', deadline: '2026-03-20T01:00:00.000Z' }), event(8, assigned.id, 'responded', { response: '已处理', at: '2026-03-07T09:00:00+08:00' })] });
    });
    const db = await openCurrent(name);
    expect(db.verno).toBeGreaterThanOrEqual(12);
    expect(await db.statDays.count()).toBe(0);
    expect(await db.issueStates.toArray()).toEqual(states);

    const periods = [yearPeriod(2026), yearPeriod(2025), monthPeriod(2026, 2), { kind: 'custom' as const, from: '2025-12-31', to: '2026-02-10' }];
    const whole = await Promise.all(periods.map(async (p) => statisticsOfRecords(await loadPeriodRecords(db, p))));
    // Not built yet: the whole rows are read.
    expect(await statDaysReady(db)).toBe(false);
    expect(await readStatDays(db, periods[0]!)).toBeNull();
    expect(await loadPeriodStatistics(db, periods[0]!)).toEqual(whole[0]);

    // A build cut short (the app closed) goes on where it stopped; folding the waiting updates meanwhile changes nothing.
    await buildStatDays(db, { months: 1 });
    expect(await statDaysReady(db)).toBe(false);
    expect(await readStatDays(db, periods[0]!)).toBeNull();
    await buildStatDays(db);
    expect(await statDaysReady(db)).toBe(true);
    expect(await db.issueStates.toArray()).toEqual(states);
    for (const [i, period] of periods.entries()) {
      const compact = (await readStatDays(db, period))!;
      expect(compact).not.toBeNull();
      const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(compact.issues)).toEqual(byId(whole[i]!.issues).map((x) => ({ ...x, county: x.county.map(({ type, department, deadline, at }) => ({ type, department, deadline, at })) })));
      expect(byId(compact.receptions).map((r) => [r.id, r.channel, r.receivedAt, r.visitors.map((v) => v.enterprise)])).toEqual(byId(whole[i]!.receptions).map((r) => [r.id, r.channel, r.receivedAt, r.visitors.map((v) => v.enterprise)]));
      const asOf = '2026-03-10';
      expect(computeStatistics(withReportDay(compact, DEFAULT_POINT_WEIGHTS, asOf))).toEqual(computeStatistics(withReportDay(whole[i]!, DEFAULT_POINT_WEIGHTS, asOf)));
    }
    const year = computeStatistics(withReportDay((await readStatDays(db, yearPeriod(2026)))!, DEFAULT_POINT_WEIGHTS, '2026-03-10'));
    expect(year.totals.issues).toBe(4);
    // The inbox's waiting answer counts; the acknowledged list makes nothing else change.
    expect(year.resolution).toMatchObject({ answeredByCounty: 2, closed: 2, solvedByStation: 1 });
    expect(year.byAssignedDepartment).toEqual([{ name: '县住建局', count: 1 }, { name: '县交警大队', count: 1 }, { name: '县供电公司', count: 1 }].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));
    expect(year.resolution.satisfaction).toMatchObject({ satisfied: 1, basicallySatisfied: 1, unsatisfied: 0 });
    db.close();
  });
});
