/** On the first-run screen: a new PC can be filled from a backup instead of set up by hand. */
import { useState } from 'react';
import { RestorePanel } from './RestorePanel';
import { BACKUP_STRINGS as S } from './strings';
import './backup.css';

export function FirstRunRestore() {
  const [open, setOpen] = useState(false);
  return (
    <section className="panel backup-first-run" aria-label={S.firstRunOpen}>
      <p>{S.firstRunQuestion}</p>
      {open ? (
        <RestorePanel />
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {S.firstRunOpen}
        </button>
      )}
    </section>
  );
}
