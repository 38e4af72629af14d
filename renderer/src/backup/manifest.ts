/** What a backup holds, readable with the password before anything is restored. */
import { z } from 'zod';

export const backupReasonSchema = z.enum(['manual', 'daily', 'dutyDayClosed']);
export type BackupReason = z.infer<typeof backupReasonSchema>;

export const manifestSchema = z.object({
  /** 1: payload.sha256 over the whole export; 2: over the export's 1 MiB pieces' SHA-256s (payloadDigest.ts). */
  format: z.union([z.literal(1), z.literal(2)]),
  app: z.object({ name: z.string().max(100), version: z.string().max(40) }),
  /** Dexie schema version of the exported database (older ones migrate on restore). */
  schemaVersion: z.number().int().min(1).max(1000),
  station: z.object({ id: z.string().max(100), name: z.string().max(200) }),
  /** Station clock, local ISO with offset. */
  createdAt: z.string().max(40),
  reason: backupReasonSchema,
  /** Rows per table, as exported. */
  tables: z.record(z.string().max(100), z.number().int().min(0)),
  /** The uncompressed export: its length and SHA-256 (hex). */
  payload: z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
