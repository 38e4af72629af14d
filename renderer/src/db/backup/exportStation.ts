/**
 * The whole database as backup text (renderer/src/backup/exportLines.ts), streamed: every
 * table — drafts, audit, outbox, receipts, counters and the sync state included — read in
 * one read transaction, so a backup is a consistent snapshot even while the desk saves,
 * and written out a page at a time while the transaction is held open (Dexie.waitFor)
 * until the target has taken the page. So the export is never whole in memory; the price
 * is that saves at the desk wait for the snapshot to end (a few seconds at a station's
 * usual size, docs/backup.md).
 */
import { Dexie, type IndexableType, type Table } from 'dexie';
import { EXPORT_FORMAT, PAGE_CHARS, headLine, pageLine } from '../../backup/exportLines';
import type { SettingsRow } from '../rows';

export interface StationExportMeta {
  schemaVersion: number;
  /** Rows per table, counted inside the snapshot the rows are read from. */
  tables: Record<string, number>;
  station: { id: string; name: string };
}

export interface ExportTarget {
  /** Called once, inside the snapshot and before any row: the manifest is written then. */
  start(meta: StationExportMeta): Promise<void>;
  /** The export's text, in order. Its promise settling is the backpressure. */
  write(text: string): Promise<void>;
}

/** Rows read per request: between these, sized from the rows just read to fill about one page. */
const MIN_READ = 16;
const MAX_READ = 2000;
/** How long one page may wait for the target (a slow USB stick) before the backup gives up. */
const TARGET_TIMEOUT_MS = 5 * 60_000;

function schemaOf(table: Table): string {
  return [table.schema.primKey, ...table.schema.indexes].map((index) => index.src).join(',');
}

function keyPathOf(table: Table): string | string[] {
  const keyPath = table.schema.primKey.keyPath;
  // Every station table keeps its key inside the row; the export format relies on it.
  if (keyPath === undefined || keyPath === null || keyPath === '') throw new Error(`Table ${table.name} has no key path; the export cannot hold it`);
  return keyPath;
}

/** Sends the target a page whenever the rows gathered reach PAGE_CHARS. */
async function exportTable(table: Table<object, IndexableType>, give: (text: string) => Promise<void>): Promise<number> {
  const keyPath = keyPathOf(table);
  let rowsJson: string[] = [];
  let chars = 0;
  let exported = 0;
  let read = 256;
  let after: IndexableType | undefined;
  const flush = async () => {
    if (rowsJson.length === 0) return;
    const line = pageLine(table.name, rowsJson);
    rowsJson = [];
    chars = 0;
    await give(line);
  };
  for (;;) {
    const rows = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(read).toArray();
    let batchChars = 0;
    for (const row of rows) {
      const json = JSON.stringify(row);
      rowsJson.push(json);
      chars += json.length;
      batchChars += json.length;
      if (chars >= PAGE_CHARS) await flush();
    }
    exported += rows.length;
    if (rows.length < read) break;
    after = Dexie.getByKeyPath(rows[rows.length - 1]!, keyPath) as IndexableType;
    read = Math.max(MIN_READ, Math.min(MAX_READ, Math.ceil(PAGE_CHARS / Math.max(1, batchChars / rows.length))));
  }
  await flush();
  return exported;
}

/** Any version of the station database (an old one in migration tests). */
export async function exportStation(db: Dexie, target: ExportTarget): Promise<StationExportMeta> {
  const tables = db.tables as Table<object, IndexableType>[];
  // The target's work (compressing, encrypting, writing through the bridge) is not
  // IndexedDB work: waitFor keeps the snapshot open while it runs, outside the transaction.
  const outside = <T>(work: () => Promise<T>) => Dexie.waitFor(Dexie.ignoreTransaction(work), TARGET_TIMEOUT_MS);
  const give = (text: string) => outside(() => target.write(text));
  return db.transaction('r', tables, async () => {
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table.name] = await table.count();
    const station = ((await db.table('settings').get('station')) as SettingsRow | undefined)?.value;
    const meta: StationExportMeta = { schemaVersion: db.verno, tables: counts, station: { id: station?.stationId ?? '', name: station?.name ?? '' } };
    await outside(() => target.start(meta));
    await give(
      headLine({
        format: EXPORT_FORMAT,
        version: 1,
        databaseVersion: db.verno,
        tables: tables.map((table) => ({ name: table.name, schema: schemaOf(table), rowCount: counts[table.name] ?? 0 })),
      }),
    );
    for (const table of tables) {
      const exported = await exportTable(table, give);
      if (exported !== counts[table.name]) throw new Error(`Table ${table.name} changed during its snapshot (${exported} rows read, ${counts[table.name]} counted)`);
    }
    return meta;
  });
}
