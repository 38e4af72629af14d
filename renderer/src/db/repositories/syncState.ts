/** The sync engine's persistent state: pull cursor, last success, status shown to the station. */
import type { StationDb } from '../database';
import type { SyncState } from '../syncRows';

export const INITIAL_SYNC_STATE: SyncState = {
  key: 'main',
  cursor: 0,
  lastSyncAt: null,
  status: 'idle',
  message: '',
  consecutiveFailures: 0,
  nextAttemptAt: 0,
  rejectedToken: '',
};

export async function getSyncState(db: StationDb): Promise<SyncState> {
  return { ...INITIAL_SYNC_STATE, ...(await db.syncState.get('main')) };
}

/** Merges `patch` into the stored state in one transaction; returns the new state. */
export async function patchSyncState(db: StationDb, patch: Partial<Omit<SyncState, 'key' | 'cursor'>>): Promise<SyncState> {
  return db.transaction('rw', db.syncState, async () => {
    const next: SyncState = { ...INITIAL_SYNC_STATE, ...(await db.syncState.get('main')), ...patch, key: 'main' };
    await db.syncState.put(next);
    return next;
  });
}
