/**
 * GET /v1/calendar and the ping's calendarVersion on both storage backends: an enrolled
 * station reads the county's working-day calendar (seeded 2026, then the admin's edits),
 * the version moves with every change of a day and comes back with the same days, and the
 * route is closed to anyone without a station token.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../../shared/domain/calendars/cn2026.js';
import { calendarResponseSchema, errorBodySchema, pingResponseSchema, type CalendarResponse } from '../../shared/protocol/index.js';
import type { Database } from '../src/db/database.js';
import { setCalendarDay } from '../src/store/calendar.js';
import { backends } from './support/backends.js';
import { appWithStations, type TestApp } from './support/fixtures.js';

describe.each(backends)('the county calendar for stations on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    t = await appWithStations(db);
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  async function calendar(token = t.tokenA): Promise<CalendarResponse> {
    const res = await get('/v1/calendar?protocolVersion=1', token);
    expect(res.statusCode).toBe(200);
    return calendarResponseSchema.parse(res.json());
  }
  async function pingVersion(token = t.tokenA): Promise<string | undefined> {
    const res = await get('/v1/ping?protocolVersion=1', token);
    expect(res.statusCode).toBe(200);
    return pingResponseSchema.parse(res.json()).calendarVersion;
  }

  it('sends the seeded 2026 calendar, the same as the one stations ship with, and the ping names its version', async () => {
    const c = await calendar();
    expect(c.weekend).toEqual([0, 6]);
    expect(c.holidays).toEqual([...CN_2026_CALENDAR.holidays]);
    expect(c.workdays).toEqual([...CN_2026_CALENDAR.workdays]);
    expect(await pingVersion()).toBe(c.version);
    // Every station reads the one county calendar.
    expect(await calendar(t.tokenB)).toEqual(c);
  });

  it('an admin’s edit changes the days and the version; setting the day back restores both', async () => {
    const before = await calendar();
    const now = new Date('2026-03-02T02:00:00Z');
    await setCalendarDay(db, { day: '2026-12-31', kind: 'holiday', note: '县里调整' }, null, now);
    await setCalendarDay(db, { day: '2026-12-26', kind: 'workday', note: '调休上班' }, null, now);
    const edited = await calendar();
    expect(edited.holidays.at(-1)).toBe('2026-12-31');
    expect(edited.workdays.at(-1)).toBe('2026-12-26');
    expect(edited.version).not.toBe(before.version);
    expect(await pingVersion()).toBe(edited.version);

    // Only the note changes: the days are the same, so is the version.
    await setCalendarDay(db, { day: '2026-12-31', kind: 'holiday', note: '另一说明' }, null, now);
    expect((await calendar()).version).toBe(edited.version);

    // A holiday turned into a working day is a change, too.
    await setCalendarDay(db, { day: '2026-12-31', kind: 'workday' }, null, now);
    const turned = await calendar();
    expect(turned.version).not.toBe(edited.version);
    expect(turned.holidays).not.toContain('2026-12-31');

    await setCalendarDay(db, { day: '2026-12-31', kind: null }, null, now);
    await setCalendarDay(db, { day: '2026-12-26', kind: null }, null, now);
    expect(await calendar()).toEqual(before);
    expect(await pingVersion()).toBe(before.version);
  });

  it('whatever days the admin sets, the calendar sent passes the station’s check and says exactly those days', async () => {
    const seeded = await calendar();
    const DAY_MS = 24 * 3600 * 1000;
    const day = fc.integer({ min: Date.UTC(2026, 0, 1) / DAY_MS, max: Date.UTC(2028, 11, 31) / DAY_MS }).map((n) => new Date(n * DAY_MS).toISOString().slice(0, 10));
    const edit = fc.record({ day, kind: fc.constantFrom('holiday' as const, 'workday' as const, null) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 12 }), async (edits) => {
        const model = new Map<string, 'holiday' | 'workday'>([...seeded.holidays.map((d) => [d, 'holiday'] as const), ...seeded.workdays.map((d) => [d, 'workday'] as const)]);
        const touched = new Set<string>();
        for (const e of edits) {
          await setCalendarDay(db, e, null, new Date());
          touched.add(e.day);
          if (e.kind === null) model.delete(e.day);
          else model.set(e.day, e.kind);
        }
        const sent = await calendar();
        const byKind = (k: string) => [...model].filter(([, kind]) => kind === k).map(([d]) => d).sort();
        expect(sent.holidays).toEqual(byKind('holiday'));
        expect(sent.workdays).toEqual(byKind('workday'));
        expect(await pingVersion()).toBe(sent.version);
        // Back to the seeded calendar for the next run: the same days give the same version.
        for (const d of touched) {
          const kind = seeded.holidays.includes(d) ? 'holiday' : seeded.workdays.includes(d) ? 'workday' : null;
          await setCalendarDay(db, { day: d, kind }, null, new Date());
        }
        expect((await calendar()).version).toBe(seeded.version);
      }),
      { numRuns: 15 },
    );
  });

  it('answers 401 without a station token and 426 for another protocol version', async () => {
    const code = (res: { json: () => unknown }) => errorBodySchema.parse(res.json()).error.code;
    const none = await get('/v1/calendar?protocolVersion=1');
    expect(none.statusCode).toBe(401);
    expect(code(none)).toBe('unauthorized');
    const wrong = await get('/v1/calendar?protocolVersion=1', 'not-a-token-at-all');
    expect(wrong.statusCode).toBe(401);
    const version = await get('/v1/calendar?protocolVersion=2', t.tokenA);
    expect(version.statusCode).toBe(426);
    expect(code(version)).toBe('unsupportedProtocolVersion');
    expect(code(await get('/v1/calendar', t.tokenA))).toBe('unsupportedProtocolVersion');
  });
});
