import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayKey, dayKeyOfIso, formatChineseDate, formatTime, toLocalIso } from '../../../shared/domain/time';
import { isoDateTimeSchema } from '../../../shared/domain/schemas';

// The station PCs run in China Standard Time; pin it so the tests do not depend on this machine.
const previousTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterEach(() => {
  process.env.TZ = previousTz;
});

describe('toLocalIso', () => {
  it('writes local wall-clock time with the +08:00 offset and milliseconds', () => {
    const d = new Date('2026-03-01T01:20:05.007Z');
    expect(toLocalIso(d)).toBe('2026-03-01T09:20:05.007+08:00');
    expect(isoDateTimeSchema.safeParse(toLocalIso(d)).success).toBe(true);
  });

  it('round-trips to the same instant', () => {
    const d = new Date('2026-12-31T23:59:59.999Z');
    expect(new Date(toLocalIso(d)).getTime()).toBe(d.getTime());
  });
});

describe('dayKey', () => {
  it('uses the local day, not the UTC day', () => {
    // 17:30 UTC on 28 Feb is 01:30 on 1 March in Beijing.
    expect(dayKey(new Date('2026-02-28T17:30:00Z'))).toBe('2026-03-01');
    expect(dayKeyOfIso('2026-03-01T00:10:00.000+08:00')).toBe('2026-03-01');
    expect(dayKeyOfIso('2026-02-28T16:00:00.000Z')).toBe('2026-03-01');
  });

  it('pads month and day', () => {
    expect(dayKey(new Date(2026, 0, 5, 12))).toBe('2026-01-05');
  });
});

describe('formatting', () => {
  it('writes dates the Chinese way and times as HH:mm', () => {
    expect(formatChineseDate('2026-03-01')).toBe('2026年3月1日');
    expect(formatTime('2026-03-01T09:05:00.000+08:00')).toBe('09:05');
  });
});
