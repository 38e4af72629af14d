/** The pure statistics' input from the period's whole records (the 统计 screen and the 台账 count the same rows). */
import type { StatisticsInput } from '../../../../shared/domain/statistics/compute';
import type { PointWeights } from '../../../../shared/domain/statistics/points';
import type { PeriodRecords } from '../../db';
// Not through the db index: this module is also loaded where Dexie's export add-on cannot be (unit tests).
import { statisticsOfRecords, withReportDay } from '../../db/repositories/periodStatistics';

export function statisticsInput(records: PeriodRecords, weights: PointWeights, asOf: string): StatisticsInput {
  return withReportDay(statisticsOfRecords(records), weights, asOf);
}
