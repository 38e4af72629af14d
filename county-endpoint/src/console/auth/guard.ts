/**
 * The console's access checks, in one place.
 *
 * - A global onRequest hook (registerSessionHook) reads the session cookie of every
 *   /console/api/ request, slides the session's idle deadline, and refuses any request
 *   that is not GET/HEAD unless its `x-csrf-token` header equals the session's token.
 *   Login and first-admin setup have no session yet; for them a cross-site Origin is
 *   refused instead.
 * - requireRole(...roles) is the preHandler each console route states: 401 without a
 *   live session, 403 for a user who must first change the password or whose role is not
 *   listed. It sets request.consoleUser.
 *
 * Only the cookie opens the console: a station's bearer token is never read here, and the
 * protocol's guard never reads the cookie.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { touchSession, type LoadedSession } from '../../store/consoleSessions.js';
import { sessionLifetime } from '../context.js';
import { sendConsoleError } from '../errors.js';
import type { ConsoleRole, ConsoleUser } from '../types.js';

export type { ConsoleRole, ConsoleUser } from '../types.js';

export const SESSION_COOKIE = 'county_console';
export const CSRF_HEADER = 'x-csrf-token';
export const CONSOLE_API = '/console/api/';

/** State-changing requests that come before a session exists. */
const SESSIONLESS = new Set(['/console/api/login', '/console/api/setup']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in console user; set by requireRole. */
    consoleUser?: ConsoleUser;
    /** The session found by the session hook (null: none or expired; undefined: not a console API request). */
    consoleSession?: LoadedSession | null;
  }
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '';
}

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An Origin header, when the browser sends one, must name this very host. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function registerSessionHook(app: FastifyInstance): void {
  app.decorateRequest('consoleUser', undefined);
  app.decorateRequest('consoleSession', undefined);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request);
    if (!path.startsWith(CONSOLE_API)) return undefined;
    void reply.header('cache-control', 'no-store');
    if (!sameOrigin(request)) return sendConsoleError(reply, 'crossOrigin');
    const ctx = request.server.consoleContext;
    const id = request.cookies[SESSION_COOKIE];
    request.consoleSession = id ? await touchSession(ctx.db, id, ctx.now(), sessionLifetime(ctx.config)) : null;
    if (SAFE_METHODS.has(request.method) || SESSIONLESS.has(path)) return undefined;
    const session = request.consoleSession;
    if (!session) return sendConsoleError(reply, id ? 'sessionExpired' : 'notLoggedIn');
    if (!sameSecret(request.headers[CSRF_HEADER], session.csrfToken)) return sendConsoleError(reply, 'csrf');
    return undefined;
  });
}

interface GuardOptions {
  /** Lets a user who still has to change the first password through (session, password, logout). */
  allowPasswordChange?: boolean;
}

/** Every guard made here, so the route check at startup can tell a guarded route. */
const guards = new WeakSet<object>();

/** Whether a route's preHandler option holds one of the guards. */
export function isGuarded(preHandler: unknown): boolean {
  const list: unknown[] = Array.isArray(preHandler) ? preHandler : [preHandler];
  return list.some((h) => typeof h === 'function' && guards.has(h));
}

/** Console API routes open without a role: first-admin setup, login, and the session probe. */
export const OPEN_ROUTES = new Set(['GET /console/api/setup', 'POST /console/api/setup', 'POST /console/api/login', 'GET /console/api/session', 'HEAD /console/api/setup', 'HEAD /console/api/session']);

function guard(roles: readonly ConsoleRole[], opts: GuardOptions): preHandlerAsyncHookHandler {
  const consoleGuard: preHandlerAsyncHookHandler = async function consoleGuard(request, reply) {
    const session = request.consoleSession;
    if (!session) return sendConsoleError(reply, request.cookies[SESSION_COOKIE] ? 'sessionExpired' : 'notLoggedIn');
    if (session.mustChangePassword && !opts.allowPasswordChange) return sendConsoleError(reply, 'mustChangePassword');
    if (roles.length > 0 && !roles.includes(session.user.role)) return sendConsoleError(reply, 'forbidden');
    request.consoleUser = session.user;
    return undefined;
  };
  guards.add(consoleGuard);
  return consoleGuard;
}

/** The preHandler of a console route: only these roles (none listed: any signed-in user). */
export function requireRole(...roles: ConsoleRole[]): preHandlerAsyncHookHandler {
  return guard(roles, {});
}

/** Any signed-in user, even one who has not yet changed the first password. */
export function requireSession(): preHandlerAsyncHookHandler {
  return guard([], { allowPasswordChange: true });
}

/** The signed-in user of a route behind requireRole. */
export function userOf(request: FastifyRequest): ConsoleUser {
  const u = request.consoleUser;
  if (!u) throw new Error('console route reached without requireRole');
  return u;
}
