/** The 待办 reminder days accept whole numbers from 1 to 90 and nothing else, with a Chinese message. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpSettingsSchema } from '../../../shared/domain/followUpSchemas';
import { isStoredFollowUpSettings, MAX_STALE_FOLLOW_UP_DAYS, MIN_STALE_FOLLOW_UP_DAYS } from '../../../shared/domain/followUpSettings';

const parse = (v: unknown) => followUpSettingsSchema.safeParse({ staleFollowUpDays: v });

describe('staleFollowUpDays', () => {
  it('accepts every whole number of days in range, typed or as text', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_STALE_FOLLOW_UP_DAYS, max: MAX_STALE_FOLLOW_UP_DAYS }), fc.boolean(), (n, asText) => {
        const result = parse(asText ? String(n) : n);
        expect(result.success && result.data.staleFollowUpDays).toBe(n);
      }),
    );
  });

  it('refuses numbers out of range, fractions and non-numbers', () => {
    const outside = fc.oneof(
      fc.integer({ max: MIN_STALE_FOLLOW_UP_DAYS - 1 }),
      fc.integer({ min: MAX_STALE_FOLLOW_UP_DAYS + 1 }),
      fc.double({ min: 1, max: 90, noNaN: true }).filter((n) => !Number.isInteger(n)),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 'abc', undefined, {}, [1, 2]),
    );
    fc.assert(
      fc.property(outside, (v) => {
        expect(parse(v).success).toBe(false);
      }),
    );
  });

  it('says what is wrong in Chinese', () => {
    expect(parse(0).error?.issues[0]?.message).toBe('天数不能少于 1 天');
    expect(parse(91).error?.issues[0]?.message).toBe('天数不能超过 90 天');
    expect(parse(2.5).error?.issues[0]?.message).toBe('天数须为整数');
  });
});

describe('the stored value read at every start (checked without zod)', () => {
  it('agrees with the schema on every number of days', () => {
    const days = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, MIN_STALE_FOLLOW_UP_DAYS, MAX_STALE_FOLLOW_UP_DAYS));
    fc.assert(
      fc.property(days, (n) => {
        expect(isStoredFollowUpSettings({ staleFollowUpDays: n })).toBe(parse(n).success);
      }),
    );
  });

  it('accepts nothing the schema would refuse or change: text, extra keys, other shapes', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        if (!isStoredFollowUpSettings(v)) return;
        const parsed = followUpSettingsSchema.safeParse(v);
        expect(parsed.success && parsed.data).toEqual(v);
      }),
    );
    for (const v of [null, 7, '7', [7], { staleFollowUpDays: '7' }, { staleFollowUpDays: 7, extra: 1 }, {}]) expect(isStoredFollowUpSettings(v)).toBe(false);
  });
});
