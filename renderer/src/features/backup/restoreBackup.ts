/**
 * Restoring: pick a file, unlock it with the password and show its manifest, then
 * restore into a fresh database and switch to it. The database in use is untouched until
 * the switch, and kept aside (databaseSwitch) until the clerk confirms.
 */
import { fromBase64, BackupFormatError, type BackupProblem } from '../../backup/format';
import { blobSource, openBackup, unlockBackup, type ByteSource, type UnlockedBackup } from '../../backup/readBackup';
import { bridge, isDesktop } from '../../bridge';
import { backupRepo, databaseSwitch } from '../../db';
import { saveBackupKey } from './backupKeyStore';

export interface PickedBackup {
  fileName: string;
  source: ByteSource;
  /** Closes main's file handle (desktop). */
  close: () => Promise<void>;
}

/** A backup file main opened (desktop): the one the user picks, or an automatic one by name. */
export async function openFromMain(request: { source: 'choose' } | { source: 'stored'; fileName: string }): Promise<PickedBackup | null> {
  const opened = await bridge.backup.open(request);
  if (opened.outcome === 'cancelled') return null;
  const { sessionId, size, fileName } = opened;
  return {
    fileName,
    source: { size, read: async (offset, length) => fromBase64((await bridge.backup.read({ sessionId, offset, length })).chunk) },
    close: async () => {
      await bridge.backup.close({ sessionId });
    },
  };
}

export function fromFile(file: File): PickedBackup {
  return { fileName: file.name, source: blobSource(file), close: async () => undefined };
}

export const canOpenThroughMain = isDesktop;

export function problemOf(error: unknown): BackupProblem | 'unknown' {
  return error instanceof BackupFormatError ? error.problem : 'unknown';
}

export async function inspectBackup(picked: PickedBackup, password: string): Promise<UnlockedBackup> {
  return unlockBackup(await openBackup(picked.source), password);
}

export function isNewerThanThisApp(backup: UnlockedBackup): boolean {
  return backup.manifest.schemaVersion > backupRepo.currentSchemaVersion();
}

/** Restores and switches; the caller reloads the page to open the restored database. */
export async function restoreBackup(picked: PickedBackup, backup: UnlockedBackup, onProgress?: (percent: number) => void): Promise<void> {
  let shown = -1;
  const name = await backupRepo.restoreFromBackup(
    backup,
    { fileName: picked.fileName, createdAt: backup.manifest.createdAt, tables: backup.manifest.tables },
    undefined,
    (read, total) => {
      // Whole percents only: a large file has thousands of frames.
      const percent = Math.min(99, Math.floor((read / Math.max(1, total)) * 100));
      if (percent !== shown) onProgress?.((shown = percent));
    },
  );
  // Restoring again before confirming: the first restored database is dropped, the original stays aside.
  const unconfirmed = databaseSwitch.replacedDatabaseName() ? databaseSwitch.activeDatabaseName() : null;
  databaseSwitch.switchActiveDatabase(name);
  if (unconfirmed) await backupRepo.deleteDatabase(unconfirmed).catch(() => undefined);
  // The password just proved right: automatic backups go on with it on this PC.
  saveBackupKey(backup.backupKey);
}

export async function confirmRestore(): Promise<void> {
  const aside = databaseSwitch.replacedDatabaseName();
  databaseSwitch.clearReplacedDatabase();
  if (aside) await backupRepo.deleteDatabase(aside);
}

export async function undoRestore(): Promise<void> {
  const restored = databaseSwitch.switchBackToReplaced();
  if (restored) await backupRepo.deleteDatabase(restored);
}
