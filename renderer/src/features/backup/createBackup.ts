/**
 * Makes one backup: asks main where (or uses the data folder), then streams the database
 * export through gzip and encryption into frames and the frames through the bridge as
 * the export is read, then records it in the audit log. Main renames the file into place
 * only after the last frame.
 */
import { autoBackupName } from '../../../../shared/bridge/backup';
import { toLocalIso } from '../../../../shared/domain/time';
import { toBase64 } from '../../backup/format';
import type { BackupReason } from '../../backup/manifest';
import { bridge, isDesktop } from '../../bridge';
import { backupRepo, getDb } from '../../db';
import { loadBackupKey } from './backupKeyStore';

export type BackupOutcome =
  | { outcome: 'saved'; fileName: string; folder: string; bytes: number }
  | { outcome: 'cancelled' }
  | { outcome: 'noPassword' };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The name offered for "备份到…". The desktop save dialog shows it and the clerk may change
 * it; the browser flavour's download uses it as is, and Chromium on Linux drops a
 * non-ASCII download name under some locales (the file arrives as "download"), so there
 * it is ASCII.
 */
export function chosenBackupName(at: Date, desktop: boolean): string {
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  return desktop ? `联络站备份-${stamp}.sdbackup` : `station-backup-${stamp}.sdbackup`;
}

export async function createBackup(reason: BackupReason, target: 'auto' | 'choose'): Promise<BackupOutcome> {
  const key = loadBackupKey();
  if (!key) return { outcome: 'noPassword' };
  const now = new Date();
  const fileName = target === 'auto' ? autoBackupName(now, reason === 'manual' ? 'daily' : reason) : chosenBackupName(now, isDesktop);
  const begun = await bridge.backup.begin({ target, fileName });
  if (begun.outcome === 'cancelled') return { outcome: 'cancelled' };
  const { sessionId } = begun;
  try {
    const db = getDb();
    const info = await bridge.app.info();
    const { manifest } = await backupRepo.writeStationBackup(
      db,
      key,
      async (bytes) => {
        await bridge.backup.append({ sessionId, chunk: toBase64(bytes) });
      },
      { app: { name: info.name, version: info.version }, createdAt: toLocalIso(now), reason },
    );
    const done = await bridge.backup.finish({ sessionId });
    await backupRepo.recordBackup(db, reason, { fileName: done.fileName, target, bytes: done.bytes, tables: manifest.tables });
    return { outcome: 'saved', fileName: done.fileName, folder: done.folder, bytes: done.bytes };
  } catch (error) {
    await bridge.backup.abort({ sessionId }).catch(() => undefined);
    throw error;
  }
}
