/**
 * Where the station's backup key is kept: derived from the backup password once, stored
 * in localStorage, outside IndexedDB, so it is never inside a backup it protects. Anyone
 * with this PC's profile can read the station's database anyway; the password protects
 * the copies that leave it (a lost USB stick). See docs/backup.md.
 */
import { fromBase64, kdfSchema, toBase64 } from '../../backup/format';
import { deriveBackupKey, type BackupKey } from '../../backup/keys';
import { z } from 'zod';
import { BACKUP_KEY_STORE as STORE_KEY } from './backupKeyFlag';

const storedSchema = z.object({ kdf: kdfSchema, raw: z.string(), keyCheck: z.string() });

export function loadBackupKey(): BackupKey | null {
  const text = localStorage.getItem(STORE_KEY);
  if (!text) return null;
  try {
    const stored = storedSchema.parse(JSON.parse(text));
    return { kdf: stored.kdf, raw: fromBase64(stored.raw), keyCheck: stored.keyCheck };
  } catch {
    return null;
  }
}

export function saveBackupKey(key: BackupKey): void {
  localStorage.setItem(STORE_KEY, JSON.stringify({ kdf: key.kdf, raw: toBase64(key.raw), keyCheck: key.keyCheck }));
}

export const MIN_PASSWORD_LENGTH = 8;

/** A new password gets a new salt: files made before keep their own header and old password. */
export async function setBackupPassword(password: string): Promise<void> {
  saveBackupKey(await deriveBackupKey(password));
}
