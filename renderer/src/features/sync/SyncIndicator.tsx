/**
 * The sync state in the header of every screen: 离线 / 正在同步 / 已同步 HH:mm /
 * N 份清单待报送 / 需要处理 (with where to go). Also starts the sync engine.
 */
import { Link } from 'wouter';
import { describe } from './indicator';
import { useSyncEngine, useSyncStatus } from './useSyncStatus';
import './sync.css';

export function SyncIndicator() {
  useSyncEngine();
  const view = useSyncStatus();
  if (!view) return <div className="sync-indicator-region" role="status" />;
  const shown = describe(view);
  return (
    <div role="status" aria-live="polite" className="sync-indicator-region">
      <Link href={shown.href} className={`sync-indicator sync-${shown.tone}`} title={[shown.text, shown.detail].filter(Boolean).join('\n')}>
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-text">{shown.text}</span>
        {shown.action ? <span className="sync-action">{shown.action} ›</span> : null}
      </Link>
    </div>
  );
}
