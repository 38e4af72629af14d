/**
 * The export inside a backup of container version 2 ("station-desk-rows", version 1):
 * UTF-8 text, one JSON value per line. The first line names the database, its version and
 * its tables (schema and row count); every line after it is a page of one table's rows,
 * about PAGE_CHARS of JSON, tables in the order the first line lists them. A writer and a
 * reader hold one page at a time, never the whole export.
 *
 * JSON.stringify escapes every line break inside a value, so a newline byte only ever ends
 * a line. Rows are JSON values: the database stores no Dates, binary data or non-finite
 * numbers (the round-trip test compares every table after a restore).
 */
import { z } from 'zod';
import { BackupFormatError } from './format';

export const EXPORT_FORMAT = 'station-desk-rows';
/** Characters of row JSON per page: bounds what either side holds at once. */
export const PAGE_CHARS = 1024 * 1024;

const tableName = z.string().min(1).max(100);

export const exportHeadSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  /** Dexie's version number of the exported database. */
  databaseVersion: z.number().int().min(1).max(1000),
  tables: z
    .array(
      z.strictObject({
        name: tableName,
        /** Dexie schema syntax: primary key, then indexes ("id, &[year+seq], *issueIds"). */
        schema: z.string().max(2000),
        rowCount: z.number().int().min(0),
      }),
    )
    .max(200),
});
export type ExportHead = z.infer<typeof exportHeadSchema>;

const pageSchema = z.strictObject({ table: tableName, rows: z.array(z.unknown()) });

export function headLine(head: ExportHead): string {
  return `${JSON.stringify(head)}\n`;
}

/** A page line from rows already turned into JSON text (one string per row). */
export function pageLine(table: string, rowsJson: readonly string[]): string {
  return `{"table":${JSON.stringify(table)},"rows":[${rowsJson.join(',')}]}\n`;
}

function parseJson(line: string, what: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupFormatError('corrupt', `${what} is not JSON`);
  }
}

export function parseHead(line: string): ExportHead {
  const parsed = exportHeadSchema.safeParse(parseJson(line, 'export head'));
  if (!parsed.success) throw new BackupFormatError('corrupt', 'export head fields');
  const names = parsed.data.tables.map((t) => t.name);
  if (new Set(names).size !== names.length) throw new BackupFormatError('corrupt', 'export head lists a table twice');
  return parsed.data;
}

/** A page's table and rows; every row must be an object (all station tables keep their key inside the row). */
export function parsePage(line: string): { table: string; rows: Record<string, unknown>[] } {
  const parsed = pageSchema.safeParse(parseJson(line, 'export page'));
  if (!parsed.success) throw new BackupFormatError('corrupt', 'export page fields');
  for (const row of parsed.data.rows) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new BackupFormatError('corrupt', 'export row is not an object');
  }
  return { table: parsed.data.table, rows: parsed.data.rows as Record<string, unknown>[] };
}

/**
 * Cuts decoded text into lines across chunk boundaries. Only the new chunk is searched
 * for a newline and a line is joined once, so the cost is linear in the text however
 * the chunks fall.
 */
export class LineSplitter {
  private pieces: string[] = [];

  /** The lines this chunk completes, without their newlines. */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let at = chunk.indexOf('\n'); at >= 0; at = chunk.indexOf('\n', start)) {
      this.pieces.push(chunk.slice(start, at));
      lines.push(this.pieces.join(''));
      this.pieces = [];
      start = at + 1;
    }
    if (start < chunk.length) this.pieces.push(chunk.slice(start));
    return lines;
  }

  /** Text after the last newline: an export always ends with one, so anything here means the export was cut. */
  rest(): string {
    return this.pieces.join('');
  }
}
