/** Live sync status for the indicator and the sync screen; starts the engine once per window. */
import { useEffect } from 'react';
import { getDb, outboxRepo, syncStateRepo, useLiveQuery } from '../../db/startup';
import type { SyncView } from './indicator';

export type { SyncView };

/**
 * Starts the engine once the first screen is up: its first look at the outbox and the
 * county writes the sync state, and on a cold start those reads and writes only queued
 * ahead of the screen's own. A click on 立即同步 starts it at once (requestSync).
 */
const START_AFTER_MS = 600;

/** The engine's code is fetched when it starts, not with the first screen's. */
function engine() {
  return import('../../sync/runner').then((runner) => runner.startSync());
}

export function useSyncEngine(): void {
  useEffect(() => {
    const timer = setTimeout(() => void engine(), START_AFTER_MS);
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
  void engine().then((sync) => sync.requestSync());
}
