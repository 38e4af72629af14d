/** 清单报送: every sealed list with its state and county receipt, 立即同步 and 封存未归档问题. */
import { useState } from 'react';
import { Link } from 'wouter';
import { formatTime } from '../../../../shared/domain/time';
import { formatListNumber } from '../../../../shared/protocol/index';
import { formatStamp } from '../issues/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { SealingWaitsForReconcile, getDb, issueListsRepo, outboxRepo, useLiveQuery } from '../../db';
import { IssueListRow } from './IssueListRow';
import { S } from './strings';
import { requestSync, useSyncStatus } from './useSyncStatus';
import './sync.css';

export function SyncScreen() {
  const view = useSyncStatus();
  const lists = useLiveQuery(async () => {
    const db = getDb();
    const [all, items] = await Promise.all([issueListsRepo.listIssueLists(db), outboxRepo.outboxByList(db)]);
    return all.map((list) => ({ list, item: items.get(list.id) }));
  }, []);
  const unsealed = useLiveQuery(() => issueListsRepo.countUnsealed(getDb()), []) ?? 0;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);

  const seal = async () => {
    setBusy(true);
    setError(null);
    try {
      const sealed = await issueListsRepo.sealNow(getDb());
      setNotice(S.screen.sealed(sealed.map((l) => l.number).join('、')));
      requestSync();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const state = view?.state;
  const syncing = state?.status === 'syncing';
  const reconciling = state?.needsReconcile === true;
  const countyOnly = state?.countyOnlyLists ?? [];
  return (
    <>
      <PageHeader
        title={S.screen.title}
        subtitle={S.screen.subtitle}
        actions={
          <>
            <button type="button" onClick={() => setConfirming(true)} disabled={unsealed === 0 || busy || reconciling} title={reconciling ? S.screen.sealWaitsForReconcile : S.screen.sealNowHint(unsealed)}>
              {S.screen.sealNow}
              {unsealed > 0 ? `（${unsealed}）` : ''}
            </button>
            <button type="button" className="primary" onClick={requestSync} disabled={syncing}>
              {syncing ? S.screen.syncing : S.screen.syncNow}
            </button>
          </>
        }
      />
      {state ? (
        <section className="panel sync-status" aria-label="同步状态">
          <div>
            <div className="sync-status-title">{S.status[state.status]}</div>
            {state.message ? <p className="sync-status-message">{state.message}</p> : null}
            {state.status === 'tokenRejected' || state.status === 'notConfigured' ? (
              <p>
                <Link href="/settings">{S.screen.goSettings}</Link>
              </p>
            ) : null}
            <p className="muted">
              {S.screen.lastSync(state.lastSyncAt ? formatStamp(state.lastSyncAt) : S.screen.never)}
              {(state.status === 'retrying' || state.status === 'offline') && state.nextAttemptAt > 0
                ? ` · ${S.screen.waitingRetry(formatTime(new Date(state.nextAttemptAt).toISOString()))}`
                : ''}
            </p>
          </div>
          <p className="muted">{S.screen.sealNowHint(unsealed)}</p>
        </section>
      ) : null}
      {reconciling ? (
        <section className="panel sync-reconcile" role="status" aria-label={S.screen.reconcileTitle}>
          <div className="sync-status-title">{S.screen.reconcileTitle}</div>
          <p>{S.screen.reconcileWaiting}</p>
        </section>
      ) : null}
      {countyOnly.length > 0 ? (
        <p className="panel sync-county-only" role="note">
          {S.screen.countyOnly(countyOnly.length, countyOnly.map((l) => `${formatListNumber({ year: l.year, seq: l.seq })}（${l.countyRef}）`).join('、'))}
        </p>
      ) : null}
      {notice ? <p className="sync-notice" role="status">{notice}</p> : null}
      {error instanceof SealingWaitsForReconcile ? (
        <p className="warning" role="alert">
          {S.screen.sealWaitsForReconcile}
        </p>
      ) : error ? (
        <ErrorNotice message={S.screen.sealFailed} error={error} />
      ) : null}
      {lists && lists.length === 0 ? <p className="panel">{S.screen.empty}</p> : null}
      {lists && lists.length > 0 ? (
        <table className="sync-table">
          <thead>
            <tr>
              {S.screen.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lists.map(({ list, item }) => (
              <IssueListRow key={list.id} list={list} item={item} formatStamp={formatStamp} />
            ))}
          </tbody>
        </table>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={S.screen.sealConfirmTitle}
        confirmLabel={S.screen.sealConfirm}
        busy={busy}
        onConfirm={() => void seal()}
        onCancel={() => setConfirming(false)}
      >
        <p>{S.screen.sealConfirmBody(unsealed)}</p>
      </ConfirmDialog>
    </>
  );
}
