/** Live sync status for the indicator and the sync screen; starts the engine once per window. */
import { useEffect } from 'react';
import { getDb, outboxRepo, syncStateRepo, useLiveQuery } from '../../db';
import { startSync } from '../../sync/runner';
import type { SyncView } from './indicator';

export type { SyncView };

export function useSyncEngine(): void {
  useEffect(() => {
    startSync();
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
