/**
 * The sync state in the header of every screen: 离线 / 正在同步 / 已同步 HH:mm /
 * N 份清单待报送 / 需要处理 (with where to go). Also starts the sync engine.
 */
import { Link } from 'wouter';
import { formatTime } from '../../../../shared/domain/time';
import { S } from './strings';
import { useSyncEngine, useSyncStatus, type SyncView } from './useSyncStatus';
import './sync.css';

interface Shown {
  tone: 'ok' | 'busy' | 'wait' | 'alert';
  text: string;
  detail: string;
  href: string;
  action?: string;
}

export function describe({ state, counts }: SyncView): Shown {
  const waiting = counts.pending + counts.sending;
  const pending = waiting > 0 ? ` · ${S.indicator.pending(waiting)}` : '';
  if (state.status === 'notConfigured') {
    return { tone: 'alert', text: `${S.indicator.attention}:${S.indicator.notConfigured}`, detail: state.message, href: '/settings', action: S.indicator.goSettings };
  }
  if (state.status === 'tokenRejected') {
    return { tone: 'alert', text: `${S.indicator.attention}:${S.indicator.tokenRejected}`, detail: state.message, href: '/settings', action: S.indicator.goSettings };
  }
  const setAside = counts.rejected + counts.conflict;
  if (setAside > 0 || state.status === 'attention') {
    const text = setAside > 0 ? S.indicator.setAside(setAside) : state.message;
    return { tone: 'alert', text: `${S.indicator.attention}:${text}`, detail: state.message, href: '/sync', action: S.indicator.goSync };
  }
  if (state.status === 'syncing') return { tone: 'busy', text: S.indicator.syncing, detail: '', href: '/sync' };
  if (state.status === 'offline') return { tone: 'wait', text: `${S.indicator.offline}${pending}`, detail: state.message, href: '/sync' };
  if (state.status === 'retrying') {
    return { tone: 'wait', text: `${waiting > 0 ? S.indicator.pending(waiting) : S.status.retrying} · ${S.indicator.retrying}`, detail: state.message, href: '/sync' };
  }
  if (waiting > 0) return { tone: 'wait', text: S.indicator.pending(waiting), detail: '', href: '/sync' };
  if (state.lastSyncAt) return { tone: 'ok', text: S.indicator.syncedAt(formatTime(state.lastSyncAt)), detail: '', href: '/sync' };
  return { tone: 'wait', text: S.indicator.neverSynced, detail: '', href: '/sync' };
}

export function SyncIndicator() {
  useSyncEngine();
  const view = useSyncStatus();
  if (!view) return <div className="sync-indicator-region" role="status" />;
  const shown = describe(view);
  return (
    <div role="status" aria-live="polite" className="sync-indicator-region">
      <Link href={shown.href} className={`sync-indicator sync-${shown.tone}`} title={shown.detail || undefined}>
        <span className="sync-dot" aria-hidden="true" />
        <span>{shown.text}</span>
        {shown.action ? <span className="sync-action">{shown.action} ›</span> : null}
      </Link>
    </div>
  );
}
