/**
 * Sign-in and its neighbours: first-admin setup, login with throttling and lockout,
 * logout, the current session (with its CSRF token), and the user's own password change.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../store/consoleAudit.js';
import { createSession, deleteSessionByHash, deleteUserSessions, type LoadedSession } from '../../store/consoleSessions.js';
import { createFirstAdmin, setupNeeded } from '../../store/consoleSetup.js';
import { clearFailures, lockedUntil, recordFailure } from '../../store/consoleThrottle.js';
import { changeOwnPassword, findLoginCandidate, passwordMatches } from '../../store/consoleUsers.js';
import { normalizeUsername } from '../../store/consoleInput.js';
import { burnPasswordCheck } from '../../store/passwords.js';
import { clearSessionCookie, setSessionCookie } from '../auth/cookie.js';
import { requireSession, userOf } from '../auth/guard.js';
import { sessionLifetime } from '../context.js';
import { sendConsoleError } from '../errors.js';
import type { ConsoleUser } from '../types.js';
import { bodyOf } from './body.js';

export interface SessionInfo {
  user: ConsoleUser;
  csrfToken: string;
  mustChangePassword: boolean;
  expiresAt: string;
}

/** Every address may fail this many logins per window (over all user names) before it is locked too. */
const ADDRESS_FAILURE_FACTOR = 10;
const SETUP_FAILURES_PER_ADDRESS = 5;

function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `尝试次数过多，已暂时锁定，请 ${minutes} 分钟后再试。`;
}

async function startSession(request: FastifyRequest, reply: FastifyReply, user: ConsoleUser, mustChangePassword: boolean): Promise<SessionInfo> {
  const ctx = request.server.consoleContext;
  const s = await createSession(ctx.db, user.id, ctx.now(), sessionLifetime(ctx.config));
  setSessionCookie(reply, s.id, ctx.config);
  return { user, csrfToken: s.csrfToken, mustChangePassword, expiresAt: s.expiresAt.toISOString() };
}

function sessionInfo(s: LoadedSession): SessionInfo {
  return { user: s.user, csrfToken: s.csrfToken, mustChangePassword: s.mustChangePassword, expiresAt: s.expiresAt.toISOString() };
}

export function registerAuthRoutes(app: FastifyInstance): void {
  app.get('/console/api/setup', async (request) => ({ needed: await setupNeeded(request.server.consoleContext.db) }));

  app.post('/console/api/setup', async (request, reply) => {
    const ctx = request.server.consoleContext;
    const now = ctx.now();
    const rule = { limit: SETUP_FAILURES_PER_ADDRESS, windowMs: ctx.config.lockoutMs };
    const keys = [`setup:${request.ip}`];
    const until = await lockedUntil(ctx.db, keys, now);
    if (until) return sendConsoleError(reply, 'locked', lockedMessage(until, now));
    const b = bodyOf(request);
    try {
      const user = await createFirstAdmin(ctx.db, b.code, { username: b.username, displayName: b.displayName }, now);
      await recordAudit(ctx.db, { userId: user.id, username: user.username, action: 'setup', target: user.id, address: request.ip }, now);
      request.log.warn({ username: user.username }, 'first console admin created');
      return await startSession(request, reply, user, true);
    } catch (err) {
      if ((err as { code?: string }).code === 'badSetupCode') {
        await recordFailure(ctx.db, keys[0] ?? '', rule, now);
        await recordAudit(ctx.db, { userId: null, username: null, action: 'setup.failed', address: request.ip }, now);
      }
      throw err;
    }
  });

  app.post('/console/api/login', async (request, reply) => {
    const ctx = request.server.consoleContext;
    const now = ctx.now();
    const b = bodyOf(request);
    const username = typeof b.username === 'string' ? normalizeUsername(b.username).slice(0, 64) : '';
    const password = typeof b.password === 'string' ? b.password.slice(0, 256) : '';
    if (username === '' || password === '') return sendConsoleError(reply, 'invalidInput', '请填写用户名和密码。');
    const userKey = `user:${username}`;
    const addrKey = `addr:${request.ip}`;
    const until = await lockedUntil(ctx.db, [userKey, addrKey], now);
    if (until) {
      await recordAudit(ctx.db, { userId: null, username, action: 'login.locked', address: request.ip }, now);
      return sendConsoleError(reply, 'locked', lockedMessage(until, now));
    }
    const candidate = await findLoginCandidate(ctx.db, username);
    const ok = candidate ? await passwordMatches(candidate.passwordHash, candidate.mustChangePassword, password) : (await burnPasswordCheck(password), false);
    if (!candidate || !ok) {
      const userRule = { limit: ctx.config.maxLoginFailures, windowMs: ctx.config.lockoutMs };
      const locked = await recordFailure(ctx.db, userKey, userRule, now);
      await recordFailure(ctx.db, addrKey, { ...userRule, limit: userRule.limit * ADDRESS_FAILURE_FACTOR }, now);
      await recordAudit(ctx.db, { userId: candidate?.user.id ?? null, username, action: 'login.failed', address: request.ip, detail: locked ? { locked: true } : {} }, now);
      return locked ? sendConsoleError(reply, 'locked', lockedMessage(locked, now)) : sendConsoleError(reply, 'badCredentials');
    }
    if (candidate.disabled) {
      await recordAudit(ctx.db, { userId: candidate.user.id, username, action: 'login.disabled', address: request.ip }, now);
      return sendConsoleError(reply, 'accountDisabled');
    }
    await clearFailures(ctx.db, userKey);
    await recordAudit(ctx.db, { userId: candidate.user.id, username, action: 'login', address: request.ip }, now);
    return startSession(request, reply, candidate.user, candidate.mustChangePassword);
  });

  app.post('/console/api/logout', { preHandler: requireSession() }, async (request, reply) => {
    const ctx = request.server.consoleContext;
    const user = userOf(request);
    const session = request.consoleSession;
    if (session) await deleteSessionByHash(ctx.db, session.idHash);
    await recordAudit(ctx.db, { userId: user.id, username: user.username, action: 'logout', address: request.ip }, ctx.now());
    clearSessionCookie(reply, ctx.config);
    return { ok: true };
  });

  app.get('/console/api/session', async (request, reply) => {
    const s = request.consoleSession;
    if (!s) return sendConsoleError(reply, request.cookies.county_console ? 'sessionExpired' : 'notLoggedIn');
    return sessionInfo(s);
  });

  app.post('/console/api/password', { preHandler: requireSession() }, async (request) => {
    const ctx = request.server.consoleContext;
    const user = userOf(request);
    const b = bodyOf(request);
    const now = ctx.now();
    await ctx.db.transaction(async (tx) => {
      await changeOwnPassword(tx, user.id, b.current, b.next);
      // Other sessions of this user end: whoever knew the old password is out.
      await deleteUserSessions(tx, user.id, request.consoleSession?.idHash ?? null);
      await recordAudit(tx, { userId: user.id, username: user.username, action: 'password.change', target: user.id, address: request.ip }, now);
    });
    const s = request.consoleSession;
    return s ? { ...sessionInfo(s), mustChangePassword: false } : { ok: true };
  });
}
