/** What the header's sync indicator says for a sync state and the outbox counts (no UI, no storage). */
import { formatTime } from '../../../../shared/domain/time';
import type { SyncState } from '../../db';
import type { OutboxCounts } from '../../db/repositories/outbox';
import { S } from './strings';

export interface SyncView {
  state: SyncState;
  counts: OutboxCounts;
}

export interface Shown {
  tone: 'ok' | 'busy' | 'wait' | 'alert';
  text: string;
  detail: string;
  href: string;
  action?: string;
}

/** "2 份清单待报送 · 1 条评价待报送", or '' when nothing waits. */
function waitingText(counts: SyncView['counts']): string {
  const lists = counts.pending + counts.sending;
  return [lists > 0 ? S.indicator.pending(lists) : '', counts.ratingsWaiting > 0 ? S.indicator.ratingsPending(counts.ratingsWaiting) : ''].filter(Boolean).join(' · ');
}

export function describe({ state, counts }: SyncView): Shown {
  const waitingNow = waitingText(counts);
  const waiting = waitingNow !== '';
  const pending = waiting ? ` · ${waitingNow}` : '';
  if (state.status === 'notConfigured') {
    // Normal on a new station until the county issues its token: say so calmly, with the way to fix it.
    return { tone: 'wait', text: `${S.indicator.notConfigured}${pending}`, detail: state.message, href: '/settings', action: S.indicator.goSettings };
  }
  if (state.status === 'tokenRejected') {
    return { tone: 'alert', text: `${S.indicator.attention}：${S.indicator.tokenRejected}`, detail: state.message, href: '/settings', action: S.indicator.goSettings };
  }
  const setAside = counts.rejected + counts.conflict;
  if (setAside > 0 || counts.ratingsSetAside > 0 || state.status === 'attention') {
    const text = setAside > 0 ? S.indicator.setAside(setAside) : counts.ratingsSetAside > 0 ? S.indicator.ratingsSetAside(counts.ratingsSetAside) : state.message;
    return { tone: 'alert', text: `${S.indicator.attention}：${text}`, detail: state.message, href: '/sync', action: S.indicator.goSync };
  }
  if (state.status === 'syncing') return { tone: 'busy', text: S.indicator.syncing, detail: '', href: '/sync' };
  if (state.status === 'offline') return { tone: 'wait', text: `${S.indicator.offline}${pending}`, detail: state.message, href: '/sync' };
  if (state.status === 'retrying') {
    return { tone: 'wait', text: `${waiting ? waitingNow : S.status.retrying} · ${S.indicator.retrying}`, detail: state.message, href: '/sync' };
  }
  if (waiting) return { tone: 'wait', text: waitingNow, detail: '', href: '/sync' };
  if (state.lastSyncAt) return { tone: 'ok', text: S.indicator.syncedAt(formatTime(state.lastSyncAt)), detail: '', href: '/sync' };
  return { tone: 'wait', text: S.indicator.neverSynced, detail: '', href: '/sync' };
}

