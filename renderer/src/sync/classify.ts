/**
 * Turns what the bridge returned into what the engine does next. Pure: no storage,
 * no clock except the `nowMs` passed in (for HTTP-date Retry-After values).
 */
import type { CountyResponse } from '../../../shared/bridge/contract';
import {
  REQUEST_ERROR_MESSAGES,
  actionForStatus,
  errorBodySchema,
  parseRetryAfter,
  type RequestErrorCode,
} from '../../../shared/protocol/index';
import { SYNC_MESSAGES } from './messages';

export type Outcome =
  | { kind: 'ok'; body: unknown }
  | { kind: 'offline'; message: string }
  | { kind: 'retry'; message: string; retryAfterMs: number | null }
  | { kind: 'notConfigured'; message: string }
  | { kind: 'token'; message: string }
  | { kind: 'upgrade'; message: string }
  | { kind: 'split'; message: string }
  | { kind: 'park'; message: string };

function errorMessage(body: string, status: number): string {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body));
    const code = parsed.success ? parsed.data.error.code : '';
    if (code in REQUEST_ERROR_MESSAGES) return REQUEST_ERROR_MESSAGES[code as RequestErrorCode];
  } catch {
    // Not JSON (a proxy's HTML page, say): fall through to the generic message.
  }
  if (status === 401) return REQUEST_ERROR_MESSAGES.unauthorized;
  if (status === 403) return REQUEST_ERROR_MESSAGES.forbidden;
  if (status === 429) return REQUEST_ERROR_MESSAGES.rateLimited;
  if (status === 503) return REQUEST_ERROR_MESSAGES.overloaded;
  if (status >= 500) return REQUEST_ERROR_MESSAGES.internal;
  return SYNC_MESSAGES.unexpected(status);
}

export function classify(res: CountyResponse, nowMs: number): Outcome {
  if (res.kind === 'networkError') {
    switch (res.reason) {
      case 'unreachable':
        return { kind: 'offline', message: SYNC_MESSAGES.offline };
      case 'timeout':
        return { kind: 'retry', message: SYNC_MESSAGES.timeout, retryAfterMs: null };
      case 'certificate':
        return { kind: 'retry', message: SYNC_MESSAGES.certificate, retryAfterMs: null };
      case 'notConfigured':
        return { kind: 'notConfigured', message: SYNC_MESSAGES.notConfiguredAddress };
      case 'tokenMissing':
        return { kind: 'notConfigured', message: SYNC_MESSAGES.notConfiguredToken };
    }
  }
  if (res.status === 200) {
    try {
      return { kind: 'ok', body: JSON.parse(res.body) as unknown };
    } catch {
      return { kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null };
    }
  }
  const message = errorMessage(res.body, res.status);
  switch (actionForStatus(res.status)) {
    case 'retry':
      return { kind: 'retry', message, retryAfterMs: parseRetryAfter(res.retryAfter, nowMs) };
    case 'needsToken':
      return { kind: 'token', message };
    case 'needsUpgrade':
      return { kind: 'upgrade', message };
    case 'split':
      return { kind: 'split', message };
    case 'park':
      return { kind: 'park', message };
  }
}
