/** The 待办提醒 form's schema (设置 → 待办提醒); its rules and defaults are in followUpSettings.ts. */
import { z } from 'zod';
import { MAX_STALE_FOLLOW_UP_DAYS, MIN_STALE_FOLLOW_UP_DAYS } from './followUpSettings';

export const staleFollowUpDaysSchema = z.coerce
  .number({ error: '请填写天数' })
  .refine((n) => Number.isFinite(n), { error: '请填写天数' })
  .refine((n) => Number.isInteger(n), { error: '天数须为整数' })
  .min(MIN_STALE_FOLLOW_UP_DAYS, { error: `天数不能少于 ${MIN_STALE_FOLLOW_UP_DAYS} 天` })
  .max(MAX_STALE_FOLLOW_UP_DAYS, { error: `天数不能超过 ${MAX_STALE_FOLLOW_UP_DAYS} 天` });

export const followUpSettingsSchema = z.strictObject({
  staleFollowUpDays: staleFollowUpDaysSchema,
});
