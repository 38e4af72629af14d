/**
 * The two duty-day reads Today starts with, apart from dutyDays.ts (which seals lists and
 * so brings the list code with it) so a cold start can issue them at boot (db/startup.ts).
 */
import type { DutyDay } from '../../../../shared/domain/schemas';
import type { StationDb } from '../database';

/** The duty day currently open, if any (at most one is open at a time). */
export async function getOpenDutyDay(db: StationDb): Promise<DutyDay | undefined> {
  return db.dutyDays.where('status').equals('open').first();
}

/**
 * The duty day of a date, if any. Data from before the one-per-date rule may hold two for
 * one date: the latest opened one is returned.
 */
export async function dutyDayOfDate(db: StationDb, date: string): Promise<DutyDay | undefined> {
  const days = await db.dutyDays.where('date').equals(date).toArray();
  return days.sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0))[0];
}
