/**
 * Reads what the period's statistics count (the compact day rows, db/statRows.ts) and counts
 * it, for the screen; the 台账 read the whole records when one is exported. Results are
 * keyed by the period they answer, so a quick change of period never shows stale numbers.
 */
import { useEffect, useState } from 'react';
import { computeStatistics, type StationStatistics } from '../../../../shared/domain/statistics/compute';
import type { Period } from '../../../../shared/domain/statistics/period';
import type { PointWeights } from '../../../../shared/domain/statistics/points';
import { dayKey } from '../../../../shared/domain/time';
import { getDb, periodStatisticsRepo, pointWeightsRepo } from '../../db';

export interface LoadedStatistics {
  key: string;
  period: Period;
  stats: StationStatistics;
  weights: PointWeights;
  /** Local day the numbers were made (the 制表日期). */
  today: string;
  /** Milliseconds from asking to counting done. */
  tookMs: number;
}

export const periodKey = (p: Period) => `${p.kind}:${p.from}:${p.to}`;

export function useStatistics(period: Period): { loaded: LoadedStatistics | null; failed: boolean } {
  const key = periodKey(period);
  const [state, setState] = useState<{ key: string; loaded: LoadedStatistics | null; failed: boolean } | null>(null);
  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    const db = getDb();
    Promise.all([periodStatisticsRepo.loadPeriodStatistics(db, period), pointWeightsRepo.getPointWeights(db)])
      .then(([input, weights]) => {
        const today = dayKey(new Date());
        const stats = computeStatistics(periodStatisticsRepo.withReportDay(input, weights, today));
        if (!cancelled) setState({ key, loaded: { key, period, stats, weights, today, tookMs: performance.now() - started }, failed: false });
      })
      .catch((error: unknown) => {
        console.error('Loading statistics failed', error);
        if (!cancelled) setState({ key, loaded: null, failed: true });
      });
    return () => {
      cancelled = true;
    };
    // period is fully described by its key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state?.key === key ? { loaded: state.loaded, failed: state.failed } : { loaded: null, failed: false };
}
