/**
 * Answers for requests Node refuses before Fastify sees them (an unreadable request line,
 * headers too large, a request not received in time), in the protocol's error body
 * instead of Node's or Fastify's own, so every 4xx a station gets reads the same way.
 */
import type { Socket } from 'node:net';
import { REQUEST_ERROR_STATUS, type ErrorBody, type RequestErrorCode } from '../../../shared/protocol/index.js';

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

function codeFor(err: { code?: string }): { code: RequestErrorCode; message: string } {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'requestTimeout', message: 'the request did not arrive in time' };
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'headersTooLarge', message: 'request headers are larger than the limit' };
    default:
      return { code: 'invalidRequest', message: 'the request could not be read as HTTP/1.1' };
  }
}

/** Fastify's clientErrorHandler: write one protocol-shaped answer if the socket still can, then close it. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { code, message } = codeFor(err);
  const status = REQUEST_ERROR_STATUS[code];
  const body: ErrorBody = { error: { code, message } };
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}
