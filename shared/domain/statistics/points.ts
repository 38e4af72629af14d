/**
 * 履职积分: points a deputy earns per kind of work in a period. The weights are the
 * station's to set (设置 → 履职积分); these defaults are documented in docs/statistics.md.
 */
import { z } from 'zod';

export const POINT_KINDS = ['dutyDay', 'reception', 'issueFollowed', 'handBack', 'enterpriseVisit'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

export const POINT_KIND_LABELS: Record<PointKind, string> = {
  dutyDay: '参加接待日',
  reception: '接待来访',
  issueFollowed: '跟进问题',
  handBack: '反馈答复',
  enterpriseVisit: '走访企业',
};

export type PointWeights = Record<PointKind, number>;

export const DEFAULT_POINT_WEIGHTS: PointWeights = {
  dutyDay: 2,
  reception: 1,
  issueFollowed: 1,
  handBack: 1,
  enterpriseVisit: 2,
};

const weight = z.coerce
  .number({ error: '请填写分值' })
  .min(0, { error: '分值不能小于 0' })
  .max(100, { error: '分值不能超过 100' })
  .refine((n) => Number.isInteger(n * 10), { error: '分值最多保留一位小数' });

export const pointWeightsSchema = z.strictObject({
  dutyDay: weight,
  reception: weight,
  issueFollowed: weight,
  handBack: weight,
  enterpriseVisit: weight,
});

/** Points for the counts of each kind of work, rounded to one decimal. */
export function pointsOf(counts: Record<PointKind, number>, weights: PointWeights): number {
  const total = POINT_KINDS.reduce((sum, k) => sum + counts[k] * weights[k], 0);
  return Math.round(total * 10) / 10;
}
