import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, redact, redactText } from '../../../electron/main/services/logging';
import { tempDir } from './support';

const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

describe('log redaction', () => {
  it.each([
    ['visitor 13912345678 called', 'visitor [phone] called'],
    ['mobile 139-1234-5678 / +86 139 1234 5678', 'mobile [phone] / [phone]'],
    ['office 0571-88776655', 'office [phone]'],
    ['Authorization: Bearer abc.def-123', 'Authorization: Bearer [secret]'],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('leaves ids, timestamps and list numbers alone', () => {
    const text = 'list 〔2026〕第7号 id 01JH8Z3K4M5N6P7Q8R9S0T1V2W at 1767225600000 seq 20260115139123456789';
    expect(redactText(text)).toBe(text);
  });

  it('masks registered secrets anywhere and drops secret-named fields', () => {
    const token = 'st-very-secret-token-abcdef';
    const out = redact({ token, nested: { authorization: 'x', note: `sent ${token}`, phone: '13800138000' }, body: '{"visitor":"张三"}' }, [token]);
    expect(out).toEqual({ token: '[redacted]', nested: { authorization: '[redacted]', note: 'sent [secret]', phone: '[phone]' }, body: '[redacted]' });
  });

  it('the file logger writes JSON lines with everything redacted', () => {
    const dir = tempDir();
    dirs.push(dir);
    const logger = createFileLogger({ dir: join(dir.path, 'logs'), now: () => new Date('2026-01-15T02:00:00Z') });
    logger.addSecret('st-very-secret-token-abcdef');
    logger.info('token st-very-secret-token-abcdef set for 13912345678', { error: new Error('failed with Bearer st-very-secret-token-abcdef') });
    const lines = readFileSync(join(dir.path, 'logs', 'main.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ time: '2026-01-15T02:00:00.000Z', level: 'info', message: 'token [secret] set for [phone]' });
    expect(lines[0]).not.toContain('st-very-secret');
    expect(lines[0]).not.toContain('13912345678');
  });
});
