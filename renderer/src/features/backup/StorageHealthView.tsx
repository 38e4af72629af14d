/** 存储空间 in settings: used, allowed and free space, persistence, and a warning when space runs low. */
import { useEffect, useState } from 'react';
import { formatBytes } from './AutoBackups';
import { readStorageHealth, type StorageHealth } from './storageHealth';
import { BACKUP_STRINGS as S } from './strings';

export function StorageHealthView() {
  const [health, setHealth] = useState<StorageHealth | null | 'unknown'>(null);
  useEffect(() => {
    let live = true;
    readStorageHealth().then(
      (h) => live && setHealth(h),
      () => live && setHealth('unknown'),
    );
    return () => {
      live = false;
    };
  }, []);
  if (health === null) return null;
  return (
    <div className="backup-block" aria-label={S.storageTitle} role="region">
      <h3>{S.storageTitle}</h3>
      {health === 'unknown' ? (
        <p>{S.storageUnknown}</p>
      ) : (
        <>
          {health.usage !== null && health.quota !== null ? <p>{S.storageUsage(formatBytes(health.usage), formatBytes(health.quota))}</p> : null}
          {health.disk ? <p>{S.storageDisk(formatBytes(health.disk.free), formatBytes(health.disk.total))}</p> : null}
          {health.persisted !== null ? <p>{health.persisted ? S.storagePersisted : S.storageNotPersisted}</p> : null}
          {health.low ? (
            <p className="backup-problem" role="alert">
              {S.storageLow}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
