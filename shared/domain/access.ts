/**
 * Who may use the station PC (docs/access.md): staff accounts with a PIN, the idle lock,
 * the visitors' consent notice and the retention period of visitors' phone numbers.
 * Pure rules, without zod: the start imports this module (the lock screen, retention),
 * and the forms' schemas are in accessSchemas.ts. The stored shapes live in renderer/src/db.
 */
import type { z } from 'zod';
import type { accessSettingsSchema } from './accessSchemas';

export const PIN_PATTERN = /^\d{4,6}$/;

/** A staff account as the app shows it (never its PIN hash). */
export interface StaffMember {
  id: string;
  name: string;
  active: boolean;
  createdAt: string;
}

/** Who did it, as written into every audit entry. */
export interface Actor {
  id: string;
  name: string;
}

export const DEFAULT_IDLE_MINUTES = 10;
export const DEFAULT_RETENTION_MONTHS = 24;
export const DEFAULT_CONSENT_NOTICE =
  '本联络站为反映、转交和办理您提出的问题，需要记录您的姓名、联系电话、所在单位和职务。' +
  '这些信息仅用于问题的登记、交办、答复和回访，随问题清单报送县人大常委会选联工委及承办单位，不用于其他用途；' +
  '公示时不显示您的联系电话和完整姓名。问题办结（销号）满保存期限后，本站将删除您的联系电话。' +
  '您可以向本站工作人员查询、更正您的信息。';

export interface AccessSettings extends z.output<typeof accessSettingsSchema> {
  /** When the consent notice text last changed: the version a consent refers to. */
  noticeVersion: string;
  updatedAt: string;
  /** The day retention last ran (it runs at most once a day). */
  retentionRanOn?: string;
}

export function defaultAccessSettings(now: string): AccessSettings {
  return {
    idleMinutes: DEFAULT_IDLE_MINUTES,
    consentNotice: DEFAULT_CONSENT_NOTICE,
    retentionMonths: DEFAULT_RETENTION_MONTHS,
    noticeVersion: now,
    updatedAt: now,
  };
}

/**
 * How long to wait before the next PIN attempt after `failures` wrong ones in a row:
 * three free tries (a PIN mistyped), then 30 s doubling up to 15 minutes, so that the
 * 10,000 four-digit PINs take months to try at the desk.
 */
export function pinRetryDelayMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(30_000 * 2 ** (failures - 3), 15 * 60_000);
}

/** The moment before which closed receptions lose their visitors' phone numbers. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  const day = cutoff.getDate();
  cutoff.setDate(1);
  cutoff.setMonth(cutoff.getMonth() - months);
  const lastDay = new Date(cutoff.getFullYear(), cutoff.getMonth() + 1, 0).getDate();
  cutoff.setDate(Math.min(day, lastDay));
  return cutoff;
}

/** Issues whose visitors no longer need to be called back: struck off or answered on the spot. */
export const FINISHED_STATUSES = ['closed', 'resolvedOnSpot'] as const;
