import { describe, expect, it } from 'vitest';
import { describe as shown, type SyncView } from '../../renderer/src/features/sync/indicator';
import { INITIAL_SYNC_STATE } from '../../renderer/src/db/repositories/syncState';

const view = (state: Partial<SyncView['state']>, counts: Partial<SyncView['counts']> = {}): SyncView => ({
  state: { ...INITIAL_SYNC_STATE, ...state },
  counts: { pending: 0, sending: 0, rejected: 0, conflict: 0, ratingsWaiting: 0, ratingsSetAside: 0, ...counts },
});

describe('sync indicator in the header', () => {
  it('a station not yet connected to the county is told so calmly, with the way to settings', () => {
    const s = shown(view({ status: 'notConfigured', message: '尚未设置县里系统地址或令牌' }, { pending: 2 }));
    expect(s).toMatchObject({ tone: 'wait', text: '未连接县里系统 · 2 份清单待报送', href: '/settings', action: '去设置' });
  });

  it('a refused token or lists sent back by the county need attention', () => {
    expect(shown(view({ status: 'tokenRejected', message: 'x' }))).toMatchObject({ tone: 'alert', text: '需要处理：令牌无效' });
    expect(shown(view({ status: 'synced' }, { rejected: 1 }))).toMatchObject({ tone: 'alert', text: '需要处理：1 份清单未能报送，请查看说明', href: '/sync' });
  });

  it('offline with lists waiting says both', () => {
    expect(shown(view({ status: 'offline' }, { pending: 3 })).text).toBe('离线 · 3 份清单待报送');
  });

  it('ratings waiting are counted as ratings, not as lists', () => {
    expect(shown(view({ status: 'offline' }, { ratingsWaiting: 2 })).text).toBe('离线 · 2 条评价待报送');
    expect(shown(view({ status: 'synced' }, { pending: 1, ratingsWaiting: 1 })).text).toBe('1 份清单待报送 · 1 条评价待报送');
    expect(shown(view({ status: 'synced' }, { ratingsSetAside: 1 }))).toMatchObject({ tone: 'alert', text: '需要处理：1 条评价县里未能接收，请在问题详情中查看' });
  });
});
