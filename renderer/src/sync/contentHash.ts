/** contentHash of a push item: sha-256 of the payload's canonical JSON (see shared/protocol). */
import { canonicalJson, toHex } from '../../../shared/protocol/index';

export async function contentHash(payload: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(payload));
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
}
