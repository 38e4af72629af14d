/** Timeouts and caps come from the environment, with defaults, and bad values stop the start. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';

describe('timeouts and caps from the environment', () => {
  it('has documented defaults', () => {
    expect(readConfig({})).toMatchObject({ headersTimeoutMs: 10_000, bodyTimeoutMs: 60_000, idleTimeoutMs: 30_000, maxPerStation: 8, maxInFlight: 64 });
  });

  it('reads each variable', () => {
    const c = readConfig({ COUNTY_HEADERS_TIMEOUT_MS: '2000', COUNTY_BODY_TIMEOUT_MS: '5000', COUNTY_IDLE_TIMEOUT_MS: '7000', COUNTY_MAX_PER_STATION: '3' });
    expect(c).toMatchObject({ headersTimeoutMs: 2000, bodyTimeoutMs: 5000, idleTimeoutMs: 7000, maxPerStation: 3 });
  });

  it('refuses nonsense, and a headers timeout longer than the whole request', () => {
    expect(() => readConfig({ COUNTY_BODY_TIMEOUT_MS: 'soon' })).toThrow(/COUNTY_BODY_TIMEOUT_MS/);
    expect(() => readConfig({ COUNTY_MAX_PER_STATION: '0' })).toThrow(/COUNTY_MAX_PER_STATION/);
    expect(() => readConfig({ COUNTY_HEADERS_TIMEOUT_MS: '20000', COUNTY_BODY_TIMEOUT_MS: '10000' })).toThrow(/must not exceed/);
  });
});
