import { describe, expect, it } from 'vitest';
import { isUnderstaffed, summarizeDutyDay } from '../../../shared/domain/dutyDaySummary';
import { MIN_DEPUTIES_PER_DUTY_DAY } from '../../../shared/domain/enums';

const visitor = (name: string, enterprise: string) => ({ name, phone: '', enterprise, position: '' });

describe('summarizeDutyDay', () => {
  it('counts receptions, visitors, distinct enterprises and issues by handling mode and category', () => {
    const summary = summarizeDutyDay(
      [
        { visitors: [visitor('辛志鹏', '椿森电子有限公司'), visitor('刘敏', ' 椿森电子有限公司 ')] },
        { visitors: [visitor('周强', '一禾粮油有限公司')] },
        { visitors: [visitor('陈阿姨', '')] },
      ],
      [
        { handling: 'referToCounty', category: '安全生产' },
        { handling: 'stationFollowUp', category: '环境卫生' },
        { handling: 'onSpot', category: '环境卫生' },
        { handling: 'referToCounty', category: '融资贷款' },
      ],
    );
    expect(summary.receptions).toBe(3);
    expect(summary.visitors).toBe(4);
    // The same enterprise typed with stray spaces is one enterprise; a resident without one is none.
    expect(summary.enterprises).toBe(2);
    expect(summary.issues).toBe(4);
    expect(summary.byHandling).toEqual({ onSpot: 1, stationFollowUp: 1, referToCounty: 2 });
    expect(summary.byCategory[0]).toEqual({ category: '环境卫生', count: 2 });
    expect(summary.byCategory.map((c) => c.count)).toEqual([2, 1, 1]);
  });

  it('gives zeros for every handling mode on an empty day', () => {
    const summary = summarizeDutyDay([], []);
    expect(summary).toEqual({
      receptions: 0,
      visitors: 0,
      enterprises: 0,
      issues: 0,
      byHandling: { onSpot: 0, stationFollowUp: 0, referToCounty: 0 },
      byCategory: [],
    });
  });
});

describe('isUnderstaffed', () => {
  it('warns below the minimum of three deputies and not at or above it', () => {
    expect(MIN_DEPUTIES_PER_DUTY_DAY).toBe(3);
    expect(isUnderstaffed(0, MIN_DEPUTIES_PER_DUTY_DAY)).toBe(true);
    expect(isUnderstaffed(2, MIN_DEPUTIES_PER_DUTY_DAY)).toBe(true);
    expect(isUnderstaffed(3, MIN_DEPUTIES_PER_DUTY_DAY)).toBe(false);
    expect(isUnderstaffed(7, MIN_DEPUTIES_PER_DUTY_DAY)).toBe(false);
  });
});
