/**
 * The county's working-day calendar as the station last received it (GET /v1/calendar),
 * one row of `settings` under its own key. Deadlines are coloured on it (stationCalendar);
 * before the first sync that brings one, or when the stored row does not validate, the
 * 2026 calendar shipped in shared/ applies (docs/follow-up.md).
 */
import type { Table } from 'dexie';
import { CN_2026_CALENDAR } from '../../../../shared/domain/calendars/cn2026';
import type { WorkingCalendar } from '../../../../shared/domain/workingDays';
import type { CalendarResponse } from '../../../../shared/protocol/calendar';
import { isCalendarData, type CalendarData } from '../../../../shared/protocol/calendarRules';
import type { StationDb } from '../database';

export interface CountyCalendar extends WorkingCalendar {
  /** The county's name for this state of its calendar (the ping's calendarVersion). */
  version: string;
  /** Station clock: when it arrived. */
  receivedAt: string;
}

interface CountyCalendarRow {
  key: 'countyCalendar';
  value: CountyCalendar;
}

const KEY = 'countyCalendar';

function table(db: StationDb): Table<CountyCalendarRow, string> {
  return db.table<CountyCalendarRow, string>('settings');
}

export async function getCountyCalendar(db: StationDb): Promise<CountyCalendar | null> {
  const row = await table(db).get(KEY);
  if (!row) return null;
  // Checked again on the way out: a row restored from an old backup or written by hand
  // must not break deadline colouring. 待办 reads it at every start, so with the schema's
  // rules without zod (calendarRules.ts).
  const value: unknown = row.value;
  if (!isCalendarData(value)) return null;
  const { receivedAt } = value as { receivedAt?: unknown };
  return typeof receivedAt === 'string' ? { ...strip(value), receivedAt } : null;
}

function strip(c: CalendarData): Omit<CountyCalendar, 'receivedAt'> {
  return { version: c.version, weekend: c.weekend, holidays: c.holidays, workdays: c.workdays };
}

/** The calendar shipped with the app, used until the county's arrives. */
export const BUNDLED_CALENDAR: WorkingCalendar = CN_2026_CALENDAR;

/** The calendar deadlines are coloured on: the county's when one arrived, else the shipped one. */
export async function stationCalendar(db: StationDb): Promise<WorkingCalendar> {
  return (await getCountyCalendar(db)) ?? BUNDLED_CALENDAR;
}

/** The version the station holds, or null before the first calendar arrived. */
export async function countyCalendarVersion(db: StationDb): Promise<string | null> {
  return (await getCountyCalendar(db))?.version ?? null;
}

/** Stores a calendar the county sent (already validated by the sync engine). */
export async function saveCountyCalendar(db: StationDb, calendar: CalendarResponse, receivedAt: Date): Promise<void> {
  await table(db).put({ key: KEY, value: { ...strip(calendar), receivedAt: receivedAt.toISOString() } });
}
