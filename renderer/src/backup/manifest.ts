/** What a backup holds, readable with the password before anything is restored. */
import { z } from 'zod';

export const backupReasonSchema = z.enum(['manual', 'daily', 'dutyDayClosed']);
export type BackupReason = z.infer<typeof backupReasonSchema>;

const payloadSchema = z.object({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
/** The uncompressed export's length and checksum (payloadDigest.ts). */
export type PayloadSummary = z.infer<typeof payloadSchema>;

export const manifestSchema = z
  .object({
    /**
     * 1: payload.sha256 over the whole export; 2: over the export's 1 MiB pieces' SHA-256s
     * (payloadDigest.ts); both in container version 1, with a dexie-export-import payload.
     * 3 (written now, container version 2): no `payload` here — its length and checksum
     * (as in format 2) follow the data in the trailer frame; the export is exportLines.ts's.
     */
    format: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    app: z.object({ name: z.string().max(100), version: z.string().max(40) }),
    /** Dexie schema version of the exported database (older ones migrate on restore). */
    schemaVersion: z.number().int().min(1).max(1000),
    station: z.object({ id: z.string().max(100), name: z.string().max(200) }),
    /** Station clock, local ISO with offset. */
    createdAt: z.string().max(40),
    reason: backupReasonSchema,
    /** Rows per table, as exported. */
    tables: z.record(z.string().max(100), z.number().int().min(0)),
    /** Formats 1 and 2: the uncompressed export's length and SHA-256 (hex). */
    payload: payloadSchema.optional(),
  })
  .refine((m) => (m.format === 3) === (m.payload === undefined), 'format 3 carries its payload in the trailer; formats 1 and 2 in the manifest');
export type BackupManifest = z.infer<typeof manifestSchema>;

/** The trailer: the final frame of container version 2, after the data. */
export const trailerSchema = z.strictObject({ payload: payloadSchema });
