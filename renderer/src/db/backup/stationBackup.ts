/**
 * Whole-database export and restore for backups, with Dexie's own export/import addon
 * (dexie-export-import): every table — drafts, audit, outbox, receipts, counters and the
 * sync state included — exported in one read transaction, so a backup is a consistent
 * snapshot. A restore fills a fresh database at the backup's own schema version, checks
 * every table's row count against the manifest, then lets StationDb upgrade it with the
 * same migrations an old install would run. Nothing here touches the database in use.
 */
import { Dexie } from 'dexie';
import { DB_NAME, StationDb } from '../database';
import { addAudit } from '../repositories/audit';
import { markNeedsReconcile } from '../repositories/reconcile';
import type { SettingsRow } from '../rows';

/** The export library is fetched when a backup or restore runs, not with every screen that reads the database. */
function exportLibrary() {
  return import('dexie-export-import');
}

export interface StationExport {
  data: Blob;
  schemaVersion: number;
  tables: Record<string, number>;
  station: { id: string; name: string };
}

/** Any version of the station database (an old one in migration tests). */
export async function exportStation(db: Dexie): Promise<StationExport> {
  const station = ((await db.table('settings').get('station')) as SettingsRow | undefined)?.value;
  const { exportDB, peakImportFile } = await exportLibrary();
  const data = await exportDB(db, { numRowsPerChunk: 2000 });
  // The counts come from the export itself, so they match the file even if a save ran meanwhile.
  const meta = await peakImportFile(data);
  return {
    data,
    schemaVersion: meta.data.databaseVersion,
    tables: Object.fromEntries(meta.data.tables.map((t) => [t.name, t.rowCount])),
    station: { id: station?.stationId ?? '', name: station?.name ?? '' },
  };
}

/** The schema version this build opens; a backup from a newer build cannot be restored here. */
export function currentSchemaVersion(): number {
  const probe = new StationDb(`${DB_NAME}-probe-never-opened`);
  return probe.verno;
}

export class RestoreCountMismatch extends Error {
  constructor(readonly table: string) {
    super(`Restored table ${table} does not hold the rows the backup lists`);
    this.name = 'RestoreCountMismatch';
  }
}

export interface RestoreRecord {
  fileName: string;
  createdAt: string;
  tables: Record<string, number>;
}

/**
 * Imports an export into a new database and returns its name. On any failure the new
 * database is deleted and the error rethrown; the database in use is never opened.
 */
export async function restoreIntoFreshDatabase(
  data: Blob,
  expected: Record<string, number>,
  record: RestoreRecord,
  /** Called as each step ends ('import', 'count', 'migrate'): the benchmark times them. */
  onStep?: (step: 'import' | 'count' | 'migrate') => void,
): Promise<string> {
  const name = `${DB_NAME}-restored-${Date.now()}`;
  try {
    const { importDB } = await exportLibrary();
    const imported = await importDB(data, { name, chunkSizeBytes: 4 * 1024 * 1024 });
    imported.close();
    onStep?.('import');
    const asStored = new Dexie(name);
    await asStored.open();
    try {
      const names = asStored.tables.map((t) => t.name).sort();
      const listed = Object.keys(expected).sort();
      if (names.join('\n') !== listed.join('\n')) throw new RestoreCountMismatch(names.find((n) => !listed.includes(n)) ?? listed.find((n) => !names.includes(n)) ?? '?');
      for (const table of asStored.tables) {
        if ((await table.count()) !== expected[table.name]) throw new RestoreCountMismatch(table.name);
      }
    } finally {
      asStored.close();
    }
    onStep?.('count');
    const db = new StationDb(name);
    await db.open();
    try {
      await db.transaction('rw', db.auditLog, () =>
        addAudit(db, 'access.restored', 'backup', 'restore', { fileName: record.fileName, backupCreatedAt: record.createdAt, tables: record.tables }),
      );
      // The county may hold lists sealed after this backup: reconcile before sending or sealing.
      await markNeedsReconcile(db);
    } finally {
      db.close();
    }
    onStep?.('migrate');
    return name;
  } catch (error) {
    await Dexie.delete(name).catch(() => undefined);
    throw error;
  }
}

export function deleteDatabase(name: string): Promise<void> {
  return Dexie.delete(name);
}

export { lastBackupAt, latestDutyDayClose, recordBackup } from './backupLog';
