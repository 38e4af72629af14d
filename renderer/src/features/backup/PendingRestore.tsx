/** After a restore: confirm it (the replaced data is deleted) or undo it (back to the data before). */
import { useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { databaseSwitch } from '../../db';
import { confirmRestore, undoRestore } from './restoreBackup';
import { BACKUP_STRINGS as S } from './strings';
import './backup.css';

export function PendingRestore() {
  const [pending, setPending] = useState(() => databaseSwitch.replacedDatabaseName() !== null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [confirmed, setConfirmed] = useState(false);
  if (!pending) return confirmed ? <p className="settings-saved" role="status">{S.pendingConfirmed}</p> : null;

  async function act(kind: 'confirm' | 'undo') {
    setBusy(true);
    try {
      if (kind === 'confirm') {
        await confirmRestore();
        setPending(false);
        setConfirmed(true);
      } else {
        await undoRestore();
        window.location.reload();
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="backup-pending" role="region" aria-label={S.pendingTitle}>
      <h3>{S.pendingTitle}</h3>
      <p>{S.pendingText}</p>
      <div className="settings-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void act('confirm')}>
          {S.pendingConfirm}
        </button>
        <button type="button" disabled={busy} onClick={() => void act('undo')}>
          {S.pendingUndo}
        </button>
      </div>
      {failure ? <ErrorNotice message={S.restoreFailed} error={failure} /> : null}
    </div>
  );
}
