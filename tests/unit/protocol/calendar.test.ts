/**
 * The station's check of the county's calendar (calendarResponseSchema), which crosses
 * from the network into the deadline colours: every well-formed calendar passes unchanged
 * and every malformed one is refused, whatever its shape. The same rules without zod
 * (isCalendarData, the stored calendar's check at every start) agree with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarResponseSchema, isCalendarData, MAX_CALENDAR_DAYS, pingResponseSchema } from '../../../shared/protocol';

const DAY_MS = 24 * 3600 * 1000;
const day = fc.integer({ min: Date.UTC(1990, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS }).map((n) => new Date(n * DAY_MS).toISOString().slice(0, 10));
const version = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

/** A valid calendar: distinct days, none both a holiday and a working day. */
const calendar = fc
  .record({
    version,
    weekend: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
    days: fc.uniqueArray(fc.tuple(day, fc.boolean()), { maxLength: 200, selector: ([d]) => d }),
  })
  .map(({ version: v, weekend, days }) => ({
    protocolVersion: 1 as const,
    version: v,
    weekend,
    holidays: days.filter(([, h]) => h).map(([d]) => d),
    workdays: days.filter(([, h]) => !h).map(([d]) => d),
  }));

describe('calendarResponseSchema', () => {
  it('accepts every valid calendar as it is, unknown fields from a newer county aside', () => {
    fc.assert(
      fc.property(calendar, fc.dictionary(fc.stringMatching(/^x[a-z]{1,8}$/), fc.jsonValue(), { maxKeys: 3 }), (c, extra) => {
        const parsed = calendarResponseSchema.safeParse(JSON.parse(JSON.stringify({ ...extra, ...c })));
        expect(parsed.success && parsed.data).toEqual(c);
        expect(isCalendarData(c)).toBe(true);
      }),
    );
  });

  it('refuses a calendar with one thing wrong', () => {
    const broken = calendar.chain((c) =>
      fc.oneof(
        // A date that is not a real day, or not YYYY-MM-DD.
        fc
          .oneof(
            fc.constantFrom('2026-02-30', '2026-13-01', '2025-02-29', '2026-1-1', '20260101', '2026-01-01T00:00:00Z', ' 2026-01-01', ''),
            fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
          )
          .chain((bad) => fc.constantFrom({ ...c, holidays: [...c.holidays, bad] }, { ...c, workdays: [...c.workdays, bad] })),
        // A day both off and on.
        day.map((d) => ({ ...c, holidays: [...c.holidays.filter((x) => x !== d), d], workdays: [...c.workdays.filter((x) => x !== d), d] })),
        // A day listed twice.
        day.map((d) => ({ ...c, holidays: [...c.holidays.filter((x) => x !== d), d, d], workdays: c.workdays.filter((x) => x !== d) })),
        // A weekday outside 0–6, a fraction, or repeated.
        fc.oneof(fc.integer({ min: 7 }), fc.integer({ max: -1 }), fc.constant(2.5)).map((w) => ({ ...c, weekend: [...c.weekend, w] })),
        fc.constant({ ...c, weekend: [0, 0] }),
        // A version a station cannot store as a key, another protocol version, a missing list.
        fc.constantFrom('', 'a b', 'x'.repeat(65), 'v/1').map((v) => ({ ...c, version: v })),
        fc.constantFrom(2, '1', 0).map((p) => ({ ...c, protocolVersion: p })),
        fc.constantFrom('holidays', 'workdays', 'weekend', 'version').map((k) => Object.fromEntries(Object.entries(c).filter(([key]) => key !== k))),
      ),
    );
    fc.assert(
      fc.property(broken, (c) => {
        expect(calendarResponseSchema.safeParse(c).success).toBe(false);
        // The stored calendar has no protocol version: the rest must be refused the same way.
        if (c.protocolVersion === 1) expect(isCalendarData(c)).toBe(false);
      }),
    );
  });

  it('refuses more dates than MAX_CALENDAR_DAYS in a list', () => {
    const many = Array.from({ length: MAX_CALENDAR_DAYS + 1 }, (_, i) => new Date(Date.UTC(2000, 0, 1) + i * DAY_MS).toISOString().slice(0, 10));
    expect(calendarResponseSchema.safeParse({ protocolVersion: 1, version: 'v', weekend: [0, 6], holidays: many, workdays: [] }).success).toBe(false);
    expect(calendarResponseSchema.safeParse({ protocolVersion: 1, version: 'v', weekend: [0, 6], holidays: many.slice(1), workdays: [] }).success).toBe(true);
    expect(isCalendarData({ version: 'v', weekend: [0, 6], holidays: many, workdays: [] })).toBe(false);
    expect(isCalendarData({ version: 'v', weekend: [0, 6], holidays: many.slice(1), workdays: [] })).toBe(true);
  });

  it('a ping with any calendarVersion still parses: one the station cannot read counts as absent', () => {
    const ping = { protocolVersion: 1, stationId: 'st-yzw-001', stationName: '站', serverTime: '2026-03-05T02:00:00.000Z' };
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const parsed = pingResponseSchema.safeParse({ ...ping, calendarVersion: v });
        expect(parsed.success).toBe(true);
        const ok = typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v);
        expect(parsed.data?.calendarVersion).toBe(ok ? v : undefined);
      }),
    );
    expect(pingResponseSchema.parse(ping).calendarVersion).toBeUndefined();
  });
});

describe('isCalendarData (the stored calendar, checked without zod)', () => {
  it('agrees with calendarResponseSchema on any value at all', () => {
    const anyCalendarish = fc.oneof(
      fc.anything(),
      fc.record({ version: fc.oneof(version, fc.string()), weekend: fc.array(fc.oneof(fc.integer({ min: -1, max: 8 }), fc.double())), holidays: fc.array(fc.oneof(day, fc.string())), workdays: fc.array(fc.oneof(day, fc.string())) }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(anyCalendarish, (v) => {
        const asResponse = typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, protocolVersion: 1 } : v;
        expect(isCalendarData(v)).toBe(calendarResponseSchema.safeParse(asResponse).success);
      }),
    );
  });
});
