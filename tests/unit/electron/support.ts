/** Small real helpers for the main-process unit tests: temp folders and a recording logger. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretCipher } from '../../../electron/main/ports';
import { redact, type Logger, type LogFields } from '../../../electron/main/services/logging';

export function tempDir(prefix = 'station-desk-main-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface RecordingLogger extends Logger {
  entries: { level: string; message: string; fields?: LogFields }[];
  /** Everything logged, as the file logger would serialise it. */
  text(): string;
}

export function recordingLogger(): RecordingLogger {
  const entries: RecordingLogger['entries'] = [];
  const secrets: string[] = [];
  const add = (level: string) => (message: string, fields?: LogFields) => {
    entries.push({ level, message, ...(fields ? { fields: redact(fields, secrets) as LogFields } : {}) });
  };
  return {
    entries,
    info: add('info'),
    warn: add('warn'),
    error: add('error'),
    addSecret: (s) => secrets.push(s),
    text: () => JSON.stringify(entries),
  };
}

/** Reversible stand-in for safeStorage: the bytes on disk must not contain the token. */
export function testCipher(backend = 'gnome_libsecret', available = true): SecretCipher {
  return {
    isEncryptionAvailable: () => available,
    backend: () => backend,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
  };
}
