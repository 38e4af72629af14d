/**
 * Main-process logger: one JSON object per line in <userData>/logs/main.log (English
 * messages for developers). Everything written passes through `redact`, so a token or a
 * visitor's phone number never reaches the disk even if a caller slips one in.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Registers a secret value (e.g. the station token) to be masked wherever it appears. */
  addSecret(secret: string): void;
}

const SECRET_KEYS = /^(token|authorization|password|secret|cookie|caCertificatePem|body)$/i;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
// Mainland mobile numbers (11 digits starting 1[3-9]) and landlines (0xx(x)-xxxxxxx(x)),
// not when part of a longer digit run (ids, timestamps).
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;
const MAX_LOG_BYTES = 5 * 1024 * 1024;

export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[secret]');
  return out.replace(BEARER, '$1 [secret]').replace(MOBILE, '[phone]').replace(LANDLINE, '[phone]');
}

/** Deep copy of `value` with secret-named fields dropped and strings scrubbed. */
export function redact(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value instanceof Error) return { name: value.name, message: redactText(value.message, secrets) };
  if (value === null || typeof value !== 'object') return value;
  if (depth > 5) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(v, secrets, depth + 1);
  return out;
}

export interface FileLoggerOptions {
  dir: string;
  /** Also echo to stderr (development). */
  echo?: boolean;
  now?: () => Date;
}

export function createFileLogger({ dir, echo = false, now = () => new Date() }: FileLoggerOptions): Logger {
  const secrets: string[] = [];
  const file = join(dir, 'main.log');
  let ready = false;

  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    const entry = { time: now().toISOString(), level, message: redactText(message, secrets), ...(fields ? (redact(fields, secrets) as LogFields) : {}) };
    const line = JSON.stringify(entry) + '\n';
    if (echo) process.stderr.write(line);
    try {
      if (!ready) {
        mkdirSync(dir, { recursive: true });
        ready = true;
      }
      rotateIfLarge(file);
      appendFileSync(file, line, 'utf8');
    } catch (error) {
      // Logging must never take the app down; stderr is the last resort.
      process.stderr.write(`log write failed: ${String(error)}\n`);
    }
  };

  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    addSecret: (secret) => {
      const s = secret.trim();
      if (s.length >= 8 && !secrets.includes(s)) secrets.push(s);
    },
  };
}

function rotateIfLarge(file: string): void {
  try {
    if (statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // No file yet.
  }
}
