/** Setting or changing the station's backup password. */
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MIN_PASSWORD_LENGTH, setBackupPassword } from './backupKeyStore';
import { BACKUP_STRINGS as S } from './strings';

export function BackupPassword({ hasPassword, onSaved }: { hasPassword: boolean; onSaved: () => void }) {
  const [open, setOpen] = useState(!hasPassword);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (password.length < MIN_PASSWORD_LENGTH) return setProblem(S.passwordTooShort);
    if (password !== repeat) return setProblem(S.passwordMismatch);
    setProblem('');
    setBusy(true);
    try {
      await setBackupPassword(password);
      setPassword('');
      setRepeat('');
      setOpen(false);
      setSaved(true);
      onSaved();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="backup-block">
      <h3>{S.passwordTitle}</h3>
      <p>{hasPassword ? S.passwordSet : S.passwordMissing}</p>
      {saved ? <p className="settings-saved" role="status">{S.passwordSaved}</p> : null}
      {open ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="backup-password-form">
          <label>
            {S.passwordLabel}
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <label>
            {S.passwordRepeatLabel}
            <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {S.passwordSave}
          </button>
          {busy ? <span role="status">{S.passwordDeriving}</span> : null}
          {problem ? (
            <p className="backup-problem" role="alert">
              {problem}
            </p>
          ) : null}
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {S.passwordChange}
        </button>
      )}
      {failure ? <ErrorNotice message={S.backupFailed} error={failure} /> : null}
    </div>
  );
}
