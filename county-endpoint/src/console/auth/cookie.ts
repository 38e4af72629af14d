/** The session cookie: HttpOnly, SameSite=Strict, only sent to /console, expires with the session's longest life. */
import type { FastifyReply } from 'fastify';
import type { ConsoleConfig } from '../../config.js';
import { SESSION_COOKIE } from './guard.js';

export function setSessionCookie(reply: FastifyReply, id: string, cfg: ConsoleConfig): void {
  void reply.setCookie(SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'strict',
    secure: cfg.cookieSecure,
    path: '/console',
    maxAge: Math.floor(cfg.sessionMaxMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, cfg: ConsoleConfig): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: cfg.cookieSecure, path: '/console' });
}
