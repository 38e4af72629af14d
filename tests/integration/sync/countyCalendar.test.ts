/**
 * The station colours deadlines on the county's working-day calendar once a sync brings
 * it: a county-declared 法定节假日 and a 调休 Saturday move a deadline between green and
 * yellow exactly as at the county. Before the first calendar, and with a county that has
 * none, the calendar shipped with the app applies and the sync runs as before.
 */
import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../../../shared/domain/calendars/cn2026';
import type { CalendarResponse } from '../../../shared/protocol/index';
import { countyFoldIdle } from '../../../renderer/src/db/repositories/countyFold';
import { getCountyCalendar, stationCalendar } from '../../../renderer/src/db/repositories/countyCalendar';
import { getSyncState } from '../../../renderer/src/db/repositories/syncState';
import { todoSummary } from '../../../renderer/src/db/repositories/todo';
import { harness, type Harness } from './harness';

// Thursday 5 March 2026, 09:00 in China; on the shipped calendar, Fri 6, Mon 9 and Tue 10
// are working days, Sat 7 and Sun 8 are not.
const NOW = new Date('2026-03-05T09:00:00+08:00');
const TUESDAY = '2026-03-10T15:59:59.999Z'; // end of Tue 10 March, China time
const MONDAY = '2026-03-09T15:59:59.999Z'; // end of Mon 9 March

function countyCalendar(version: string, holidays: string[], workdays: string[]): CalendarResponse {
  return { protocolVersion: 1, version, weekend: [0, 6], holidays: [...CN_2026_CALENDAR.holidays, ...holidays], workdays: [...CN_2026_CALENDAR.workdays, ...workdays] };
}

/** Two issues the county assigned, due Tuesday and Monday. */
async function assigned(h: Harness): Promise<{ tuesday: string; monday: string }> {
  await h.engine.runOnce();
  const [tuesday, monday] = [h.lists[0]!.issueIds[0]!, h.lists[1]!.issueIds[0]!];
  h.county.addUpdate({ issueId: tuesday, listId: h.lists[0]!.id, type: 'assigned', department: '县住建局', deadline: TUESDAY });
  h.county.addUpdate({ issueId: monday, listId: h.lists[1]!.id, type: 'assigned', department: '县住建局', deadline: MONDAY });
  return { tuesday, monday };
}

async function syncAndColour(h: Harness): Promise<Record<string, string>> {
  await h.engine.runOnce(true);
  await countyFoldIdle(h.db);
  expect((await getSyncState(h.db)).status).toBe('synced');
  const todo = await todoSummary(h.db, NOW, await stationCalendar(h.db));
  const colours: Record<string, string> = {};
  for (const item of todo.deadlines.items) colours[item.id] = item.colour!;
  // Green deadlines are counted, not listed.
  colours['onTime'] = String(todo.onTime);
  return colours;
}

const calendarRequests = (h: Harness) => h.county.requests.filter((r) => r.path.startsWith('/v1/calendar')).length;

describe('deadline colours on the county’s calendar', () => {
  it('a county holiday turns a deadline yellow, a 调休 Saturday turns it back; the shipped calendar applies before', async () => {
    const h = await harness(2);
    const { tuesday, monday } = await assigned(h);

    // No county calendar yet: the shipped one. Tuesday is 3 working days off (green), Monday 2 (yellow).
    expect(await getCountyCalendar(h.db)).toBeNull();
    expect(await syncAndColour(h)).toEqual({ [monday]: 'yellow', onTime: '1' });
    expect(calendarRequests(h)).toBe(0);

    // The county declares Friday 6 March a holiday: Tuesday is now 2 working days off.
    h.county.calendar = countyCalendar('v-holiday', ['2026-03-06'], []);
    expect(await syncAndColour(h)).toEqual({ [tuesday]: 'yellow', [monday]: 'yellow', onTime: '0' });
    expect((await getCountyCalendar(h.db))?.holidays).toContain('2026-03-06');
    expect(calendarRequests(h)).toBe(1);
    // Unchanged version: no second request.
    await syncAndColour(h);
    expect(calendarRequests(h)).toBe(1);

    // The county declares the deadline's own day a holiday instead: two working days left
    // (Fri, Mon), so yellow, although Tuesday is after the end of the second working day.
    h.county.calendar = countyCalendar('v-deadline-day', ['2026-03-10'], []);
    expect(await syncAndColour(h)).toEqual({ [tuesday]: 'yellow', [monday]: 'yellow', onTime: '0' });
    h.county.calendar = countyCalendar('v-holiday', ['2026-03-06'], []);
    await syncAndColour(h);

    // Saturday 7 March made a 调休 working day: Sat, Mon, Tue — Tuesday green again; Monday
    // (Sat, Mon) stays yellow.
    h.county.calendar = countyCalendar('v-tiaoxiu', ['2026-03-06'], ['2026-03-07']);
    expect(await syncAndColour(h)).toEqual({ [monday]: 'yellow', onTime: '1' });

    // Without the holiday, the 调休 Saturday alone gives Monday three working days (Fri, Sat, Mon).
    h.county.calendar = countyCalendar('v-only-tiaoxiu', [], ['2026-03-07']);
    expect(await syncAndColour(h)).toEqual({ onTime: '2' });
    expect(calendarRequests(h)).toBe(5);
  });

  it('a county without calendars, or with a calendar that does not validate, leaves the sync and the colours as they were', async () => {
    const h = await harness(2);
    const { monday } = await assigned(h);
    // An older county: no version in the ping, never asked.
    expect(await syncAndColour(h)).toEqual({ [monday]: 'yellow', onTime: '1' });
    expect(calendarRequests(h)).toBe(0);

    h.county.calendar = countyCalendar('v-good', ['2026-03-06'], []);
    await syncAndColour(h);
    expect((await getCountyCalendar(h.db))?.version).toBe('v-good');

    // A day both holiday and working day: refused, the good calendar kept, the round synced.
    h.county.calendar = countyCalendar('v-bad', ['2026-03-06'], ['2026-03-06']);
    h.county.calendarBody = JSON.stringify(h.county.calendar);
    expect(await syncAndColour(h)).toEqual({ [monday]: 'yellow', [h.lists[0]!.issueIds[0]!]: 'yellow', onTime: '0' });
    expect((await getCountyCalendar(h.db))?.version).toBe('v-good');
    // Not JSON at all: the same.
    h.county.calendarBody = '<html>proxy error</html>';
    await syncAndColour(h);
    expect((await getCountyCalendar(h.db))?.version).toBe('v-good');

    // A ping naming a version the station cannot read counts as none.
    h.county.calendarBody = null;
    h.county.calendar = { ...countyCalendar('v-good', [], []), version: 'not a version!' };
    const before = calendarRequests(h);
    await syncAndColour(h);
    expect(calendarRequests(h)).toBe(before);
  });

  it('a stored calendar that no longer validates reads as none, and the shipped calendar applies', async () => {
    const h = await harness(0);
    await h.db.table('settings').put({ key: 'countyCalendar', value: { version: 'v1', weekend: [0, 6], holidays: ['2026-02-30'], workdays: [], receivedAt: NOW.toISOString() } });
    expect(await getCountyCalendar(h.db)).toBeNull();
    expect(await stationCalendar(h.db)).toBe(CN_2026_CALENDAR);
  });
});
