/**
 * The rules of the county's working-day calendar, without zod: calendarResponseSchema
 * (calendar.ts) applies them to what arrives from the county, and the station's 待办 read
 * applies them to the stored calendar at every start, where building zod schemas cost
 * more than the check (renderer/src/db/repositories/countyCalendar.ts).
 */

/**
 * At most this many dates in each list: a year has about 35 holidays and a handful of
 * 调休 days, so this is more than a century, and the payload stays near 50 KB.
 */
export const MAX_CALENDAR_DAYS = 4000;

/** What names one state of the county's calendar (the ping's calendarVersion). */
export const CALENDAR_VERSION_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** `YYYY-MM-DD`, whether or not the day exists (isCalendarDay checks that). */
export const CALENDAR_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date, `YYYY-MM-DD` (2026-02-30 is not). */
export function isCalendarDay(d: string): boolean {
  if (!CALENDAR_DAY_PATTERN.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

export function isDistinct<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length;
}

/** No day both a holiday and a working day. */
export function holidaysAndWorkdaysApart(c: { holidays: readonly string[]; workdays: readonly string[] }): boolean {
  const holidays = new Set(c.holidays);
  return c.workdays.every((d) => !holidays.has(d));
}

/** The calendar's own fields, as the station stores them. */
export interface CalendarData {
  version: string;
  weekend: number[];
  holidays: string[];
  workdays: string[];
}

function isDayList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length <= MAX_CALENDAR_DAYS && v.every((d) => typeof d === 'string' && isCalendarDay(d)) && isDistinct(v);
}

function isWeekend(v: unknown): v is number[] {
  return Array.isArray(v) && v.length <= 7 && v.every((d) => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6) && isDistinct(v);
}

/** True when `v` holds a calendar calendarResponseSchema would accept (its protocol version aside). */
export function isCalendarData(v: unknown): v is CalendarData {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.version === 'string' &&
    CALENDAR_VERSION_PATTERN.test(c.version) &&
    isWeekend(c.weekend) &&
    isDayList(c.holidays) &&
    isDayList(c.workdays) &&
    holidaysAndWorkdaysApart({ holidays: c.holidays, workdays: c.workdays })
  );
}
