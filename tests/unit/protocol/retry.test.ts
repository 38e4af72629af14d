import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, actionForStatus, parseRetryAfter, retryDelayMs } from '../../../shared/protocol';

describe('actionForStatus', () => {
  it('maps each failure class to what the station must do', () => {
    expect(actionForStatus(401)).toBe('needsToken');
    expect(actionForStatus(403)).toBe('needsToken');
    expect(actionForStatus(413)).toBe('split');
    expect(actionForStatus(426)).toBe('needsUpgrade');
    expect(actionForStatus(429)).toBe('retry');
    expect(actionForStatus(500)).toBe('retry');
    expect(actionForStatus(503)).toBe('retry');
    expect(actionForStatus(400)).toBe('park');
    expect(actionForStatus(415)).toBe('park');
  });
});

describe('retryDelayMs', () => {
  it('grows exponentially up to the cap, with full jitter', () => {
    const top = () => 0.999999;
    expect(retryDelayMs(0, null, { random: top, baseMs: 1000 })).toBe(999);
    expect(retryDelayMs(3, null, { random: top, baseMs: 1000 })).toBe(7999);
    expect(retryDelayMs(30, null, { random: top, baseMs: 1000, capMs: 60_000 })).toBe(59_999);
    expect(retryDelayMs(5, null, { random: () => 0, baseMs: 1000 })).toBe(0);
  });

  it('never waits less than Retry-After, nor more than the global maximum', () => {
    expect(retryDelayMs(0, 30_000, { random: () => 0 })).toBe(30_000);
    expect(retryDelayMs(0, 10 * MAX_RETRY_DELAY_MS, { random: () => 0 })).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Feb 2026 00:00:00 GMT', now)).toBe(0);
  });
  it('returns null when absent or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
