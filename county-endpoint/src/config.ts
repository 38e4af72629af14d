/** Settings from the environment, read once at start. */
import { fileURLToPath } from 'node:url';

export interface Config {
  host: string;
  port: number;
  databaseUrl: string | null;
  dataDir: string;
  /** Prefix of county reference numbers, e.g. JH → JH-2026-000123. */
  refPrefix: string;
  /** Allowed browser origins for CORS; ['*'] allows any (tokens are bearer, not cookies). */
  corsOrigins: string[];
  faults: boolean;
  logLevel: string;
  maxInFlight: number;
  ratePerMinute: number;
}

const defaultDataDir = fileURLToPath(new URL('../data/', import.meta.url));

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer between ${min} and ${max}, got '${value}'`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const refPrefix = env.COUNTY_REF_PREFIX ?? 'JH';
  if (!/^[A-Z]{1,6}$/.test(refPrefix)) throw new Error(`COUNTY_REF_PREFIX must be 1-6 capital letters, got '${refPrefix}'`);
  return {
    host: env.HOST || '127.0.0.1',
    port: int('PORT', env.PORT, 8787, 0, 65535),
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.COUNTY_DATA_DIR || defaultDataDir,
    refPrefix,
    corsOrigins: (env.COUNTY_CORS_ORIGINS || '*').split(',').map((s) => s.trim()).filter(Boolean),
    faults: env.COUNTY_FAULTS === '1',
    logLevel: env.LOG_LEVEL || 'info',
    maxInFlight: int('COUNTY_MAX_IN_FLIGHT', env.COUNTY_MAX_IN_FLIGHT, 64, 1, 10_000),
    ratePerMinute: int('COUNTY_RATE_PER_MINUTE', env.COUNTY_RATE_PER_MINUTE, 120, 1, 100_000),
  };
}
