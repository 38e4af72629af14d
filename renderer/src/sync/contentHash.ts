/** contentHash of a push item: sha-256 of the payload's canonical JSON (see shared/protocol). */
import { toHex } from '../../../shared/protocol/index';

/** Hex SHA-256 of a string's UTF-8 bytes (the push hashes the payload's canonical JSON with it). */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}
