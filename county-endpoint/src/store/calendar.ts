/**
 * The county's working-day calendar (table work_calendar, seeded for 2026 by migration
 * 004, edited by the admin) and the deadline arithmetic on it. The rules themselves are
 * the station's, in shared/domain/workingDays.ts; only the calendar comes from here.
 */
import { createHash } from 'node:crypto';
import { addWorkingDays, cstDateKey, YELLOW_WORKING_DAYS, type WorkingCalendar } from '../../../shared/domain/workingDays.js';
import type { Queryable } from '../db/database.js';
import { ClerkError } from './clerkError.js';

/** Saturday and Sunday are off unless the calendar lists them as 调休 working days. */
export const COUNTY_WEEKEND: readonly number[] = [0, 6];

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  day: string;
  kind: CalendarDayKind;
  note: string;
}

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

function dayKey(value: unknown): string {
  // PGlite and pg both read a date column as a Date at local midnight; keep the calendar
  // date, not the instant.
  if (value instanceof Date) {
    const y = value.getFullYear();
    const m = String(value.getMonth() + 1).padStart(2, '0');
    const d = String(value.getDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  return String(value).slice(0, 10);
}

export async function listCalendarDays(db: Queryable, year?: number): Promise<CalendarDay[]> {
  const r = await db.query<{ day: unknown; kind: CalendarDayKind; note: string }>(
    `SELECT day::text AS day, kind, note FROM work_calendar
      WHERE ($1::int IS NULL OR extract(year FROM day) = $1::int) ORDER BY day`,
    [year ?? null],
  );
  return r.rows.map((row) => ({ day: dayKey(row.day), kind: row.kind, note: row.note }));
}

export async function loadCalendar(db: Queryable): Promise<WorkingCalendar> {
  const days = await listCalendarDays(db);
  return {
    weekend: COUNTY_WEEKEND,
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
  };
}

/**
 * Names the calendar's present state for stations (the ping's `calendarVersion`): the
 * weekend and a digest of every dated day and its kind, so any change by the admin — a
 * day added, changed or set back to normal — gives another version. Notes are the
 * console's only and do not count.
 */
export async function calendarVersion(db: Queryable): Promise<string> {
  const r = await db.query<{ digest: string }>(
    `SELECT md5(coalesce(string_agg(day::text || ':' || kind, ',' ORDER BY day), '')) AS digest FROM work_calendar`,
  );
  return `w${COUNTY_WEEKEND.join('')}-${r.rows[0]?.digest ?? ''}`;
}

/**
 * The calendar as sent to stations, with its version computed from the very rows sent
 * (the same digest as calendarVersion), so the two always agree.
 */
export async function calendarForStations(db: Queryable): Promise<{ version: string; weekend: number[]; holidays: string[]; workdays: string[] }> {
  const days = await listCalendarDays(db);
  const digest = createHash('md5').update(days.map((d) => `${d.day}:${d.kind}`).join(',')).digest('hex');
  return {
    version: `w${COUNTY_WEEKEND.join('')}-${digest}`,
    weekend: [...COUNTY_WEEKEND],
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
  };
}

/** Marks a date as a holiday or a make-up working day, or (kind null) back to the weekly pattern. */
export async function setCalendarDay(
  db: Queryable,
  input: { day: string; kind: CalendarDayKind | null; note?: string },
  byUser: string | null,
  now: Date,
): Promise<void> {
  if (!DAY_KEY.test(input.day) || Number.isNaN(Date.parse(`${input.day}T00:00:00Z`)) || new Date(`${input.day}T00:00:00Z`).toISOString().slice(0, 10) !== input.day) {
    throw new ClerkError('badDay', '日期格式应为 年-月-日，例如 2026-10-01。');
  }
  const note = (input.note ?? '').trim();
  if (note.length > 30) throw new ClerkError('badNote', '说明不能超过 30 个字。');
  if (input.kind === null) {
    await db.query('DELETE FROM work_calendar WHERE day = $1::date', [input.day]);
    return;
  }
  await db.query(
    `INSERT INTO work_calendar (day, kind, note, updated_at, updated_by) VALUES ($1::date, $2, $3, $4, $5)
     ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [input.day, input.kind, note, now, byUser],
  );
}

/** Default time allowed to a department, in working days. */
export const DEFAULT_WORKING_DAYS = 7;

/**
 * The deadline `days` working days after the county's today: the end of that day in
 * China Standard Time, so the department has the whole of its last day.
 */
export function workingDeadline(calendar: WorkingCalendar, now: Date, days: number): Date {
  const key = addWorkingDays(calendar, cstDateKey(now), days);
  return new Date(`${key}T23:59:59.999+08:00`);
}

/**
 * The instants that split 三色 for deadlines, as deadlineColour() decides them: before
 * `now` red; from `now` until the start of the (YELLOW_WORKING_DAYS + 1)-th working day
 * after today yellow; from then on green. The board filters by these ranges in SQL.
 */
export function colourCutoffs(calendar: WorkingCalendar, now: Date): { redBefore: Date; greenFrom: Date } {
  const key = addWorkingDays(calendar, cstDateKey(now), YELLOW_WORKING_DAYS + 1);
  return { redBefore: now, greenFrom: new Date(`${key}T00:00:00.000+08:00`) };
}
