/**
 * What the 统计 screen counts for a period, read from `statDays` (schema v12, ../statRows.ts):
 * one range of day rows instead of every reception, issue and state row of the period. The
 * county inbox (updates stored but not folded yet) and the lists' receipts are laid over
 * the entries as `readStates` lays them over state rows, so the numbers are the ones the
 * whole rows give (tests/integration/statistics/statDays*.test.ts). Until the rows of an
 * older history are built (../statDays.ts), it reads the whole rows instead. Writes nothing.
 */
import type { StatisticsInput } from '../../../../shared/domain/statistics/compute';
import type { Period } from '../../../../shared/domain/statistics/period';
import type { PointWeights } from '../../../../shared/domain/statistics/points';
import { inboxOverlay } from '../countyInbox';
import type { StationDb } from '../database';
import { stateTables } from '../issueStates';
import { statDaysReady } from '../statDays';
import { decodeDay, shownIssue, shownReception } from '../statRows';
import { loadPeriodRecords, type PeriodRecords } from './periodRecords';

/** The rows' input to computeStatistics but the report's day and weights. */
export type PeriodStatistics = Omit<StatisticsInput, 'asOf' | 'weights'>;

/** The statistics' input from the whole rows (the 台账 read them anyway; also the fallback). */
export function statisticsOfRecords(records: PeriodRecords): PeriodStatistics {
  return {
    period: records.period,
    receptions: records.receptions,
    issues: records.issues.map(({ issue, reception, county, track }) => ({
      id: issue.id,
      receptionId: issue.receptionId,
      channel: reception?.channel ?? 'walkIn',
      recordedAt: issue.recordedAt,
      category: issue.category,
      handling: issue.handling,
      suggestedDepartment: issue.suggestedDepartment,
      status: issue.status,
      county,
      stationClosed: track.closedAt !== null,
    })),
    ratings: records.ratings,
    actions: records.actions,
    dutyDays: records.dutyDays,
    deputies: records.deputies,
  };
}

export function withReportDay(stats: PeriodStatistics, weights: PointWeights, asOf: string): StatisticsInput {
  return { ...stats, weights, asOf };
}

/** The period's statistics from the day rows, or null while they are not built. */
export async function readStatDays(db: StationDb, period: Period): Promise<PeriodStatistics | null> {
  return db.transaction('r', [db.statDays, db.ratings, db.issueActions, db.dutyDays, db.deputies, ...stateTables(db)], async () => {
    const [ready, days, overlay, dutyDays, deputies, ratings, actions] = await Promise.all([
      statDaysReady(db),
      db.statDays.where('day').between(period.from, period.to, true, true).toArray(),
      inboxOverlay(db),
      db.dutyDays.where('date').between(period.from, period.to, true, true).toArray(),
      db.deputies.orderBy('order').toArray(),
      // Few rows (one per rating, one per action): read whole and filtered here, as periodRecords does.
      db.ratings.toArray(),
      db.issueActions.toArray(),
    ]);
    if (!ready) return null;
    const content = days.map(decodeDay);
    const entries = content.flatMap((c) => c.issues);
    const listIds = [...new Set(entries.flatMap((e) => (e.listId !== '' ? [e.listId] : [])))];
    const acknowledged = new Set((await db.issueLists.bulkGet(listIds)).flatMap((l) => (l && l.state === 'acknowledged' ? [l.id] : [])));
    const issueIds = new Set(entries.map((e) => e.id));
    return {
      period,
      receptions: content.flatMap((c) => c.receptions.map(shownReception)),
      issues: entries.map((e) => shownIssue(e, overlay, acknowledged)),
      ratings: ratings.filter((r) => issueIds.has(r.issueId)),
      actions: actions.filter((a) => a.at.slice(0, 10) >= period.from && a.at.slice(0, 10) <= period.to),
      dutyDays,
      deputies,
    };
  });
}

/** The period's statistics: from the day rows, or from the whole rows while those are being built. */
export async function loadPeriodStatistics(db: StationDb, period: Period): Promise<PeriodStatistics> {
  return (await readStatDays(db, period)) ?? statisticsOfRecords(await loadPeriodRecords(db, period));
}
