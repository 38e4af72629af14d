import { describe, expect, it } from 'vitest';
import {
  ConcurrentEditError,
  createReception,
  deleteReception,
  getReception,
  ReceptionNotFoundError,
  updateReception,
} from '../../../renderer/src/db/repositories/receptions';
import { auditFor } from '../../../renderer/src/db/repositories/audit';
import { sampleReception, seededDb } from '../../fixtures/db';

describe('receptions repository: two windows editing the same reception', () => {
  it('refuses a save based on a stale copy and keeps the newer save intact', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const loadedAt = created.reception.updatedAt;

    const first = sampleReception(deputyIds);
    first.issues = first.issues.map((i, n) => ({ ...i, id: created.issues[n]!.id }));
    first.issues[0] = { ...first.issues[0]!, summary: '第一个窗口改过的概述' };
    const saved = await updateReception(db, created.reception.id, first, { expectedUpdatedAt: loadedAt });
    expect(saved.reception.updatedAt).not.toBe(loadedAt);

    const second = sampleReception(deputyIds);
    second.issues = [{ ...second.issues[0]!, summary: '第二个窗口的旧副本' }];
    const error = await updateReception(db, created.reception.id, second, { expectedUpdatedAt: loadedAt }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConcurrentEditError);
    expect((error as ConcurrentEditError).currentUpdatedAt).toBe(saved.reception.updatedAt);

    const stored = await getReception(db, created.reception.id);
    expect(stored?.issues.map((i) => i.summary)).toEqual(['第一个窗口改过的概述', created.issues[1]!.summary]);
    expect((await auditFor(db, 'reception', created.reception.id)).map((a) => a.action)).toEqual([
      'reception.create',
      'reception.update',
    ]);
  });

  it('gives every save a distinct updatedAt even when saves follow within one millisecond', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    let stamp = created.reception.updatedAt;
    const seen = new Set([stamp]);
    for (let n = 0; n < 5; n++) {
      const next = await updateReception(db, created.reception.id, sampleReception(deputyIds), { expectedUpdatedAt: stamp });
      expect(seen.has(next.reception.updatedAt)).toBe(false);
      seen.add(next.reception.updatedAt);
      stamp = next.reception.updatedAt;
    }
  });

  it('saves without a check when no expected version is given (last save wins)', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await updateReception(db, created.reception.id, sampleReception(deputyIds, { channel: 'phone' }));
    const last = await updateReception(db, created.reception.id, sampleReception(deputyIds, { channel: 'wechat' }));
    expect(last.reception.channel).toBe('wechat');
    expect((await getReception(db, created.reception.id))?.reception.channel).toBe('wechat');
  });

  it('reports a reception deleted in another window as not found, for update and delete', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await deleteReception(db, created.reception.id, '');
    const update = await updateReception(db, created.reception.id, sampleReception(deputyIds)).catch((e: unknown) => e);
    expect(update).toBeInstanceOf(ReceptionNotFoundError);
    const again = await deleteReception(db, created.reception.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ReceptionNotFoundError);
    expect(await db.issues.count()).toBe(0);
  });

  it('two windows recording new receptions at once both keep every issue', async () => {
    const { db, deputyIds } = await seededDb();
    const [a, b] = await Promise.all([
      createReception(db, sampleReception(deputyIds), { dutyDayId: null, draftId: 'reception-new' }),
      createReception(db, sampleReception(deputyIds), { dutyDayId: null, draftId: 'reception-new~other' }),
    ]);
    expect(a.reception.id).not.toBe(b.reception.id);
    expect(await db.receptions.count()).toBe(2);
    expect(await db.issues.count()).toBe(4);
  });
});
