/**
 * The issue lists the county holds for one station, as their receipts described them: a
 * station restored from an older backup reads them to learn the numbers and receipts it
 * lost. Scoped by station in the query itself; paged by list id.
 */
import type { HeldList } from '../../../shared/protocol/index.js';
import type { Queryable } from '../db/database.js';
import { toIso } from '../db/database.js';

interface HeldRow {
  id: string;
  list_year: number;
  list_seq: number;
  content_hash: string;
  county_ref: string;
  received_at: Date;
}

export async function readHeldLists(
  db: Queryable,
  stationId: string,
  after: string | null,
  limit: number,
): Promise<{ lists: HeldList[]; cursor: string | null; hasMore: boolean }> {
  // COLLATE "C": byte order, the same on PGlite and any server locale, so the cursor is stable.
  // One row more than asked tells whether another page waits.
  const r = await db.query<HeldRow>(
    `SELECT l.id, l.list_year, l.list_seq, i.content_hash, i.county_ref, i.received_at
       FROM lists l JOIN items i ON i.id = l.id AND i.station_id = l.station_id
      WHERE l.station_id = $1 AND ($2::text IS NULL OR l.id COLLATE "C" > $2::text COLLATE "C")
      ORDER BY l.id COLLATE "C"
      LIMIT $3`,
    [stationId, after, limit + 1],
  );
  const lists: HeldList[] = r.rows.slice(0, limit).map((row) => ({
    id: row.id,
    listNumber: { year: Number(row.list_year), seq: Number(row.list_seq) },
    contentHash: row.content_hash,
    countyRef: row.county_ref,
    receivedAt: toIso(row.received_at),
  }));
  return { lists, cursor: lists.at(-1)?.id ?? after, hasMore: r.rows.length > limit };
}
