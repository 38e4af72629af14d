/**
 * A backup file from the database and back, as the app makes and reads them: the streamed
 * export through the file writer (renderer/src/backup/writeBackup.ts), and a file's export
 * into a fresh database by its container version. Tests and the benchmark use these too.
 */
import type { Dexie } from 'dexie';
import type { BackupKey } from '../../backup/keys';
import type { BackupManifest, BackupReason, PayloadSummary } from '../../backup/manifest';
import { MANIFEST_FORMAT } from '../../backup/payloadDigest';
import { readBackupData, readBackupLines, type UnlockedBackup } from '../../backup/readBackup';
import { openBackupWriter, type ChunkSink } from '../../backup/writeBackup';
import { exportStation } from './exportStation';
import { restoreIntoFreshDatabase, restoreLinesIntoFreshDatabase, type RestoreRecord, type RestoreStep } from './restoreStation';

export interface BackupAbout {
  app: BackupManifest['app'];
  /** Station clock, local ISO with offset. */
  createdAt: string;
  reason: BackupReason;
}

/** Writes one whole backup file into `sink`; on failure the sink has an incomplete file, which the caller discards. */
export async function writeStationBackup(db: Dexie, key: BackupKey, sink: ChunkSink, about: BackupAbout): Promise<{ manifest: BackupManifest; payload: PayloadSummary }> {
  const writer = await openBackupWriter(key, sink);
  let manifest: BackupManifest | null = null;
  try {
    await exportStation(db, {
      start: async (meta) => {
        manifest = { format: MANIFEST_FORMAT, ...about, schemaVersion: meta.schemaVersion, station: meta.station, tables: meta.tables };
        await writer.manifest(manifest);
      },
      write: (text) => writer.write(text),
    });
    const payload = await writer.finish();
    if (!manifest) throw new Error('The export never started');
    return { manifest, payload };
  } catch (error) {
    await writer.abort(error);
    throw error;
  }
}

/**
 * Reads a file's export into a fresh database and returns its name: a streamed export
 * (container version 2) a page at a time; an older file through dexie-export-import.
 */
export async function restoreFromBackup(
  backup: UnlockedBackup,
  record: RestoreRecord,
  onStep?: (step: RestoreStep) => void,
  /** Bytes of the file read so far, as the restore goes (a large restore takes minutes). */
  onProgress?: (read: number, total: number) => void,
): Promise<string> {
  if (backup.version === 2) {
    return restoreLinesIntoFreshDatabase((onLine) => readBackupLines(backup, onLine, onProgress), backup.manifest, record, onStep);
  }
  return restoreIntoFreshDatabase(await readBackupData(backup, onProgress), backup.manifest.tables, record, onStep);
}
