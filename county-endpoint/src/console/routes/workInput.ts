/**
 * Reading the work screens' request bodies and queries: each field must have the type the
 * route expects, or the request is refused before it reaches a store (which then checks
 * lengths, control characters and meaning).
 */
import type { FastifyRequest } from 'fastify';
import { ClerkError } from '../../store/clerkError.js';
import type { Actor } from '../../store/workActor.js';
import { userOf } from '../auth/guard.js';

const bad = (what: string): ClerkError => new ClerkError('invalidInput', `${what}填写有误，请检查后重试。`);

export function text(b: Record<string, unknown>, key: string, what: string, optional = false): string {
  const v = b[key];
  if (v === undefined && optional) return '';
  if (typeof v !== 'string' || v.length > 10_000) throw bad(what);
  return v;
}

export function int(b: Record<string, unknown>, key: string, what: string, fallback?: number): number {
  const v = b[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw bad(what);
  return v;
}

export function ids(b: Record<string, unknown>, key: string, what: string, max: number): string[] {
  const v = b[key];
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > max || !v.every((x): x is string => typeof x === 'string' && x.length <= 100)) throw bad(what);
  return v;
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], what: string): T | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw bad(what);
  return v as T;
}

/** A query-string value: absent or one short string. */
export function queryOf(request: FastifyRequest, key: string, max = 100): string | null {
  const v = (request.query as Record<string, unknown> | undefined)?.[key];
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string' || v.length > max) throw bad('筛选条件');
  return v;
}

export function dayQuery(request: FastifyRequest, key: string): string | null {
  const v = queryOf(request, key, 10);
  if (v !== null && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw bad('日期');
  return v;
}

export function actorOf(request: FastifyRequest): Actor {
  const me = userOf(request);
  return { userId: me.id, username: me.username, displayName: me.displayName, address: request.ip };
}

/** The department of a department user (requireRole('department') guarantees one). */
export function departmentOf(request: FastifyRequest): string {
  const id = userOf(request).departmentId;
  if (!id) throw new ClerkError('forbidden', '您的账号没有这项操作的权限。', 403);
  return id;
}
