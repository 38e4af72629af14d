/**
 * The first admin, created from the browser. While no admin exists, each endpoint process
 * issues a one-time setup code at start and prints it to its own log and server.json
 * (mode 600): only someone who can read the server's log can claim the county, not the
 * first stranger to open /console/. Only the code's hash is stored; creating the admin
 * uses up every code in the same transaction, so two concurrent claims cannot both win.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { ConsoleUser } from '../console/types.js';
import { ClerkError } from './clerkError.js';
import { adminExists, createUser } from './consoleUsers.js';

/** Unambiguous characters (no 0/O, 1/I/L), shown in groups of four: ~62 bits. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 12;
const CODE_LIFETIME_MS = 7 * 24 * 3600_000;

export function normalizeSetupCode(raw: string): string {
  return raw.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

function hashCode(code: string): string {
  return createHash('sha256').update(normalizeSetupCode(code), 'utf8').digest('hex');
}

/** A new code when no admin exists (null otherwise). Grouped for reading: ABCD-EFGH-JKMN. */
export async function issueSetupCode(db: Database, now: Date): Promise<string | null> {
  if (await adminExists(db)) return null;
  const raw = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  await db.query('DELETE FROM console_setup_codes WHERE expires_at <= $1', [now]);
  await db.query('INSERT INTO console_setup_codes (code_hash, created_at, expires_at) VALUES ($1, $2, $3)', [
    hashCode(raw),
    now,
    new Date(now.getTime() + CODE_LIFETIME_MS),
  ]);
  return raw.replace(/(.{4})(?=.)/g, '$1-');
}

export async function setupNeeded(db: Database): Promise<boolean> {
  return !(await adminExists(db));
}

/**
 * Creates the first admin with a valid code. The code is the admin's temporary password:
 * the admin is signed in at once and must choose a real password before anything else.
 */
export async function createFirstAdmin(db: Database, code: unknown, input: { username: unknown; displayName: unknown }, now: Date): Promise<ConsoleUser> {
  return db.transaction(async (tx) => {
    if (await adminExists(tx)) throw new ClerkError('setupDone', '系统已完成初始化，请直接登录。', 409);
    const used = await tx.query('DELETE FROM console_setup_codes WHERE code_hash = $1 AND expires_at > $2 RETURNING code_hash', [
      hashCode(typeof code === 'string' ? code : ''),
      now,
    ]);
    if (used.rows.length === 0) throw new ClerkError('badSetupCode', '初始化码不正确或已失效。', 401);
    await tx.query('DELETE FROM console_setup_codes');
    return createUser(tx, { ...input, role: 'admin', mustChangePassword: true }, now, { temporaryPassword: normalizeSetupCode(code as string) });
  });
}
