/**
 * Restore into a fresh database: fill it at the backup's own schema version, check every
 * table's row count against the manifest, then let StationDb upgrade it with the same
 * migrations an old install would run. On any failure the fresh database is deleted and
 * the error rethrown; nothing here touches the database in use.
 *
 * Two sources: the streamed export of container version 2, one line at a time
 * (`restoreLinesIntoFreshDatabase`), and the dexie-export-import export of older files,
 * imported by that library from a Blob (`restoreIntoFreshDatabase`).
 */
import { Dexie } from 'dexie';
import { BackupFormatError } from '../../backup/format';
import { parseHead, parsePage, type ExportHead } from '../../backup/exportLines';
import { DB_NAME, StationDb } from '../database';
import { addAudit } from '../repositories/audit';
import { markNeedsReconcile } from '../repositories/reconcile';

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

export type RestoreStep = 'import' | 'count' | 'migrate';

/**
 * Characters of export text whose rows go into one transaction. Most of a restore is
 * IndexedDB writing the search terms' multi-entry index, and it costs per transaction:
 * one transaction per 1 MiB page made the restore of the benchmark history 1.25–1.4× slower
 * than 4 MiB did. Bounded, so memory stays the same whatever the size of the backup.
 */
const BATCH_CHARS = 4 * 1024 * 1024;

function freshName(): string {
  return `${DB_NAME}-restored-${Date.now()}`;
}

/** Counts, then the app's upgrades, the restore's audit entry and the mark to reconcile. */
async function verifyAndUpgrade(name: string, expected: Record<string, number>, record: RestoreRecord, onStep?: (step: RestoreStep) => void): Promise<void> {
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
}

async function deletingOnFailure(name: string, work: () => Promise<void>): Promise<string> {
  try {
    await work();
    return name;
  } catch (error) {
    await Dexie.delete(name).catch(() => undefined);
    throw error;
  }
}

/** The head must describe the database the manifest names, table for table. */
function checkHead(head: ExportHead, schemaVersion: number, expected: Record<string, number>): void {
  if (head.databaseVersion !== schemaVersion) throw new BackupFormatError('mismatch', 'export head and manifest name different schema versions');
  const listed = Object.keys(expected);
  if (head.tables.length !== listed.length) throw new BackupFormatError('mismatch', 'export head and manifest list different tables');
  for (const table of head.tables) {
    if (expected[table.name] !== table.rowCount) throw new RestoreCountMismatch(table.name);
  }
}

/**
 * Container version 2. `read` hands over the export's lines in order and resolves once the
 * whole file is checked (readBackupLines); the rows go into the fresh database as they
 * arrive, a few pages per transaction, so no more than BATCH_CHARS of rows is held at once.
 */
export function restoreLinesIntoFreshDatabase(
  read: (onLine: (line: string) => Promise<void>) => Promise<unknown>,
  manifest: { schemaVersion: number; tables: Record<string, number> },
  record: RestoreRecord,
  /** Called as each step ends: the benchmark times them. */
  onStep?: (step: RestoreStep) => void,
): Promise<string> {
  const name = freshName();
  // Set by the export's first line (its head), which names the tables to create.
  const filling: { db: Dexie | null; tables: Set<string> } = { db: null, tables: new Set() };
  // Consecutive pages of one table, added together (BATCH_CHARS).
  const batch: { table: string; rows: Record<string, unknown>[]; chars: number } = { table: '', rows: [], chars: 0 };
  const addBatch = async () => {
    if (batch.rows.length === 0 || !filling.db) return;
    const rows = batch.rows;
    batch.rows = [];
    batch.chars = 0;
    await filling.db.table(batch.table).bulkAdd(rows);
  };
  return deletingOnFailure(name, async () => {
    try {
      await read(async (line) => {
        if (!filling.db) {
          const head = parseHead(line);
          checkHead(head, manifest.schemaVersion, manifest.tables);
          filling.tables = new Set(head.tables.map((t) => t.name));
          const db = new Dexie(name);
          db.version(head.databaseVersion).stores(Object.fromEntries(head.tables.map((t) => [t.name, t.schema])));
          filling.db = db;
          await db.open();
          return;
        }
        const page = parsePage(line);
        if (!filling.tables.has(page.table)) throw new BackupFormatError('corrupt', 'a page of a table the export head does not list');
        if (page.table !== batch.table || batch.chars >= BATCH_CHARS) await addBatch();
        batch.table = page.table;
        for (const row of page.rows) batch.rows.push(row);
        batch.chars += line.length;
      });
      if (!filling.db) throw new BackupFormatError('corrupt', 'the export is empty');
      await addBatch();
    } finally {
      filling.db?.close();
    }
    onStep?.('import');
    await verifyAndUpgrade(name, manifest.tables, record, onStep);
  });
}

/** The export library is fetched when an older file is restored, not with every screen that reads the database. */
function exportLibrary() {
  return import('dexie-export-import');
}

/** Container version 1 (files written before streaming exports): dexie-export-import's export as a Blob. */
export function restoreIntoFreshDatabase(
  data: Blob,
  expected: Record<string, number>,
  record: RestoreRecord,
  onStep?: (step: RestoreStep) => void,
): Promise<string> {
  const name = freshName();
  return deletingOnFailure(name, async () => {
    const { importDB } = await exportLibrary();
    const imported = await importDB(data, { name, chunkSizeBytes: 4 * 1024 * 1024 });
    imported.close();
    onStep?.('import');
    await verifyAndUpgrade(name, expected, record, onStep);
  });
}
