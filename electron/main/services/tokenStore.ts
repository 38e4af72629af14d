/**
 * The station's access token. It lives only in main: encrypted with safeStorage (DPAPI on
 * Windows, the keyring on Linux) in <userData>/county-token.bin, decrypted only when a
 * request is sent, never returned to the renderer (status shows a masked tail), never logged.
 *
 * Without real encryption — safeStorage unavailable, or Linux's 'basic_text' backend whose
 * key is public — the token is never written to disk. It is kept in memory for this run
 * and the status says encrypted:false, so the screen can tell staff it must be entered
 * again after a restart. Staff lose a minute; the token never sits in a readable file.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenStatus } from '../../../shared/bridge/contract';
import type { SecretCipher } from '../ports';
import { writeFileAtomic } from './atomicFile';
import type { Logger } from './logging';

export interface TokenStore {
  status(): TokenStatus;
  set(token: string): TokenStatus;
  clear(): TokenStatus;
  /** For the county transport only. */
  reveal(): string | null;
}

export function maskToken(token: string): string {
  return token ? `••••${token.slice(-4)}` : '';
}

export function createTokenStore(userDataDir: string, cipher: SecretCipher, logger: Logger): TokenStore {
  const file = join(userDataDir, 'county-token.bin');
  let memoryOnly: string | null = null;

  const canEncrypt = () => cipher.isEncryptionAvailable() && cipher.backend() !== 'basic_text';

  const readDisk = (): string | null => {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      return null;
    }
    try {
      return cipher.decryptString(data);
    } catch (error) {
      // E.g. the profile was copied to another PC: the OS key differs. Ask for the token again.
      logger.warn('stored token could not be decrypted', { error });
      return null;
    }
  };

  const current = (): { token: string | null; encrypted: boolean } => {
    if (memoryOnly !== null) return { token: memoryOnly, encrypted: false };
    const token = canEncrypt() ? readDisk() : null;
    return { token, encrypted: canEncrypt() };
  };

  const status = (): TokenStatus => {
    const { token, encrypted } = current();
    if (token) logger.addSecret(token);
    return { configured: token !== null && token !== '', masked: token ? maskToken(token) : '', encrypted };
  };

  return {
    status,
    set(raw) {
      const token = raw.trim();
      logger.addSecret(token);
      if (canEncrypt()) {
        writeFileAtomic(file, cipher.encryptString(token));
        memoryOnly = null;
        logger.info('station token stored encrypted');
      } else {
        rmSync(file, { force: true });
        memoryOnly = token;
        logger.warn('no OS encryption available; station token kept in memory only', { backend: cipher.backend() });
      }
      return status();
    },
    clear() {
      memoryOnly = null;
      rmSync(file, { force: true });
      logger.info('station token cleared');
      return status();
    },
    reveal: () => current().token,
  };
}
