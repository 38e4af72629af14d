/** Enrolled stations and their token hashes. */
import type { Queryable } from '../db/database.js';
import { toIso, toSafeInt } from '../db/database.js';
import { ClerkError } from './clerkError.js';
import { hashToken, newToken } from './tokens.js';

export interface Station {
  id: string;
  name: string;
}

const STATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

export async function findStationByToken(db: Queryable, token: string): Promise<Station | null> {
  const r = await db.query<Station>('SELECT id, name FROM stations WHERE token_hash = $1', [hashToken(token)]);
  return r.rows[0] ?? null;
}

export async function enrollStation(db: Queryable, id: string, name: string): Promise<{ station: Station; token: string }> {
  if (!STATION_ID.test(id)) throw new ClerkError('badStationId', '联络站编号应为 8–64 位字母、数字、下划线或短横线，请从接待台“设置”页照抄。');
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 60) throw new ClerkError('badStationName', '请填写联络站名称（不超过 60 个字）。');
  const token = newToken();
  const r = await db.query<Station>(
    'INSERT INTO stations (id, name, token_hash) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id, name',
    [id, trimmed, hashToken(token)],
  );
  const station = r.rows[0];
  if (!station) throw new ClerkError('stationExists', `联络站 ${id} 已登记。如需重新发放令牌，请用 rotate-token 命令。`);
  return { station, token };
}

/** Issues a new token; the old one stops working at once. */
export async function rotateToken(db: Queryable, id: string): Promise<{ station: Station; token: string }> {
  const token = newToken();
  const r = await db.query<Station>('UPDATE stations SET token_hash = $2 WHERE id = $1 RETURNING id, name', [id, hashToken(token)]);
  const station = r.rows[0];
  if (!station) throw new ClerkError('unknownStation', `没有编号为 ${id} 的联络站。`);
  return { station, token };
}

export async function listStations(db: Queryable): Promise<(Station & { createdAt: Date })[]> {
  const r = await db.query<Station & { createdAt: Date }>('SELECT id, name, created_at AS "createdAt" FROM stations ORDER BY created_at, id');
  return r.rows;
}

/** Notes that a station spoke the protocol; at most one write a minute per station. */
export async function noteContact(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(
    "UPDATE stations SET last_contact_at = $2 WHERE id = $1 AND (last_contact_at IS NULL OR last_contact_at < $2::timestamptz - interval '1 minute')",
    [id, now],
  );
}

export interface StationOverview extends Station {
  createdAt: string;
  lastContactAt: string | null;
  listsReceived: number;
  pendingIssues: number;
}

/** The console's station list: enrolment, last contact, lists received, issues not yet closed. */
export async function stationOverview(db: Queryable): Promise<StationOverview[]> {
  const r = await db.query<{ id: string; name: string; created_at: Date; last_contact_at: Date | null; lists: unknown; pending: unknown }>(
    `SELECT s.id, s.name, s.created_at, s.last_contact_at,
            (SELECT count(*) FROM lists l WHERE l.station_id = s.id) AS lists,
            (SELECT count(*) FROM issues i WHERE i.station_id = s.id AND i.status <> 'closed') AS pending
       FROM stations s ORDER BY s.created_at, s.id`,
  );
  return r.rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: toIso(row.created_at),
    lastContactAt: row.last_contact_at ? toIso(row.last_contact_at) : null,
    listsReceived: toSafeInt(row.lists),
    pendingIssues: toSafeInt(row.pending),
  }));
}
