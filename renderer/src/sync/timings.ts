/**
 * Timings of the sync engine. Production uses the defaults; end-to-end tests and
 * benchmarks shorten them through localStorage key `stationDesk.syncTimings`
 * (JSON, any subset of the fields), read once when the engine starts.
 */
import { CLIENT_BATCH_MAX_BYTES } from '../../../shared/protocol/index';

export interface SyncTimings {
  /** Automatic sync while all is well. */
  intervalMs: number;
  /** One request's timeout. */
  requestTimeoutMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Bytes per push request; tests raise it above the endpoint's cap to provoke a real 413. */
  maxBatchBytes: number;
}

export const DEFAULT_TIMINGS: SyncTimings = {
  intervalMs: 60_000,
  requestTimeoutMs: 15_000,
  backoffBaseMs: 2_000,
  backoffCapMs: 5 * 60_000,
  maxBatchBytes: CLIENT_BATCH_MAX_BYTES,
};

export const TIMINGS_KEY = 'stationDesk.syncTimings';

const clamp = (v: unknown, min: number, max: number, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;

export function parseTimings(raw: string | null): SyncTimings {
  let value: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') value = parsed as Record<string, unknown>;
  } catch {
    // A broken setting falls back to the defaults rather than stopping sync.
  }
  return {
    intervalMs: clamp(value.intervalMs, 200, 3_600_000, DEFAULT_TIMINGS.intervalMs),
    requestTimeoutMs: clamp(value.requestTimeoutMs, 100, 120_000, DEFAULT_TIMINGS.requestTimeoutMs),
    backoffBaseMs: clamp(value.backoffBaseMs, 10, 600_000, DEFAULT_TIMINGS.backoffBaseMs),
    backoffCapMs: clamp(value.backoffCapMs, 10, 3_600_000, DEFAULT_TIMINGS.backoffCapMs),
    maxBatchBytes: clamp(value.maxBatchBytes, 16 * 1024, 16 * 1024 * 1024, DEFAULT_TIMINGS.maxBatchBytes),
  };
}
