/**
 * The default working-day calendar shipped to stations for 2026: Saturday and Sunday off,
 * the 法定节假日 and 调休 of the State Council's arrangement for 2026. A station colours
 * deadlines with it until the first sync brings the county's own calendar (GET
 * /v1/calendar, docs/follow-up.md), which then replaces it.
 */
import type { WorkingCalendar } from '../workingDays';

export const CN_2026_CALENDAR: WorkingCalendar = {
  weekend: [0, 6],
  holidays: [
    // 元旦
    '2026-01-01', '2026-01-02', '2026-01-03',
    // 春节
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    // 清明节
    '2026-04-04', '2026-04-05', '2026-04-06',
    // 劳动节
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
    // 端午节
    '2026-06-19', '2026-06-20', '2026-06-21',
    // 中秋节
    '2026-09-25', '2026-09-26', '2026-09-27',
    // 国庆节
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};
