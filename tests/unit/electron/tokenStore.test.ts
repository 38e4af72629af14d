import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenStore, maskToken } from '../../../electron/main/services/tokenStore';
import { recordingLogger, tempDir, testCipher } from './support';

const TOKEN = 'st-3f9a1c7e-county-token-9b2d';

const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
function store(cipher = testCipher()) {
  const dir = tempDir();
  dirs.push(dir);
  const logger = recordingLogger();
  return { dir: dir.path, logger, tokens: createTokenStore(dir.path, cipher, logger), cipher };
}

describe('token store', () => {
  it('stores the token encrypted and reports only a masked tail', () => {
    const { dir, tokens, logger } = store();
    const status = tokens.set(`  ${TOKEN}  `);
    expect(status).toEqual({ configured: true, masked: '••••9b2d', encrypted: true });
    expect(JSON.stringify(status)).not.toContain(TOKEN);
    const raw = readFileSync(join(dir, 'county-token.bin'));
    expect(raw.toString('utf8')).not.toContain(TOKEN);
    expect(raw.toString('latin1')).not.toContain(TOKEN);
    expect(tokens.reveal()).toBe(TOKEN);
    expect(logger.text()).not.toContain(TOKEN);
  });

  it('survives a restart (a new store reads the file)', () => {
    const { dir, tokens, cipher } = store();
    tokens.set(TOKEN);
    const again = createTokenStore(dir, cipher, recordingLogger());
    expect(again.status()).toEqual({ configured: true, masked: '••••9b2d', encrypted: true });
    expect(again.reveal()).toBe(TOKEN);
  });

  it('clears the token and the file', () => {
    const { dir, tokens } = store();
    tokens.set(TOKEN);
    expect(tokens.clear()).toEqual({ configured: false, masked: '', encrypted: true });
    expect(readdirSync(dir)).not.toContain('county-token.bin');
    expect(tokens.reveal()).toBeNull();
  });

  it.each([
    ['no encryption at all', testCipher('unknown', false)],
    ["Linux's basic_text backend", testCipher('basic_text', true)],
  ])('with %s, never writes the token to disk and says encrypted:false', (_label, cipher) => {
    const { dir, tokens } = store(cipher);
    expect(tokens.set(TOKEN)).toEqual({ configured: true, masked: '••••9b2d', encrypted: false });
    expect(readdirSync(dir)).toEqual([]);
    expect(tokens.reveal()).toBe(TOKEN);
    // After a restart the token must be entered again.
    expect(createTokenStore(dir, cipher, recordingLogger()).status().configured).toBe(false);
  });

  it('treats an undecryptable file (profile copied to another PC) as no token', () => {
    const { dir, logger } = store();
    writeFileSync(join(dir, 'county-token.bin'), 'garbage');
    const cipher = { ...testCipher(), decryptString: () => { throw new Error('Error while decrypting the ciphertext provided'); } };
    const tokens = createTokenStore(dir, cipher, logger);
    expect(tokens.status()).toEqual({ configured: false, masked: '', encrypted: true });
    expect(logger.entries.some((e) => e.level === 'warn')).toBe(true);
  });

  it('masks only the last four characters', () => {
    expect(maskToken('abcdefgh12345678')).toBe('••••5678');
    expect(maskToken('')).toBe('');
  });
});
