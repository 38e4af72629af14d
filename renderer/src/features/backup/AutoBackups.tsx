/** The automatic backups in the data folder (desktop), each restorable from here. */
import { useEffect, useState } from 'react';
import type { StoredBackup } from '../../../../shared/bridge/backup';
import { bridge, isDesktop } from '../../bridge';
import { BACKUP_STRINGS as S } from './strings';

export function AutoBackups({ refresh, onRestore }: { refresh: number; onRestore: (fileName: string) => void }) {
  const [listing, setListing] = useState<{ folder: string; files: StoredBackup[] } | null>(null);
  useEffect(() => {
    if (!isDesktop) return;
    let live = true;
    void bridge.backup.list().then((l) => {
      if (live) setListing(l);
    });
    return () => {
      live = false;
    };
  }, [refresh]);

  if (!isDesktop)
    return (
      <div className="backup-block">
        <h3>{S.autoTitle}</h3>
        <p>{S.autoBrowser}</p>
      </div>
    );
  return (
    <div className="backup-block">
      <h3>{S.autoTitle}</h3>
      <p>{S.autoHint(listing?.folder ?? '')}</p>
      {listing && listing.files.length === 0 ? <p>{S.autoNone}</p> : null}
      {listing && listing.files.length > 0 ? (
        <ul className="backup-list">
          {listing.files.slice(0, 24).map((f) => (
            <li key={f.fileName}>
              <span>{f.fileName}</span>
              <span className="backup-size">{formatBytes(f.bytes)}</span>
              <button type="button" onClick={() => onRestore(f.fileName)} aria-label={`${S.restoreStored} ${f.fileName}`}>
                {S.restoreStored}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}
