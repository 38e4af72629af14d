/**
 * The accounts and access settings read at boot (app/boot.ts), beside the station's read,
 * so the gate shows the app (or the lock screen) as soon as the station is known instead of
 * starting its reads only then.
 */
import { accessSettingsRepo, getDb, staffRepo } from '../../db/startup';
import { bootRead } from '../../state/bootRead';

export const readAccess = async () => {
  const db = getDb();
  const [everyone, settings] = await Promise.all([staffRepo.listStaff(db, true), accessSettingsRepo.getAccessSettings(db)]);
  return { everyone, settings };
};

export type AccessRead = Awaited<ReturnType<typeof readAccess>>;

export const accessAtBoot = bootRead('the accounts', readAccess);
