/**
 * The working-day calendar the station colours deadlines with: the default 2026 calendar
 * shipped in shared/ until the county sends its own (docs/follow-up.md).
 */
import { CN_2026_CALENDAR } from '../../../../shared/domain/calendars/cn2026';
import type { WorkingCalendar } from '../../../../shared/domain/workingDays';

export const STATION_CALENDAR: WorkingCalendar = CN_2026_CALENDAR;
