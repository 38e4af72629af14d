/**
 * Backups on the database side: the streamed export (exportStation.ts), restore into a
 * fresh database (restoreStation.ts), the backup trail in the audit log (backupLog.ts).
 * Nothing here touches the database in use except to read it. See docs/backup.md.
 */
import { Dexie } from 'dexie';
import { DB_NAME, StationDb } from '../database';
import type { restoreFromBackup as RestoreFromBackup, writeStationBackup as WriteStationBackup } from './backupFile';

export type { BackupAbout } from './backupFile';

export { exportStation, type ExportTarget, type StationExportMeta } from './exportStation';
export { RestoreCountMismatch, restoreIntoFreshDatabase, restoreLinesIntoFreshDatabase, type RestoreRecord, type RestoreStep } from './restoreStation';
export { lastBackupAt, latestDutyDayClose, recordBackup } from './backupLog';

/** The schema version this build opens; a backup from a newer build cannot be restored here. */
export function currentSchemaVersion(): number {
  const probe = new StationDb(`${DB_NAME}-probe-never-opened`);
  return probe.verno;
}

export function deleteDatabase(name: string): Promise<void> {
  return Dexie.delete(name);
}

// The file writer and reader (and the hashing and ciphers they bring) are fetched when a
// backup or restore runs, not with every screen that imports the repositories.
export async function writeStationBackup(...args: Parameters<typeof WriteStationBackup>): ReturnType<typeof WriteStationBackup> {
  return (await import('./backupFile')).writeStationBackup(...args);
}

export async function restoreFromBackup(...args: Parameters<typeof RestoreFromBackup>): ReturnType<typeof RestoreFromBackup> {
  return (await import('./backupFile')).restoreFromBackup(...args);
}
