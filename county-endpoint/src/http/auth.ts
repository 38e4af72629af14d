/**
 * Reads `Authorization: Bearer <token>` strictly (RFC 7235 / 6750): the scheme in any
 * case, one or more spaces, one token68, nothing after it. Anything else is no token.
 */
import { AUTH_SCHEME } from '../../../shared/protocol/index.js';

const BEARER = new RegExp(`^${AUTH_SCHEME} +([A-Za-z0-9\\-._~+/]+=*)$`, 'i');

export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  // Node trims the header's outer whitespace; trailing spaces are tolerated, garbage is not.
  return BEARER.exec(header.trimEnd())?.[1] ?? null;
}
