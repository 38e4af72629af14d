/** Request-level error answers: `{ error: { code, message, details? } }`, English messages. */
import type { FastifyReply } from 'fastify';
import { REQUEST_ERROR_STATUS, type ErrorBody, type RequestErrorCode } from '../../../shared/protocol/index.js';

export function sendError(
  reply: FastifyReply,
  code: RequestErrorCode,
  message: string,
  opts: { details?: string[]; retryAfterSeconds?: number } = {},
): FastifyReply {
  const body: ErrorBody = { error: { code, message, ...(opts.details ? { details: opts.details } : {}) } };
  if (opts.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(opts.retryAfterSeconds));
  return reply.code(REQUEST_ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
}

/** Maps Fastify's own errors (body parsing, limits) to protocol error codes. */
export function codeForFastifyError(err: { code?: string; statusCode?: number }): { code: RequestErrorCode; message: string } {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payloadTooLarge', message: 'request body is larger than the limit' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupportedMediaType', message: 'send Content-Type: application/json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'badJson', message: 'request body is not valid JSON' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'invalidRequest', message: 'Content-Length does not match the body' };
  }
  if (err.statusCode === 413) return { code: 'payloadTooLarge', message: 'request body is larger than the limit' };
  if (err.statusCode === 415) return { code: 'unsupportedMediaType', message: 'send Content-Type: application/json' };
  if (err.statusCode === 400) return { code: 'badJson', message: 'request body could not be read' };
  return { code: 'internal', message: 'internal error' };
}
