/**
 * The zod schemas of the access forms and settings (docs/access.md): staff names, PINs and
 * the access settings. Kept apart from access.ts so that a start, which only reads, does not
 * build them; the data layer fetches them when it first writes (renderer/src/db/schemas.ts).
 */
import { z } from 'zod';
import { PIN_PATTERN } from './access';

export const staffNameSchema = z
  .string({ error: '请填写姓名' })
  .trim()
  .min(1, { error: '请填写姓名' })
  .max(20, { error: '姓名不能超过 20 个字' });

export const pinSchema = z.string().regex(PIN_PATTERN, { error: 'PIN 码应为 4 到 6 位数字' });

export const staffInputSchema = z.object({ name: staffNameSchema, pin: pinSchema });
export type StaffInput = z.input<typeof staffInputSchema>;

export const accessSettingsSchema = z.object({
  idleMinutes: z
    .number({ error: '请填写分钟数' })
    .int({ error: '请填写整数分钟' })
    .min(1, { error: '自动锁定时间至少 1 分钟' })
    .max(240, { error: '自动锁定时间不能超过 240 分钟' }),
  consentNotice: z
    .string()
    .trim()
    .min(10, { error: '请填写个人信息告知内容' })
    .max(2000, { error: '告知内容不能超过 2000 个字' }),
  /** Months after which closed visitors' phone numbers are erased; null: never. */
  retentionMonths: z
    .number({ error: '请填写月数' })
    .int({ error: '请填写整数月' })
    .min(1, { error: '保存期限至少 1 个月' })
    .max(240, { error: '保存期限不能超过 240 个月' })
    .nullable(),
});
export type AccessSettingsInput = z.input<typeof accessSettingsSchema>;

