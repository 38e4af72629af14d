/** The pure statistics' input from the period's records (the 统计 screen and the 台账 count the same rows). */
import type { StatisticsInput } from '../../../../shared/domain/statistics/compute';
import type { PointWeights } from '../../../../shared/domain/statistics/points';
import type { PeriodRecords } from '../../db';

export function statisticsInput(records: PeriodRecords, weights: PointWeights, asOf: string): StatisticsInput {
  return {
    period: records.period,
    asOf,
    weights,
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
