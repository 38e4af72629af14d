/**
 * The county's working-day calendar as sent to stations (additive to version 1, like
 * GET /v1/lists: an older endpoint has no such route and its ping names no
 * `calendarVersion`, so a station keeps the calendar it has). The station colours
 * deadlines (三色) on it, so a county-declared 法定节假日 or 调休 day counts at the station
 * exactly as at the county. docs/sync-protocol.md.
 */
import { z } from 'zod';
import { CALENDAR_DAY_PATTERN, CALENDAR_VERSION_PATTERN, holidaysAndWorkdaysApart, isCalendarDay, isDistinct, MAX_CALENDAR_DAYS } from './calendarRules';
import { PROTOCOL_VERSION, ROUTES } from './constants';

/** A real calendar date, `YYYY-MM-DD` (2026-02-30 is refused). */
export const calendarDaySchema = z
  .string()
  .regex(CALENDAR_DAY_PATTERN, 'a calendar day is YYYY-MM-DD')
  .refine(isCalendarDay, 'not a real calendar day');

/** Identifies one state of the county's calendar; the ping names the current one. */
export const calendarVersionSchema = z.string().regex(CALENDAR_VERSION_PATTERN, 'calendarVersion must be 1–64 of A-Z a-z 0-9 _ -');

/** Query string of GET /v1/calendar. */
export const calendarQuerySchema = z.object({
  protocolVersion: z.literal(String(PROTOCOL_VERSION)),
});

export const calendarResponseSchema = z
  .object({
    protocolVersion: z.literal(PROTOCOL_VERSION),
    version: calendarVersionSchema,
    /** Days of the week off unless listed in `workdays` (0 = Sunday … 6 = Saturday). */
    weekend: z.array(z.number().int().min(0).max(6)).max(7).refine(isDistinct, 'weekend days repeat'),
    /** 法定节假日 and the days off around them. */
    holidays: z.array(calendarDaySchema).max(MAX_CALENDAR_DAYS).refine(isDistinct, 'holidays repeat'),
    /** 调休: days of the weekend that are working days. */
    workdays: z.array(calendarDaySchema).max(MAX_CALENDAR_DAYS).refine(isDistinct, 'workdays repeat'),
  })
  .refine(holidaysAndWorkdaysApart, 'a day is both a holiday and a working day');
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;

/** Path and query of a calendar request. */
export function calendarPath(): string {
  return `${ROUTES.calendar}?protocolVersion=${PROTOCOL_VERSION}`;
}
