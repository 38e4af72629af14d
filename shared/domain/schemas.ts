/**
 * Zod schemas for everything a user enters and every stored domain object.
 * Messages are the Chinese text shown beside the field.
 */
import { z } from 'zod';
import { CHANNELS, DEPUTY_LEVELS, DUTY_DAY_STATUSES, HANDLING_MODES, ISSUE_STATUSES } from './enums';
import { normalizePhone } from './phone';

const trimmed = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` });

const required = (max: number, label: string) => trimmed(max, label).min(1, { error: `请填写${label}` });

/** Mainland mobile or landline as stored (normalised by ./phone.ts). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-\d{7,8}(-\d{1,6})?)$/;

/** Accepts the ways people type a number (full-width, +86, separators) and stores it normalised. */
export const phoneSchema = z.string().transform((v, ctx) => {
  const result = normalizePhone(v);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', message: result.error });
  return z.NEVER;
});

export const idSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: '时间格式不对' });
export const dayKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });

export const channelSchema = z.enum(CHANNELS, { error: '请选择来访方式' });
export const handlingModeSchema = z.enum(HANDLING_MODES, { error: '请选择办理方式' });
export const issueStatusSchema = z.enum(ISSUE_STATUSES);

export const stationSettingsInputSchema = z.object({
  name: required(60, '联络站名称'),
  county: required(30, '所属县（区）'),
  town: required(30, '所属镇（街道）'),
  head: trimmed(20, '站长姓名').default(''),
});
export type StationSettingsInput = z.input<typeof stationSettingsInputSchema>;

export const stationSettingsSchema = stationSettingsInputSchema.extend({
  stationId: idSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type StationSettings = z.infer<typeof stationSettingsSchema>;

export const deputyInputSchema = z.object({
  name: required(20, '代表姓名'),
  level: z.enum(DEPUTY_LEVELS, { error: '请选择代表层级' }),
  unit: trimmed(60, '工作单位').default(''),
  role: trimmed(20, '站内职务').default(''),
});
export type DeputyInput = z.input<typeof deputyInputSchema>;

export const deputySchema = deputyInputSchema.extend({
  id: idSchema,
  active: z.boolean(),
  order: z.number().int(),
});
export type Deputy = z.infer<typeof deputySchema>;

/** An entry of an editable list: categories and departments. */
export const listEntrySchema = z.object({
  id: idSchema,
  name: required(30, '名称'),
  order: z.number().int(),
  active: z.boolean(),
});
export type ListEntry = z.infer<typeof listEntrySchema>;

export const visitorSchema = z.object({
  name: required(20, '来访人姓名'),
  phone: phoneSchema.default(''),
  enterprise: trimmed(60, '企业（单位）名称').default(''),
  position: trimmed(20, '职务').default(''),
});
export type Visitor = z.infer<typeof visitorSchema>;

export const issueInputSchema = z
  .object({
    id: idSchema.optional(),
    category: required(30, '问题类别'),
    summary: required(300, '问题概述'),
    request: trimmed(500, '具体诉求').default(''),
    onSpotAnswer: trimmed(500, '现场答复').default(''),
    handling: handlingModeSchema,
    suggestedDepartment: trimmed(30, '建议承办单位').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.handling === 'onSpot' && v.onSpotAnswer === '') {
      ctx.addIssue({ code: 'custom', path: ['onSpotAnswer'], message: '当场答复办结的问题，请填写现场答复内容' });
    }
  });
export type IssueInput = z.input<typeof issueInputSchema>;

/**
 * The visitors were told how their personal data is used (个人信息告知) and agreed:
 * when, and which version of the notice text (docs/access.md).
 */
export const consentSchema = z.object({
  agreedAt: isoDateTimeSchema,
  noticeVersion: z.string().min(1).max(64),
});
export type Consent = z.infer<typeof consentSchema>;

export const receptionInputSchema = z.object({
  channel: channelSchema,
  receivedAt: isoDateTimeSchema,
  deputyIds: z.array(idSchema).min(1, { error: '请至少选择一位接待代表' }),
  visitors: z.array(visitorSchema).min(1, { error: '请至少填写一位来访人' }).max(20, { error: '来访人最多 20 位' }),
  issues: z.array(issueInputSchema).min(1, { error: '请至少填写一个问题' }).max(30, { error: '问题最多 30 个' }),
  /** Required by the form; optional here so records imported or made by tools still save. */
  consent: consentSchema.optional(),
});
export type ReceptionInput = z.input<typeof receptionInputSchema>;
export type ValidReceptionInput = z.output<typeof receptionInputSchema>;

export const receptionSchema = z.object({
  id: idSchema,
  dutyDayId: idSchema.nullable(),
  channel: channelSchema,
  receivedAt: isoDateTimeSchema,
  deputyIds: z.array(idSchema),
  visitors: z.array(visitorSchema),
  /** Absent on receptions saved before consent was recorded. */
  consent: consentSchema.optional(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Reception = z.infer<typeof receptionSchema>;

export const issueSchema = z.object({
  id: idSchema,
  receptionId: idSchema,
  dutyDayId: idSchema.nullable(),
  seq: z.number().int().min(1),
  category: z.string(),
  summary: z.string(),
  request: z.string(),
  onSpotAnswer: z.string(),
  handling: handlingModeSchema,
  suggestedDepartment: z.string(),
  status: issueStatusSchema,
  recordedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Issue = z.infer<typeof issueSchema>;

export const dutyDayOpenSchema = z.object({
  date: dayKeySchema,
  deputyIds: z.array(idSchema).min(1, { error: '请至少勾选一位在岗代表' }),
});
export type DutyDayOpenInput = z.input<typeof dutyDayOpenSchema>;

export const dutyDaySchema = z.object({
  id: idSchema,
  date: dayKeySchema,
  status: z.enum(DUTY_DAY_STATUSES),
  deputyIds: z.array(idSchema),
  openedAt: isoDateTimeSchema,
  closedAt: isoDateTimeSchema.nullable(),
});
export type DutyDay = z.infer<typeof dutyDaySchema>;

export const auditEntrySchema = z.object({
  id: idSchema,
  at: isoDateTimeSchema,
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  detail: z.record(z.string(), z.unknown()),
  /** The staff account signed in when it was written (absent before accounts existed). */
  actor: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
