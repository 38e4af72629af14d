/**
 * PIN hashing. A 4-to-6-digit PIN has at most a million values, so only a slow, salted,
 * memory-hard hash (scrypt, 32 MiB, ≈ 0.4 s) keeps a copied database from giving the PINs
 * away in seconds; the retry delay (shared/domain/access.ts) guards the lock screen itself.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import type { PinHash } from './accessRows';

const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const DK_LEN = 32;

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(pin, salt, { ...PARAMS, dkLen: DK_LEN });
  return { algo: 'scrypt', ...PARAMS, salt: bytesToHex(salt), hash: bytesToHex(hash) };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const hash = await scryptAsync(pin, hexToBytes(stored.salt), { N: stored.N, r: stored.r, p: stored.p, dkLen: DK_LEN });
  const expected = hexToBytes(stored.hash);
  if (hash.length !== expected.length) return false;
  // Constant time over the bytes: the comparison does not tell how much of the hash matched.
  let diff = 0;
  for (let i = 0; i < hash.length; i += 1) diff |= hash[i]! ^ expected[i]!;
  return diff === 0;
}
