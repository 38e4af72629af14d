/**
 * How a client reacts to each outcome of a request, and how long it waits before
 * retrying. Kept beside the messages so the station and the documentation agree.
 */
import { MAX_RETRY_DELAY_MS } from './constants';

export type FailureAction =
  /** Try the same request again later (network error, timeout, 5xx, 429). */
  | 'retry'
  /** The batch was too big: send the items in smaller requests. */
  | 'split'
  /** Stop syncing until the user enters a valid token (401/403). */
  | 'needsToken'
  /** Stop syncing until the app is upgraded (426). */
  | 'needsUpgrade'
  /** The request itself is wrong: set the items aside for a person to look at. */
  | 'park';

/** What to do after an HTTP status other than 200. */
export function actionForStatus(status: number): FailureAction {
  if (status === 401 || status === 403) return 'needsToken';
  if (status === 413) return 'split';
  if (status === 426) return 'needsUpgrade';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'park';
}

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  /** A number in [0, 1), e.g. Math.random(). */
  random: () => number;
}

/**
 * Delay before retry number `attempt` (0 for the first retry): "full jitter" exponential
 * backoff, uniformly random in [0, min(cap, base·2^attempt)], but never less than what the
 * server asked for in Retry-After.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | null, opts: BackoffOptions): number {
  const base = opts.baseMs ?? 2_000;
  const cap = opts.capMs ?? 5 * 60 * 1000;
  const ceiling = Math.min(cap, base * 2 ** Math.min(Math.max(0, attempt), 30));
  const jittered = Math.floor(opts.random() * ceiling);
  const floor = retryAfterMs === null ? 0 : Math.min(retryAfterMs, MAX_RETRY_DELAY_MS);
  return Math.max(jittered, floor);
}

/**
 * Retry-After header value (delay in seconds or an HTTP date) to milliseconds from `nowMs`;
 * null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Math.min(Number(v) * 1000, MAX_RETRY_DELAY_MS);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - nowMs), MAX_RETRY_DELAY_MS);
}
