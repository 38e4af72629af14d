/**
 * Restore, step by step: the file (picked, or an automatic one handed in), the password,
 * what the backup holds — and only then, on a click, the restore. Any refusal leaves the
 * data in use as it was.
 */
import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { UnlockedBackup } from '../../backup/readBackup';
import { canOpenThroughMain, fromFile, inspectBackup, isNewerThanThisApp, openFromMain, problemOf, restoreBackup, type PickedBackup } from './restoreBackup';
import { PROBLEM_MESSAGES, BACKUP_STRINGS as S, TABLE_LABELS } from './strings';

interface Props {
  /** An automatic backup chosen from the list (desktop), if any; the parent keys the panel by it. */
  handed?: PickedBackup | null;
  currentStationId?: string;
}

export function RestorePanel({ handed = null, currentStationId }: Props) {
  const [picked, setPicked] = useState<PickedBackup | null>(handed);
  const [password, setPassword] = useState('');
  const [unlocked, setUnlocked] = useState<UnlockedBackup | null>(null);
  const [busy, setBusy] = useState<'' | 'inspect' | 'restore'>('');
  /** Share of the file restored so far; a restore of years of records takes minutes. */
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  function choose(next: PickedBackup | null) {
    void picked?.close();
    setPicked(next);
    setUnlocked(null);
    setProblem('');
    setFailure(null);
  }

  async function pickThroughMain() {
    try {
      choose(await openFromMain({ source: 'choose' }));
    } catch (error) {
      setFailure(error);
    }
  }

  async function inspect(e: FormEvent) {
    e.preventDefault();
    if (!picked) return;
    setBusy('inspect');
    setProblem('');
    setUnlocked(null);
    try {
      setUnlocked(await inspectBackup(picked, password));
    } catch (error) {
      setProblem(PROBLEM_MESSAGES[problemOf(error)]);
    } finally {
      setBusy('');
    }
  }

  async function restore() {
    if (!picked || !unlocked) return;
    setBusy('restore');
    setProgress(null);
    setProblem('');
    setFailure(null);
    try {
      await restoreBackup(picked, unlocked, setProgress);
      await picked.close();
      window.location.reload();
    } catch (error) {
      const kind = problemOf(error);
      if (kind === 'unknown') setFailure(error);
      else setProblem(PROBLEM_MESSAGES[kind]);
      setBusy('');
    }
  }

  const m = unlocked?.manifest;
  const newer = unlocked ? isNewerThanThisApp(unlocked) : false;
  return (
    <div className="backup-block backup-restore">
      <h3>{S.restoreTitle}</h3>
      <p>{S.restoreLead}</p>
      {canOpenThroughMain ? (
        <button type="button" onClick={() => void pickThroughMain()} disabled={busy !== ''}>
          {S.restoreChoose}
        </button>
      ) : (
        // The browser draws a file input's button and "no file" text in its own language; this
        // one is drawn in Chinese over a hidden input that still takes the click and the focus.
        <label className="backup-file">
          {S.restoreFileLabel}
          <input type="file" className="backup-file-input" accept=".sdbackup" disabled={busy !== ''} onChange={(e) => choose(e.target.files?.[0] ? fromFile(e.target.files[0]) : null)} />
          <span className="backup-file-pick" aria-hidden="true">
            <span className="button">{S.restoreChoose}</span>
            <span className="backup-file-chosen">{picked?.fileName ?? S.restoreNoFile}</span>
          </span>
        </label>
      )}
      {picked ? (
        <form onSubmit={(e) => void inspect(e)} noValidate className="backup-password-form">
          {/* In the browser flavour the file row above shows the name. */}
          {canOpenThroughMain ? <p className="backup-file-name">{picked.fileName}</p> : null}
          <label>
            {S.restorePasswordLabel}
            <input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button type="submit" disabled={busy !== '' || password === ''}>
            {S.restoreInspect}
          </button>
          {busy === 'inspect' ? <span role="status">{S.restoreInspecting}</span> : null}
        </form>
      ) : null}
      {problem ? (
        <p className="backup-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {m ? (
        <div className="backup-summary" role="region" aria-label={S.restoreSummary}>
          <h4>{S.restoreSummary}</h4>
          <dl>
            <dt>{S.restoreStation}</dt>
            <dd>{m.station.name || '—'}</dd>
            <dt>{S.restoreCreatedAt}</dt>
            <dd>{m.createdAt.slice(0, 16).replace('T', ' ')}</dd>
            <dt>{S.restoreAppVersion}</dt>
            <dd>{m.app.version}</dd>
          </dl>
          <table className="settings-table">
            <caption>{S.restoreCounts}</caption>
            <tbody>
              {Object.entries(TABLE_LABELS).map(([table, label]) => (
                <tr key={table}>
                  <th scope="row">{label}</th>
                  <td>{m.tables[table] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {currentStationId && m.station.id && m.station.id !== currentStationId ? <p className="backup-problem">{S.restoreWarnOtherStation(m.station.name)}</p> : null}
          {newer ? (
            <p className="backup-problem" role="alert">
              {S.restoreNewer}
            </p>
          ) : (
            <div className="settings-actions">
              <button type="button" className="primary" disabled={busy !== ''} onClick={() => void restore()}>
                {S.restoreConfirm}
              </button>
              <button type="button" disabled={busy !== ''} onClick={() => choose(null)}>
                {S.restoreCancel}
              </button>
            </div>
          )}
          {busy === 'restore' ? <p role="status">{progress === null ? S.restoring : S.restoringProgress(progress)}</p> : null}
        </div>
      ) : null}
      {failure ? <ErrorNotice message={S.restoreFailed} error={failure} /> : null}
    </div>
  );
}
