/** Settings from the environment, read once at start. */
import { fileURLToPath } from 'node:url';

export interface Config {
  host: string;
  port: number;
  databaseUrl: string | null;
  /** PostgreSQL connections per pool: transactions, single statements. */
  pool: { transactions: number; statements: number };
  dataDir: string;
  /** Prefix of county reference numbers, e.g. JH → JH-2026-000123. */
  refPrefix: string;
  /** Allowed browser origins for CORS; ['*'] allows any (tokens are bearer, not cookies). */
  corsOrigins: string[];
  faults: boolean;
  logLevel: string;
  maxInFlight: number;
  /** Requests of one station in flight at once; more are answered 429, so one station's stalled uploads never take every slot. */
  maxPerStation: number;
  ratePerMinute: number;
  /** A request's headers must have arrived within this long after the connection sent its first byte. */
  headersTimeoutMs: number;
  /** The whole request, headers and body, must have arrived within this long (a half-sent upload is cut off). */
  bodyTimeoutMs: number;
  /** A connection with nothing sent or received for this long is closed. */
  idleTimeoutMs: number;
  /**
   * Addresses (or CIDR ranges) of reverse proxies in front of the endpoint whose
   * X-Forwarded-For is believed: the client's address is then the one the proxy saw, so the
   * per-address login lockout and the audit name each office PC, not the proxy. Empty: the
   * header is ignored (it is anyone's to forge).
   */
  trustProxy: string[];
  /** The console: sessions, cookie, login lockout, built files. */
  console: ConsoleConfig;
}

export interface ConsoleConfig {
  /** A session ends after this long without a request… */
  sessionIdleMs: number;
  /** …and at the latest this long after login. */
  sessionMaxMs: number;
  /** Marks the session cookie Secure (set it when the county serves the console over HTTPS). */
  cookieSecure: boolean;
  /** Failed logins of one user name within the window before it is locked. */
  maxLoginFailures: number;
  /** How long a locked user name (or address) stays locked, and the window failures are counted in. */
  lockoutMs: number;
  /** The console's built files (Vite output). */
  staticDir: string;
}

const defaultDataDir = fileURLToPath(new URL('../data/', import.meta.url));
const defaultConsoleDir = fileURLToPath(new URL('../console/dist/', import.meta.url));

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer between ${min} and ${max}, got '${value}'`);
  return n;
}

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]+(%\w+)?$/i;

/** COUNTY_TRUST_PROXY: comma-separated IPv4/IPv6 addresses, each with an optional /prefix. */
function proxyList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [address = '', prefix, extra] = entry.split('/');
      const v4 = IPV4.test(address) && address.split('.').every((part) => Number(part) <= 255);
      const v6 = !v4 && address.includes(':') && IPV6.test(address);
      const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128));
      if ((!v4 && !v6) || !prefixOk || extra !== undefined) {
        throw new Error(`COUNTY_TRUST_PROXY must list IP addresses or CIDR ranges of the proxies, got '${entry}'`);
      }
      return entry;
    });
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const refPrefix = env.COUNTY_REF_PREFIX ?? 'JH';
  if (!/^[A-Z]{1,6}$/.test(refPrefix)) throw new Error(`COUNTY_REF_PREFIX must be 1-6 capital letters, got '${refPrefix}'`);
  const bodyTimeoutMs = int('COUNTY_BODY_TIMEOUT_MS', env.COUNTY_BODY_TIMEOUT_MS, 60_000, 100, 3_600_000);
  const headersTimeoutMs = int('COUNTY_HEADERS_TIMEOUT_MS', env.COUNTY_HEADERS_TIMEOUT_MS, 10_000, 100, 3_600_000);
  // Node refuses a headers timeout longer than the whole request's.
  if (headersTimeoutMs > bodyTimeoutMs) throw new Error('COUNTY_HEADERS_TIMEOUT_MS must not exceed COUNTY_BODY_TIMEOUT_MS');
  return {
    host: env.HOST || '127.0.0.1',
    port: int('PORT', env.PORT, 8787, 0, 65535),
    databaseUrl: env.DATABASE_URL || null,
    pool: {
      transactions: int('COUNTY_PG_POOL', env.COUNTY_PG_POOL, 10, 1, 500),
      statements: int('COUNTY_PG_STATEMENT_POOL', env.COUNTY_PG_STATEMENT_POOL, 5, 1, 500),
    },
    dataDir: env.COUNTY_DATA_DIR || defaultDataDir,
    refPrefix,
    trustProxy: proxyList(env.COUNTY_TRUST_PROXY),
    corsOrigins: (env.COUNTY_CORS_ORIGINS || '*').split(',').map((s) => s.trim()).filter(Boolean),
    faults: env.COUNTY_FAULTS === '1',
    logLevel: env.LOG_LEVEL || 'info',
    maxInFlight: int('COUNTY_MAX_IN_FLIGHT', env.COUNTY_MAX_IN_FLIGHT, 64, 1, 10_000),
    maxPerStation: int('COUNTY_MAX_PER_STATION', env.COUNTY_MAX_PER_STATION, 8, 1, 1000),
    ratePerMinute: int('COUNTY_RATE_PER_MINUTE', env.COUNTY_RATE_PER_MINUTE, 120, 1, 100_000),
    headersTimeoutMs,
    bodyTimeoutMs,
    idleTimeoutMs: int('COUNTY_IDLE_TIMEOUT_MS', env.COUNTY_IDLE_TIMEOUT_MS, 30_000, 100, 3_600_000),
    console: {
      sessionIdleMs: int('COUNTY_SESSION_IDLE_SECONDS', env.COUNTY_SESSION_IDLE_SECONDS, 1800, 5, 86_400) * 1000,
      sessionMaxMs: int('COUNTY_SESSION_MAX_HOURS', env.COUNTY_SESSION_MAX_HOURS, 12, 1, 24 * 30) * 3_600_000,
      cookieSecure: env.COUNTY_COOKIE_SECURE === '1',
      maxLoginFailures: int('COUNTY_LOGIN_MAX_FAILURES', env.COUNTY_LOGIN_MAX_FAILURES, 5, 1, 100),
      lockoutMs: int('COUNTY_LOCKOUT_SECONDS', env.COUNTY_LOCKOUT_SECONDS, 900, 5, 86_400) * 1000,
      staticDir: env.COUNTY_CONSOLE_DIR || defaultConsoleDir,
    },
  };
}
