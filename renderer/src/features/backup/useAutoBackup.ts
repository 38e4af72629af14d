/**
 * Automatic backups (desktop, once a backup password is set): the first time the app is
 * used on a day, and each time a duty day is closed. Runs in the background; a failure is
 * logged to the console and retried at the next trigger, never shown as an error dialog.
 */
import { useEffect, useRef } from 'react';
import { isDesktop } from '../../bridge';
import { backupLogRepo, getDb, useLiveQuery } from '../../db/startup';
import { toLocalIso } from '../../../../shared/domain/time';
import { hasBackupKey } from './backupKeyFlag';
import { requestPersistence } from './storageHealth';

let running: Promise<unknown> = Promise.resolve();

/** One backup at a time, whatever triggers it. */
function queueBackup(reason: 'daily' | 'dutyDayClosed'): void {
  running = running
    // The backup writer's code (export library, compression, encryption) is fetched when a backup runs.
    .then(() => import('./createBackup'))
    .then(({ createBackup }) => createBackup(reason, 'auto'))
    .catch((error: unknown) => console.warn('automatic backup failed', error));
}

export function useAutoBackup(): void {
  const lastClose = useLiveQuery(() => backupLogRepo.latestDutyDayClose(getDb()), []);
  const seenClose = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    void requestPersistence();
    if (!isDesktop || !hasBackupKey()) return;
    void backupLogRepo.lastBackupAt(getDb(), 'daily').then((at) => {
      if (!at || at.slice(0, 10) !== toLocalIso(new Date()).slice(0, 10)) queueBackup('daily');
    });
  }, []);

  useEffect(() => {
    if (lastClose === undefined) return;
    const before = seenClose.current;
    seenClose.current = lastClose;
    // The first value is what was there when the app started; only a close seen while running triggers.
    if (before === undefined || lastClose === null || lastClose === before) return;
    if (isDesktop && hasBackupKey()) queueBackup('dutyDayClosed');
  }, [lastClose]);
}
