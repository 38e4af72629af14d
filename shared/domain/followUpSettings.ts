/**
 * How long a 联络站协调 issue may go without recorded progress before 待办 lists it
 * (设置 → 待办提醒). The station sets the number of days; 7 applies until it does.
 * Without zod: 待办's read at every start checks the stored value here, and the form's
 * schema is in followUpSchemas.ts.
 */
import type { z } from 'zod';
import type { followUpSettingsSchema } from './followUpSchemas';

export const DEFAULT_STALE_FOLLOW_UP_DAYS = 7;
export const MIN_STALE_FOLLOW_UP_DAYS = 1;
export const MAX_STALE_FOLLOW_UP_DAYS = 90;

export type FollowUpSettings = z.infer<typeof followUpSettingsSchema>;

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = { staleFollowUpDays: DEFAULT_STALE_FOLLOW_UP_DAYS };

/** A whole number of days the form accepts (the schema's rule, shared with it). */
export function isStaleFollowUpDays(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_STALE_FOLLOW_UP_DAYS && n <= MAX_STALE_FOLLOW_UP_DAYS;
}

/**
 * True for a stored settings value as the form saves it: exactly `{ staleFollowUpDays }`
 * with a whole number of days in range (what followUpSettingsSchema outputs).
 */
export function isStoredFollowUpSettings(value: unknown): value is FollowUpSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const days = (value as { staleFollowUpDays?: unknown }).staleFollowUpDays;
  return keys.length === 1 && keys[0] === 'staleFollowUpDays' && typeof days === 'number' && isStaleFollowUpDays(days);
}
