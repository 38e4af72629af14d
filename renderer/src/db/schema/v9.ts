/**
 * Schema version 9: who may use the station PC (docs/access.md).
 * - `staff`: one row per staff account (name, scrypt hash of the PIN, wrong-PIN count);
 * - `accessSettings`: one row, key 'access' — idle lock minutes, the visitors' consent
 *   notice and the retention period of their phone numbers.
 * No existing row changes: receptions saved before carry no consent record, audit entries
 * written before carry no actor, and a station upgrading has no account yet, so the app
 * walks it through creating the first one. Shipped versions are never edited: add a new file.
 */
import type { Dexie } from 'dexie';

export const V9_STORES = {
  staff: 'id',
  accessSettings: 'key',
} as const;

export function declareV9(db: Dexie): void {
  db.version(9).stores(V9_STORES);
}
