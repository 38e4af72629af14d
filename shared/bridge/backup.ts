/**
 * Schemas of the backup:* channels. The renderer builds the encrypted file (it owns the
 * database); main only writes bytes to disk atomically, keeps the automatic generations
 * and reads files the user picks. Bytes cross the bridge as base64, one frame at a time.
 */
import { z } from 'zod';

/** Largest piece of a file sent or read in one call (a frame is 1 MiB plus 32 bytes). */
export const BACKUP_CHUNK_MAX_BYTES = 4 * 1024 * 1024;
const base64Chunk = z
  .string()
  .max(Math.ceil(BACKUP_CHUNK_MAX_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const sessionId = z.string().regex(/^[a-z0-9-]{8,64}$/);
/** A backup file's own name, no folders. */
export const backupFileNameSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[^\\/:*?"<>|]+\.sdbackup$/, 'backup file name')
  .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 0x20), 'no control characters');

/** station-backup-20261205-001500-daily.sdbackup → its local time stamp */
export const AUTO_BACKUP_NAME = /^station-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(daily|dutyDayClosed)\.sdbackup$/;

export function autoBackupName(at: Date, reason: 'daily' | 'dutyDayClosed'): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `station-backup-${p(at.getFullYear(), 4)}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}-${reason}.sdbackup`;
}

export function isAutoBackupName(name: string): boolean {
  return AUTO_BACKUP_NAME.test(name);
}

export const backupBeginSchema = z.object({
  /** 'auto': the app's data folder, kept in generations; 'choose': a place the user picks (a USB stick). */
  target: z.enum(['auto', 'choose']),
  fileName: backupFileNameSchema,
});
export const backupBeginResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ready'), sessionId }),
  z.object({ outcome: z.literal('cancelled') }),
]);

export const backupAppendSchema = z.object({ sessionId, chunk: base64Chunk });
export const backupSessionSchema = z.object({ sessionId });
export const backupFinishResultSchema = z.object({
  fileName: z.string(),
  /** Folder shown to the user, e.g. 'E:\\' for a USB stick. */
  folder: z.string(),
  bytes: z.number().int(),
  /** Automatic backups removed by the generation rule. */
  pruned: z.number().int(),
});

export const backupOpenSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('choose') }),
  z.object({ source: z.literal('stored'), fileName: backupFileNameSchema }),
]);
export const backupOpenResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('opened'), sessionId, fileName: z.string(), size: z.number().int() }),
  z.object({ outcome: z.literal('cancelled') }),
]);
export const backupReadSchema = z.object({
  sessionId,
  offset: z.number().int().min(0),
  length: z.number().int().min(0).max(BACKUP_CHUNK_MAX_BYTES),
});
export const backupReadResultSchema = z.object({ chunk: base64Chunk });

export const storedBackupSchema = z.object({ fileName: z.string(), bytes: z.number().int(), modifiedAt: z.string() });
export const backupListResultSchema = z.object({ folder: z.string(), files: z.array(storedBackupSchema) });
export type StoredBackup = z.infer<typeof storedBackupSchema>;

export const diskSpaceSchema = z.object({ free: z.number(), total: z.number() }).nullable();

export const ok = z.object({ ok: z.literal(true) });
