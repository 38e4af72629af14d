/**
 * Whether a backup password has been set on this PC: one localStorage read, for the
 * automatic backups' check at every start (the key itself is read and checked by
 * backupKeyStore.ts when a backup is written).
 */
export const BACKUP_KEY_STORE = 'stationDesk.backupKey';

export function hasBackupKey(): boolean {
  return localStorage.getItem(BACKUP_KEY_STORE) !== null;
}
