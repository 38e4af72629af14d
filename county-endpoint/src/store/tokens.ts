/** Station access tokens: random, shown once, stored only as their sha-256. */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return `sdt_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
