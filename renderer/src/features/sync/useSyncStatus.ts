/** Live sync status for the indicator and the sync screen; starts the engine once per window. */
import { useEffect } from 'react';
import { getDb, outboxRepo, syncStateRepo, useLiveQuery } from '../../db';
import { startSync } from '../../sync/runner';
import type { SyncView } from './indicator';

export type { SyncView };

/**
 * Starts the engine once the first screen is up: its first look at the outbox and the
 * county writes the sync state, and on a cold start those reads and writes only queued
 * ahead of the screen's own. A click on 立即同步 starts it at once (requestSync).
 */
const START_AFTER_MS = 600;

export function useSyncEngine(): void {
  useEffect(() => {
    const timer = setTimeout(() => startSync(), START_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
}

export function useSyncStatus(): SyncView | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const [state, counts] = await Promise.all([syncStateRepo.getSyncState(db), outboxRepo.outboxCounts(db)]);
    return { state, counts };
  }, []);
}

export function requestSync(): void {
  startSync().requestSync();
}
