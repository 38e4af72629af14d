/**
 * Login throttling and temporary lockout, counted in the database so every endpoint
 * process sees the same counts: a key ('user:<name>', 'addr:<address>', 'setup:<address>')
 * that fails `limit` times within `windowMs` is locked for `windowMs`. One upsert per
 * failure, so concurrent failures on several processes are all counted.
 */
import type { Queryable } from '../db/database.js';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

/** The latest lock end among the keys, or null when none is locked now. */
export async function lockedUntil(db: Queryable, keys: string[], now: Date): Promise<Date | null> {
  const r = await db.query<{ until: Date | null }>(
    'SELECT max(locked_until) AS until FROM console_login_failures WHERE key = ANY($1::text[]) AND locked_until > $2',
    [keys, now],
  );
  const until = r.rows[0]?.until;
  return until ? new Date(until) : null;
}

/** Counts one failure; returns the lock end when this failure locked the key. */
export async function recordFailure(db: Queryable, key: string, rule: ThrottleRule, now: Date): Promise<Date | null> {
  // A window that has passed, or a lock that has ended, starts the count afresh.
  const r = await db.query<{ failures: number; locked_until: Date | null }>(
    `INSERT INTO console_login_failures AS f (key, failures, window_started_at, locked_until)
     VALUES ($1, 1, $2::timestamptz, CASE WHEN 1 >= $3 THEN $2::timestamptz + $4::bigint * interval '1 millisecond' END)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN f.window_started_at <= $2::timestamptz - $4::bigint * interval '1 millisecond'
                         OR (f.locked_until IS NOT NULL AND f.locked_until <= $2::timestamptz) THEN 1 ELSE f.failures + 1 END,
       window_started_at = CASE WHEN f.window_started_at <= $2::timestamptz - $4::bigint * interval '1 millisecond'
                         OR (f.locked_until IS NOT NULL AND f.locked_until <= $2::timestamptz) THEN $2::timestamptz ELSE f.window_started_at END,
       locked_until = CASE
         WHEN f.window_started_at <= $2::timestamptz - $4::bigint * interval '1 millisecond'
           OR (f.locked_until IS NOT NULL AND f.locked_until <= $2::timestamptz)
           THEN CASE WHEN 1 >= $3 THEN $2::timestamptz + $4::bigint * interval '1 millisecond' END
         WHEN f.failures + 1 >= $3 AND f.locked_until IS NULL THEN $2::timestamptz + $4::bigint * interval '1 millisecond'
         ELSE f.locked_until END
     RETURNING failures, locked_until`,
    [key, now, rule.limit, rule.windowMs],
  );
  const row = r.rows[0];
  return row?.locked_until && row.failures >= rule.limit ? new Date(row.locked_until) : null;
}

/** A successful login clears the user name's count (never the address's). */
export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM console_login_failures WHERE key = $1', [key]);
}
