/**
 * The station backup key: derived once from the backup password with scrypt (memory-hard),
 * kept as raw bytes so automatic backups run without asking for the password again.
 * The salt is made when the password is set and travels in every file's header, so a
 * restore on a new PC derives the same key from the same password.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { KDF_DEFAULTS, fromBase64, keyCheckOf, toBase64, type KdfParams } from './format';

export interface BackupKey {
  kdf: KdfParams;
  raw: Uint8Array;
  keyCheck: string;
}

/** Passwords are compared as typed, after Unicode NFC (the same text from another input method gives the same key). */
export async function deriveBackupKey(password: string, kdf?: KdfParams): Promise<BackupKey> {
  const params: KdfParams = kdf ?? { ...KDF_DEFAULTS, salt: toBase64(crypto.getRandomValues(new Uint8Array(16))) };
  const raw = await scryptAsync(new TextEncoder().encode(password.normalize('NFC')), fromBase64(params.salt), {
    N: params.N,
    r: params.r,
    p: params.p,
    dkLen: 32,
    maxmem: 2 ** 31,
    asyncTick: 20,
  });
  return { kdf: params, raw, keyCheck: await keyCheckOf(raw) };
}

export function aesKeyOf(key: BackupKey): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', key.raw.slice().buffer, 'AES-GCM', false, ['encrypt', 'decrypt']);
}
