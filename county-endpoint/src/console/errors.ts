/**
 * The console API's error catalogue: stable English codes, the HTTP status, and the
 * Chinese message the console shows. Bodies are `{ error: { code, message } }`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClerkError } from '../store/clerkError.js';

export const CONSOLE_ERRORS = {
  notLoggedIn: { status: 401, message: '请先登录。' },
  sessionExpired: { status: 401, message: '登录已过期，请重新登录。' },
  badCredentials: { status: 401, message: '用户名或密码不正确。' },
  csrf: { status: 403, message: '请求未通过安全校验，请刷新页面后重试。' },
  forbidden: { status: 403, message: '您的账号没有这项操作的权限。' },
  mustChangePassword: { status: 403, message: '首次登录请先修改密码。' },
  crossOrigin: { status: 403, message: '请求来源不符，已拒绝。' },
  accountDisabled: { status: 403, message: '该账号已停用，请联系管理员。' },
  locked: { status: 429, message: '尝试次数过多，已暂时锁定，请稍后再试。' },
  setupDone: { status: 409, message: '系统已完成初始化，请直接登录。' },
  badSetupCode: { status: 401, message: '初始化码不正确或已失效。' },
  invalidInput: { status: 400, message: '填写的内容有误，请检查后重试。' },
  notFound: { status: 404, message: '没有找到要操作的对象。' },
  conflict: { status: 409, message: '操作与现有数据冲突。' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ConsoleErrorCode = keyof typeof CONSOLE_ERRORS;

export interface ConsoleErrorBody {
  error: { code: string; message: string };
}

/** Sends a catalogued error; `message` overrides the catalogue's text with a more precise Chinese one. */
export function sendConsoleError(reply: FastifyReply, code: ConsoleErrorCode, message?: string, status?: number): FastifyReply {
  const e = CONSOLE_ERRORS[code];
  const body: ConsoleErrorBody = { error: { code, message: message ?? e.message } };
  return reply
    .code(status ?? e.status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(body);
}

/**
 * Errors thrown by console routes: a store's refusal (ClerkError) keeps its code and
 * Chinese message; a body that does not parse is invalidInput; anything else is logged
 * and answered without details.
 */
export function sendConsoleFailure(request: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof ClerkError) {
    request.log.info({ code: err.code }, 'console request refused');
    const body: ConsoleErrorBody = { error: { code: err.code, message: err.chinese } };
    return reply.code(err.status ?? 400).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
  }
  const e = err as { statusCode?: number; code?: string };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    request.log.info({ code: e.code }, 'console request refused');
    return sendConsoleError(reply, 'invalidInput', undefined, e.statusCode === 413 || e.statusCode === 415 ? e.statusCode : 400);
  }
  request.log.error({ err }, 'console request failed');
  return reply.code(500).type('application/json; charset=utf-8').send({ error: { code: 'internal', message: '服务器出错了，请稍后重试；如一直出现请联系管理员。' } });
}
