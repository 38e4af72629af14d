/**
 * A save refused by a full disk (IndexedDB's QuotaExceededError, simulated on the write of
 * the reception row) loses nothing: the save writes nothing at all, the draft of the typed
 * form is still there, records saved before are untouched, and the error is recognised so
 * the screen shows the storage-full message.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dumpDb } from '../../fixtures/backup';
import { sampleReception, seededDb } from '../../fixtures/db';
import { createReception, updateReception, getReception } from '../../../renderer/src/db/repositories/receptions';
import { getDraft, saveDraft } from '../../../renderer/src/db/repositories/drafts';
import { isStorageFull } from '../../../renderer/src/ui/storageFull';

function quotaExceeded(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

describe('a full disk during a save', () => {
  it('keeps the draft and every earlier record, writes nothing, and is recognised as storage full', async () => {
    const { db, deputyIds } = await seededDb();
    const first = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const typed = sampleReception(deputyIds, { receivedAt: '2026-03-02T09:00:00.000+08:00' });
    await saveDraft(db, 'reception:new', null, typed);
    const before = await dumpDb(db);

    const full = (_key: unknown, row: { receivedAt?: string }) => {
      if (row.receivedAt === typed.receivedAt) throw quotaExceeded();
    };
    db.receptions.hook('creating', full);
    const error = await createReception(db, typed, { dutyDayId: null, draftId: 'reception:new' }).then(
      () => null,
      (e: unknown) => e,
    );
    db.receptions.hook('creating').unsubscribe(full);

    expect(error).not.toBeNull();
    expect(isStorageFull(error)).toBe(true);
    expect(await dumpDb(db)).toEqual(before);
    expect((await getDraft(db, 'reception:new'))!.data).toEqual(typed);

    // An edit refused the same way leaves the saved reception as it was.
    const full2 = () => {
      throw quotaExceeded();
    };
    db.receptions.hook('updating', full2);
    const saved = (await getReception(db, first.reception.id))!;
    await expect(updateReception(db, first.reception.id, { ...typed, receivedAt: saved.reception.receivedAt, issues: typed.issues.slice(0, 1) }, { draftId: 'reception:new' })).rejects.toSatisfy(isStorageFull);
    db.receptions.hook('updating').unsubscribe(full2);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('tells other failures apart', () => {
    expect(isStorageFull(new Error('boom'))).toBe(false);
    expect(isStorageFull({ name: 'AbortError', inner: quotaExceeded() })).toBe(true);
    expect(isStorageFull(null)).toBe(false);
  });
});
