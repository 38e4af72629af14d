/**
 * Working-day arithmetic on a county calendar (三色督办). Pure: the calendar is passed in,
 * so the county side can use the same rules with its own holiday data. Dates are the
 * county's calendar dates in China Standard Time (UTC+08:00, no daylight saving), whatever
 * the station PC's time zone.
 */

/** A county's working-day calendar for one or more years. */
export interface WorkingCalendar {
  /** Days of the week that are off unless listed in `workdays` (0 = Sunday … 6 = Saturday). */
  weekend: readonly number[];
  /** 法定节假日 and the days off around them, `YYYY-MM-DD`. */
  holidays: readonly string[];
  /** 调休: weekend days that are working days, `YYYY-MM-DD`. */
  workdays: readonly string[];
}

export type DeadlineColour = 'green' | 'yellow' | 'red';

/** Working days left at which a deadline turns yellow (due within 2 working days). */
export const YELLOW_WORKING_DAYS = 2;

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The China Standard Time calendar date of an instant, `YYYY-MM-DD`. */
export function cstDateKey(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

function dayNumber(key: string): number {
  return Math.floor(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
}

function keyOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `key` (`YYYY-MM-DD`) is a working day on the calendar. */
export function isWorkingDay(calendar: WorkingCalendar, key: string): boolean {
  if (calendar.workdays.includes(key)) return true;
  if (calendar.holidays.includes(key)) return false;
  const weekday = new Date(`${key}T00:00:00Z`).getUTCDay();
  return !calendar.weekend.includes(weekday);
}

/**
 * Working days after `fromKey` up to and including `toKey` (0 when `toKey` is not after
 * `fromKey`): a deadline falling today leaves 0, one on the next working day leaves 1.
 */
export function workingDaysBetween(calendar: WorkingCalendar, fromKey: string, toKey: string): number {
  const from = dayNumber(fromKey);
  const to = dayNumber(toKey);
  let count = 0;
  for (let d = from + 1; d <= to; d += 1) if (isWorkingDay(calendar, keyOfDayNumber(d))) count += 1;
  return count;
}

/** The date `days` working days after `fromKey` (the county's way of setting a deadline). */
export function addWorkingDays(calendar: WorkingCalendar, fromKey: string, days: number): string {
  let d = dayNumber(fromKey);
  for (let left = days; left > 0; ) {
    d += 1;
    if (isWorkingDay(calendar, keyOfDayNumber(d))) left -= 1;
  }
  return keyOfDayNumber(d);
}

/**
 * 三色督办: red once the deadline has passed, yellow when it falls within
 * YELLOW_WORKING_DAYS working days (today included), green otherwise.
 */
export function deadlineColour(calendar: WorkingCalendar, deadline: string, now: Date): DeadlineColour {
  const due = new Date(deadline);
  if (now.getTime() > due.getTime()) return 'red';
  return workingDaysBetween(calendar, cstDateKey(now), cstDateKey(due)) <= YELLOW_WORKING_DAYS ? 'yellow' : 'green';
}
