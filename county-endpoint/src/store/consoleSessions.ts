/**
 * Console sessions, kept in the database so any endpoint process can serve any request.
 * The browser holds a random id; only its sha-256 is stored. A session ends after
 * `idleMs` without a request or `maxMs` after login, whichever comes first.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { ConsoleRole, ConsoleUser } from '../console/types.js';

export interface SessionLifetime {
  idleMs: number;
  maxMs: number;
}

export interface LoadedSession {
  idHash: string;
  csrfToken: string;
  expiresAt: Date;
  user: ConsoleUser;
  mustChangePassword: boolean;
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}

export async function createSession(
  db: Queryable,
  userId: string,
  now: Date,
  life: SessionLifetime,
): Promise<{ id: string; csrfToken: string; expiresAt: Date }> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + Math.min(life.idleMs, life.maxMs));
  await db.query('INSERT INTO console_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)', [
    hashSessionId(id),
    userId,
    csrfToken,
    now,
    expiresAt,
  ]);
  // Expired rows of anyone are swept now and then, so the table does not grow forever.
  await db.query('DELETE FROM console_sessions WHERE expires_at < $1', [now]);
  return { id, csrfToken, expiresAt };
}

interface SessionRow {
  id_hash: string;
  csrf_token: string;
  expires_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  role: ConsoleRole;
  department_id: string | null;
  must_change_password: boolean;
}

/**
 * Finds a live session of an enabled user and slides its idle deadline, in one statement:
 * an expired session or a disabled user yields null.
 */
export async function touchSession(db: Queryable, id: string, now: Date, life: SessionLifetime): Promise<LoadedSession | null> {
  const r = await db.query<SessionRow>(
    `UPDATE console_sessions s
        SET last_seen_at = $2::timestamptz,
            expires_at = LEAST(s.created_at + $4::bigint * interval '1 millisecond', $2::timestamptz + $3::bigint * interval '1 millisecond')
       FROM console_users u
      WHERE s.id_hash = $1 AND s.expires_at > $2::timestamptz AND u.id = s.user_id AND NOT u.disabled
      RETURNING s.id_hash, s.csrf_token, s.expires_at, u.id AS user_id, u.username, u.display_name, u.role, u.department_id, u.must_change_password`,
    [hashSessionId(id), now, life.idleMs, life.maxMs],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    idHash: row.id_hash,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    mustChangePassword: row.must_change_password,
    user: { id: row.user_id, username: row.username, displayName: row.display_name, role: row.role, departmentId: row.department_id },
  };
}

export async function deleteSessionByHash(db: Queryable, idHash: string): Promise<void> {
  await db.query('DELETE FROM console_sessions WHERE id_hash = $1', [idHash]);
}

/** Ends every session of a user, except the one given (the user's own, after a password change). */
export async function deleteUserSessions(db: Queryable, userId: string, exceptIdHash: string | null = null): Promise<void> {
  await db.query('DELETE FROM console_sessions WHERE user_id = $1 AND ($2::text IS NULL OR id_hash <> $2::text)', [userId, exceptIdHash]);
}
