/**
 * The console's audit log: who did what, when, from which address. Rows are only ever
 * added; nothing in the console edits or deletes them. Call recordAudit with the same
 * transaction handle as the action it records, so the action and its row commit together.
 */
import type { Queryable } from '../db/database.js';
import { toIso, toSafeInt } from '../db/database.js';

export interface AuditEntry {
  userId: string | null;
  username: string | null;
  /** A stable English verb, e.g. 'login', 'login.failed', 'user.create', 'issue.view'. */
  action: string;
  /** What the action touched, e.g. a user id, a station id or an issue id. */
  target?: string | null;
  /** The client's address as the server saw it. */
  address?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  at: string;
  userId: string | null;
  username: string | null;
  action: string;
  target: string | null;
  address: string | null;
  detail: Record<string, unknown>;
}

export async function recordAudit(db: Queryable, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await db.query('INSERT INTO console_audit (at, user_id, username, action, target, address, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    at,
    entry.userId,
    entry.username,
    entry.action,
    entry.target ?? null,
    entry.address ?? null,
    JSON.stringify(entry.detail ?? {}),
  ]);
}

export interface AuditQuery {
  /** Rows with an id below this (paging backwards from the newest). */
  before?: number | null;
  limit: number;
  username?: string | null;
  action?: string | null;
}

/** Newest first, paged by id. */
export async function readAudit(db: Queryable, q: AuditQuery): Promise<AuditRow[]> {
  const r = await db.query<{
    id: unknown;
    at: unknown;
    user_id: string | null;
    username: string | null;
    action: string;
    target: string | null;
    address: string | null;
    detail: unknown;
  }>(
    `SELECT id, at, user_id, username, action, target, address, detail FROM console_audit
      WHERE ($1::bigint IS NULL OR id < $1::bigint)
        AND ($2::text IS NULL OR username = $2::text)
        AND ($3::text IS NULL OR action = $3::text OR action LIKE $3::text || '.%')
      ORDER BY id DESC LIMIT $4`,
    [q.before ?? null, q.username ?? null, q.action ?? null, q.limit],
  );
  return r.rows.map((row) => ({
    id: toSafeInt(row.id),
    at: toIso(row.at),
    userId: row.user_id,
    username: row.username,
    action: row.action,
    target: row.target,
    address: row.address,
    detail: (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<string, unknown>,
  }));
}
