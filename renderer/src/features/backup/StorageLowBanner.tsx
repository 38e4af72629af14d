/** On every screen, once per start: a warning when the station's storage is about to run out. */
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ROUTES } from '../../routes';
import { readStorageHealth } from './storageHealth';
import { BACKUP_STRINGS as S } from './strings';
import './backup.css';

export function StorageLowBanner() {
  const [low, setLow] = useState(false);
  useEffect(() => {
    let live = true;
    readStorageHealth().then(
      (h) => live && setLow(h.low),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!low) return null;
  return (
    <div className="backup-pending" role="alert">
      <p>
        {S.storageLow} <Link href={ROUTES.settings}>{S.storageOpenSettings}</Link>
      </p>
    </div>
  );
}
