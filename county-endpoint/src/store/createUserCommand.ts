/**
 * `create-user` on the command line: the same store function the admin's console uses,
 * with a random first password printed once (the user must change it at first login),
 * and an audit row naming the command line as the actor.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import { ClerkError } from './clerkError.js';
import { recordAudit } from './consoleAudit.js';
import { createUser } from './consoleUsers.js';

export interface CreatedByCli {
  username: string;
  displayName: string;
  role: string;
  departmentName: string | null;
  password: string;
}

/** Readable and strong: 16 characters from a 56-letter alphabet (~93 bits). */
function firstPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
}

export async function createUserFromCli(db: Database, input: { username: string; displayName: string; role: string; department: string | null }, now: Date): Promise<CreatedByCli> {
  return db.transaction(async (tx) => {
    let departmentId: string | null = null;
    let departmentName: string | null = null;
    if (input.department !== null) {
      const d = await tx.query<{ id: string; name: string }>('SELECT id, name FROM departments WHERE name = $1 OR id = $1', [input.department.trim()]);
      if (!d.rows[0]) throw new ClerkError('badDepartment', `没有名为“${input.department}”的承办单位，请先在控制台“承办单位”中添加。`);
      departmentId = d.rows[0].id;
      departmentName = d.rows[0].name;
    }
    const password = firstPassword();
    const user = await createUser(tx, { username: input.username, displayName: input.displayName, role: input.role, departmentId, password }, now);
    await recordAudit(tx, { userId: null, username: null, action: 'user.create', target: user.username, address: null, detail: { role: user.role, departmentId, department: departmentName, via: 'cli' } }, now);
    return { username: user.username, displayName: user.displayName, role: user.role, departmentName, password };
  });
}
