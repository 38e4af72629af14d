/**
 * The station's 待办 reminder settings (设置 → 待办提醒), one row of `settings` under its
 * own key; the default (7 days) applies until the station saves its own.
 */
import type { Table } from 'dexie';
import { DEFAULT_FOLLOW_UP_SETTINGS, isStoredFollowUpSettings, type FollowUpSettings } from '../../../../shared/domain/followUpSettings';
import type { StationDb } from '../database';
import { followUpSchemas } from '../schemas';
import { addAudit } from './audit';

interface FollowUpSettingsRow {
  key: 'followUp';
  value: FollowUpSettings;
}

const KEY = 'followUp';

function table(db: StationDb): Table<FollowUpSettingsRow, string> {
  return db.table<FollowUpSettingsRow, string>('settings');
}

export async function getFollowUpSettings(db: StationDb): Promise<FollowUpSettings> {
  // Read by 待办 at every start, so checked without zod: the form's schema validated it on the way in.
  const value = (await table(db).get(KEY))?.value;
  return isStoredFollowUpSettings(value) ? { staleFollowUpDays: value.staleFollowUpDays } : { ...DEFAULT_FOLLOW_UP_SETTINGS };
}

/** Validates, then saves and audits in one transaction (invalid input writes nothing). */
export async function updateFollowUpSettings(db: StationDb, input: unknown): Promise<FollowUpSettings> {
  const value = (await followUpSchemas()).followUpSettingsSchema.parse(input);
  await db.transaction('rw', [db.settings, db.auditLog], async () => {
    const before = await getFollowUpSettings(db);
    await table(db).put({ key: KEY, value });
    await addAudit(db, 'followUp.settings', 'station', KEY, { before, after: value });
  });
  return value;
}
