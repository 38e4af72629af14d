/**
 * Schema version 7: the county inbox. A pull stores each page of county status updates
 * as a few `countyInbox` rows (hundreds of updates each) with the cursor, instead of
 * rewriting one `issueStates` row per update inside the pull: on a station PC every
 * IndexedDB record written costs ≈ 0.1 ms whatever its size, so 10,000 updates were
 * ≥ 1 s of writes before anything else. The updates are folded into the issues' state
 * rows right after, in the background (repositories/countyFold.ts), and every read of a
 * state sees the inbox meanwhile (../countyInbox.ts), so no screen shows a stale status.
 * No existing row changes. Shipped versions are never edited: add a new file.
 */
import type { Dexie } from 'dexie';

export const V7_STORES = {
  countyInbox: 'id',
} as const;

export function declareV7(db: Dexie): void {
  db.version(7).stores(V7_STORES);
}
