/**
 * Status updates a station pulls. Each station has its own seq counter on its stations
 * row; taking the next number locks that row until the writing transaction ends, so a
 * station's updates commit in seq order and a reader never skips one still in flight.
 */
import type { StatusUpdate, StatusUpdateType } from '../../../shared/protocol/index.js';
import type { Queryable } from '../db/database.js';
import { toIso, toSafeInt } from '../db/database.js';

export interface UpdateData {
  department?: string;
  deadline?: string;
  response?: string;
  note?: string;
}

export async function appendUpdate(
  tx: Queryable,
  u: { stationId: string; issueId: string; listId: string; type: StatusUpdateType; data: UpdateData; at: Date },
): Promise<number> {
  const r = await tx.query<{ update_seq: unknown }>(
    'UPDATE stations SET update_seq = update_seq + 1 WHERE id = $1 RETURNING update_seq',
    [u.stationId],
  );
  const row = r.rows[0];
  if (row === undefined) throw new Error(`appendUpdate: unknown station ${u.stationId}`);
  const seq = toSafeInt(row.update_seq);
  await tx.query(
    'INSERT INTO updates (station_id, seq, issue_id, list_id, type, data, at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)',
    [u.stationId, seq, u.issueId, u.listId, u.type, JSON.stringify(u.data), u.at],
  );
  return seq;
}

interface UpdateRow {
  /** bigint: a string from pg, a bigint from PGlite. */
  seq: unknown;
  issue_id: string;
  list_id: string;
  type: StatusUpdateType;
  data: UpdateData;
  at: Date;
}

export async function readUpdates(
  db: Queryable,
  stationId: string,
  after: number,
  limit: number,
): Promise<{ updates: StatusUpdate[]; cursor: number; hasMore: boolean }> {
  // One row more than asked tells whether another page waits.
  const r = await db.query<UpdateRow>(
    'SELECT seq, issue_id, list_id, type, data, at FROM updates WHERE station_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [stationId, after, limit + 1],
  );
  const rows = r.rows.slice(0, limit);
  const updates: StatusUpdate[] = rows.map((row) => ({
    seq: toSafeInt(row.seq),
    issueId: row.issue_id,
    listId: row.list_id,
    type: row.type,
    ...row.data,
    at: toIso(row.at),
  }));
  return { updates, cursor: updates.at(-1)?.seq ?? after, hasMore: r.rows.length > limit };
}
