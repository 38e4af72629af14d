/** 承办单位: the departments issues are assigned to. Renamed or deactivated, never deleted. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { toIso } from '../db/database.js';
import { ClerkError } from './clerkError.js';
import { checkName } from './consoleInput.js';

export interface Department {
  id: string;
  name: string;
  active: boolean;
  createdAt: string;
}

interface Row {
  id: string;
  name: string;
  active: boolean;
  created_at: Date;
}

const toDepartment = (r: Row): Department => ({ id: r.id, name: r.name, active: r.active, createdAt: toIso(r.created_at) });

export async function createDepartment(db: Queryable, rawName: unknown, now: Date): Promise<Department> {
  const name = checkName(rawName, '承办单位名称');
  const r = await db.query<Row>('INSERT INTO departments (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING *', [
    `d-${randomUUID()}`,
    name,
    now,
  ]);
  if (!r.rows[0]) throw new ClerkError('departmentExists', `承办单位“${name}”已存在。`, 409);
  return toDepartment(r.rows[0]);
}

export async function updateDepartment(db: Queryable, id: string, change: { name?: unknown; active?: unknown }): Promise<Department> {
  const name = change.name === undefined ? null : checkName(change.name, '承办单位名称');
  const active = typeof change.active === 'boolean' ? change.active : null;
  try {
    const r = await db.query<Row>('UPDATE departments SET name = COALESCE($2, name), active = COALESCE($3, active) WHERE id = $1 RETURNING *', [id, name, active]);
    if (!r.rows[0]) throw new ClerkError('unknownDepartment', '没有这个承办单位。', 404);
    return toDepartment(r.rows[0]);
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new ClerkError('departmentExists', `承办单位“${name ?? ''}”已存在。`, 409);
    throw err;
  }
}

export async function listDepartments(db: Queryable, opts: { activeOnly?: boolean } = {}): Promise<Department[]> {
  const r = await db.query<Row>('SELECT * FROM departments WHERE ($1::boolean IS NOT TRUE OR active) ORDER BY name', [opts.activeOnly ?? false]);
  return r.rows.map(toDepartment);
}
