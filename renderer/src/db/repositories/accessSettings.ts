/** The access settings row (idle lock, consent notice, retention), defaults until first saved. */
import { defaultAccessSettings, type AccessSettings } from '../../../../shared/domain/access';
import type { AccessSettingsInput } from '../../../../shared/domain/accessSchemas';
import { toLocalIso } from '../../../../shared/domain/time';
import type { StationDb } from '../database';
import { accessSchemas } from '../schemas';
import { addAudit } from './audit';

export async function getAccessSettings(db: StationDb): Promise<AccessSettings> {
  const row = await db.accessSettings.get('access');
  // Before the first save the defaults apply; their notice version is the epoch so that
  // consents given before anyone edited the notice all name the same (default) text.
  return row?.value ?? defaultAccessSettings(toLocalIso(new Date(0)));
}

export async function updateAccessSettings(db: StationDb, input: AccessSettingsInput): Promise<AccessSettings> {
  const valid = (await accessSchemas()).accessSettingsSchema.parse(input);
  let saved: AccessSettings | undefined;
  await db.transaction('rw', [db.accessSettings, db.auditLog], async () => {
    const before = await getAccessSettings(db);
    const now = toLocalIso(new Date());
    const noticeChanged = before.consentNotice !== valid.consentNotice;
    saved = { ...before, ...valid, noticeVersion: noticeChanged ? now : before.noticeVersion, updatedAt: now };
    await db.accessSettings.put({ key: 'access', value: saved });
    await addAudit(db, 'access.settings', 'station', 'access', {
      idleMinutes: valid.idleMinutes,
      retentionMonths: valid.retentionMonths,
      noticeChanged,
      ...(noticeChanged ? { noticeBefore: before.consentNotice } : {}),
    });
  });
  return saved!;
}
