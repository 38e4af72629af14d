/**
 * Console accounts: created by the admin (console or CLI), each with one role; department
 * users belong to one active department. Passwords are kept as Argon2id hashes only.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { toIso } from '../db/database.js';
import { CONSOLE_ROLES, type ConsoleRole, type ConsoleUser } from '../console/types.js';
import { ClerkError } from './clerkError.js';
import { checkName, checkPassword, checkUsername } from './consoleInput.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface NewUser {
  username: unknown;
  displayName: unknown;
  role: unknown;
  departmentId?: unknown;
  password: unknown;
  /** true (the default): the user must choose a new password at first login. */
  mustChangePassword?: boolean;
}

export interface UserListing extends ConsoleUser {
  departmentName: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export function checkRole(raw: unknown): ConsoleRole {
  const role = CONSOLE_ROLES.find((r) => r === raw);
  if (!role) throw new ClerkError('badRole', '请选择角色：管理员、选联工委或承办单位。');
  return role;
}

/** `temporaryPassword`: a server-made one-time secret (the setup code) that skips the rules for chosen passwords. */
export async function createUser(db: Queryable, input: Omit<NewUser, 'password'> & { password?: unknown }, now: Date, opts: { temporaryPassword?: string } = {}): Promise<ConsoleUser> {
  const username = checkUsername(input.username);
  const displayName = checkName(input.displayName, '姓名');
  const role = checkRole(input.role);
  const password = opts.temporaryPassword ?? checkPassword(input.password, username);
  let departmentId: string | null = null;
  if (role === 'department') {
    if (typeof input.departmentId !== 'string' || input.departmentId === '') throw new ClerkError('badDepartment', '承办单位用户须选择所属承办单位。');
    const d = await db.query<{ active: boolean }>('SELECT active FROM departments WHERE id = $1', [input.departmentId]);
    if (!d.rows[0]) throw new ClerkError('badDepartment', '所选承办单位不存在。');
    if (!d.rows[0].active) throw new ClerkError('badDepartment', '所选承办单位已停用。');
    departmentId = input.departmentId;
  }
  const id = `u-${randomUUID()}`;
  const r = await db.query<{ id: string }>(
    `INSERT INTO console_users (id, username, display_name, role, department_id, password_hash, must_change_password, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [id, username, displayName, role, departmentId, await hashPassword(password), input.mustChangePassword ?? true, now],
  );
  if (!r.rows[0]) throw new ClerkError('usernameTaken', `用户名 ${username} 已被使用。`, 409);
  return { id, username, displayName, role, departmentId };
}

export interface LoginCandidate {
  user: ConsoleUser;
  passwordHash: string;
  disabled: boolean;
  mustChangePassword: boolean;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: ConsoleRole;
  department_id: string | null;
  password_hash: string;
  disabled: boolean;
  must_change_password: boolean;
}

function toUser(row: UserRow): ConsoleUser {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, departmentId: row.department_id };
}

/**
 * Whether the password opens the account. An account still on its first password may also
 * be opened with the setup code typed as shown (dashes, lower case): the first admin's
 * temporary password is the code in its plain form.
 */
export async function passwordMatches(passwordHash: string, mustChangePassword: boolean, password: string): Promise<boolean> {
  if (await verifyPassword(passwordHash, password)) return true;
  const plain = password.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return mustChangePassword && plain !== password && plain.length >= 12 && verifyPassword(passwordHash, plain);
}

export async function findLoginCandidate(db: Queryable, username: string): Promise<LoginCandidate | null> {
  const r = await db.query<UserRow>('SELECT * FROM console_users WHERE username = $1', [username]);
  const row = r.rows[0];
  return row ? { user: toUser(row), passwordHash: row.password_hash, disabled: row.disabled, mustChangePassword: row.must_change_password } : null;
}

export async function adminExists(db: Queryable): Promise<boolean> {
  const r = await db.query("SELECT 1 FROM console_users WHERE role = 'admin' AND NOT disabled LIMIT 1");
  return r.rows.length > 0;
}

/** The user's own change: the current password must be right, the new one different. */
export async function changeOwnPassword(db: Queryable, userId: string, current: unknown, next: unknown): Promise<void> {
  const r = await db.query<UserRow>('SELECT * FROM console_users WHERE id = $1', [userId]);
  const row = r.rows[0];
  if (!row) throw new ClerkError('unknownUser', '没有这个用户。', 404);
  if (typeof current !== 'string' || !(await passwordMatches(row.password_hash, row.must_change_password, current))) {
    throw new ClerkError('wrongPassword', '当前密码不正确。');
  }
  const password = checkPassword(next, row.username);
  if (password === current) throw new ClerkError('samePassword', '新密码不能与当前密码相同。');
  await db.query('UPDATE console_users SET password_hash = $2, must_change_password = false WHERE id = $1', [userId, await hashPassword(password)]);
}

/** The admin sets a temporary password; the user must change it at next login. */
export async function resetPassword(db: Queryable, userId: string, password: unknown): Promise<ConsoleUser> {
  const r = await db.query<UserRow>('SELECT * FROM console_users WHERE id = $1', [userId]);
  const row = r.rows[0];
  if (!row) throw new ClerkError('unknownUser', '没有这个用户。', 404);
  const checked = checkPassword(password, row.username);
  await db.query('UPDATE console_users SET password_hash = $2, must_change_password = true WHERE id = $1', [userId, await hashPassword(checked)]);
  return toUser(row);
}

/** Disables or enables an account; the last enabled admin cannot be disabled. */
export async function setUserDisabled(db: Queryable, userId: string, disabled: boolean, actingUserId: string): Promise<ConsoleUser> {
  if (disabled && userId === actingUserId) throw new ClerkError('selfDisable', '不能停用自己的账号。');
  const r = await db.query<UserRow>('UPDATE console_users SET disabled = $2 WHERE id = $1 RETURNING *', [userId, disabled]);
  const row = r.rows[0];
  if (!row) throw new ClerkError('unknownUser', '没有这个用户。', 404);
  return toUser(row);
}

export async function listUsers(db: Queryable): Promise<UserListing[]> {
  const r = await db.query<UserRow & { department_name: string | null; created_at: Date }>(
    `SELECT u.*, d.name AS department_name FROM console_users u LEFT JOIN departments d ON d.id = u.department_id
      ORDER BY CASE u.role WHEN 'admin' THEN 0 WHEN 'clerk' THEN 1 ELSE 2 END, u.username`,
  );
  return r.rows.map((row) => ({
    ...toUser(row),
    departmentName: row.department_name,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: toIso(row.created_at),
  }));
}
