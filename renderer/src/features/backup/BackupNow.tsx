/** "备份到…": a backup to a place the user picks (desktop) or a download (browser). */
import { useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { createBackup } from './createBackup';
import { BACKUP_STRINGS as S } from './strings';

export function BackupNow({ disabled, onDone }: { disabled: boolean; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  async function run() {
    setBusy(true);
    setMessage('');
    setFailure(null);
    try {
      const result = await createBackup('manual', 'choose');
      if (result.outcome === 'saved') setMessage(S.backupDone(result.fileName, result.folder));
      else if (result.outcome === 'cancelled') setMessage(S.backupCancelled);
      else setMessage(S.passwordMissing);
      onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="backup-block">
      <p>{S.backupNowHint}</p>
      <button type="button" className="primary" disabled={disabled || busy} onClick={() => void run()}>
        {S.backupNow}
      </button>
      {busy ? <span role="status"> {S.backingUp}</span> : null}
      {message ? <p role="status">{message}</p> : null}
      {failure ? <ErrorNotice message={S.backupFailed} error={failure} /> : null}
    </div>
  );
}
