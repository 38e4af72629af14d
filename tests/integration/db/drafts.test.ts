import { describe, expect, it } from 'vitest';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import {
  clearDraft,
  draftsOfSlot,
  getDraft,
  receptionDraftId,
  saveDraft,
} from '../../../renderer/src/db/repositories/drafts';
import { sampleReception, seededDb } from '../../fixtures/db';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('drafts repository', () => {
  it('keeps one draft per id, overwritten by each save', async () => {
    const { db } = await seededDb();
    await saveDraft(db, receptionDraftId(null), null, { text: '第一' });
    await saveDraft(db, receptionDraftId(null), null, { text: '第一次输入' });
    expect((await getDraft(db, receptionDraftId(null)))?.data).toEqual({ text: '第一次输入' });
    expect(await db.drafts.count()).toBe(1);
    await clearDraft(db, receptionDraftId(null));
    expect(await getDraft(db, receptionDraftId(null))).toBeUndefined();
  });

  it('lists the drafts of a slot, newest first, and nothing of other slots', async () => {
    const { db } = await seededDb();
    const base = receptionDraftId(null);
    await saveDraft(db, base, null, { n: 1 });
    await wait(5);
    await saveDraft(db, `${base}~side`, null, { n: 2 });
    await saveDraft(db, receptionDraftId('0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee'), '0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee', {
      n: 3,
    });
    await saveDraft(db, `${base}-other`, null, { n: 4 });
    const slot = await draftsOfSlot(db, base);
    expect(slot.map((d) => d.id)).toEqual([`${base}~side`, base]);
  });

  it('saving a reception clears only the draft of the window that saved it', async () => {
    const { db, deputyIds } = await seededDb();
    const base = receptionDraftId(null);
    await saveDraft(db, base, null, { window: 'A' });
    await saveDraft(db, `${base}~B`, null, { window: 'B' });
    await createReception(db, sampleReception(deputyIds), { dutyDayId: null, draftId: base });
    expect(await getDraft(db, base)).toBeUndefined();
    expect((await getDraft(db, `${base}~B`))?.data).toEqual({ window: 'B' });
  });

  it('a failed save keeps the draft', async () => {
    const { db, deputyIds } = await seededDb();
    const base = receptionDraftId(null);
    await saveDraft(db, base, null, { typed: '半截内容' });
    const bad = sampleReception(deputyIds, { issues: [] });
    await expect(createReception(db, bad, { dutyDayId: null, draftId: base })).rejects.toThrow();
    expect((await getDraft(db, base))?.data).toEqual({ typed: '半截内容' });
  });
});
