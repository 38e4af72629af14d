/**
 * The working-day calendar the station colours deadlines with: the county's, as the last
 * sync brought it (GET /v1/calendar), or the 2026 calendar shipped in shared/ until one
 * arrives (db/repositories/countyCalendar.ts, docs/follow-up.md).
 */
import type { WorkingCalendar } from '../../../../shared/domain/workingDays';
import { getDb, useLiveQuery } from '../../db';
import { BUNDLED_CALENDAR, stationCalendar } from '../../db/repositories/countyCalendar';

export { stationCalendar };

/** The calendar, live (a calendar arriving with a sync colours again at once); the shipped one while it is read. */
export function useStationCalendar(): WorkingCalendar {
  return useLiveQuery(() => stationCalendar(getDb()), []) ?? BUNDLED_CALENDAR;
}
