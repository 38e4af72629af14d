/** Applies the retention period at start and then daily while the app stays open (repositories/retention.ts). */
import { useEffect } from 'react';
import { getDb, retentionRepo } from '../../db/startup';

const CHECK_EVERY_MS = 60 * 60_000;

export function useRetention(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const run = () => {
      retentionRepo.applyRetentionDaily(getDb()).catch((e: unknown) => console.error('Retention run failed', e));
    };
    run();
    const timer = window.setInterval(run, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [enabled]);
}
