/**
 * How long a 联络站协调 issue may go without recorded progress before 待办 lists it
 * (设置 → 待办提醒). The station sets the number of days; 7 applies until it does.
 */
import { z } from 'zod';

export const DEFAULT_STALE_FOLLOW_UP_DAYS = 7;
export const MIN_STALE_FOLLOW_UP_DAYS = 1;
export const MAX_STALE_FOLLOW_UP_DAYS = 90;

export const staleFollowUpDaysSchema = z.coerce
  .number({ error: '请填写天数' })
  .refine((n) => Number.isFinite(n), { error: '请填写天数' })
  .refine((n) => Number.isInteger(n), { error: '天数须为整数' })
  .min(MIN_STALE_FOLLOW_UP_DAYS, { error: `天数不能少于 ${MIN_STALE_FOLLOW_UP_DAYS} 天` })
  .max(MAX_STALE_FOLLOW_UP_DAYS, { error: `天数不能超过 ${MAX_STALE_FOLLOW_UP_DAYS} 天` });

export const followUpSettingsSchema = z.strictObject({
  staleFollowUpDays: staleFollowUpDaysSchema,
});

export type FollowUpSettings = z.infer<typeof followUpSettingsSchema>;

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = { staleFollowUpDays: DEFAULT_STALE_FOLLOW_UP_DAYS };
