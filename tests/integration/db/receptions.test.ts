import { describe, expect, it } from 'vitest';
import {
  createReception,
  deleteReception,
  getReception,
  updateReception,
  ValidationError,
} from '../../../renderer/src/db/repositories/receptions';
import { auditFor } from '../../../renderer/src/db/repositories/audit';
import { saveDraft, getDraft, receptionDraftId } from '../../../renderer/src/db/repositories/drafts';
import { sampleReception, seededDb } from '../../fixtures/db';
import { termIndexingIdle } from '../../../renderer/src/db/termIndex';

describe('receptions repository', () => {
  it('saves a reception with its issues and an audit entry in one action, and clears the draft', async () => {
    const { db, deputyIds } = await seededDb();
    await saveDraft(db, receptionDraftId(null), null, { partial: true });
    const { reception, issues } = await createReception(db, sampleReception(deputyIds), {
      dutyDayId: null,
      draftId: receptionDraftId(null),
    });
    expect(issues).toHaveLength(2);
    expect(issues.map((i) => i.seq)).toEqual([1, 2]);
    expect(issues[0]!.status).toBe('recorded');
    const stored = await getReception(db, reception.id);
    expect(stored?.reception.visitors).toHaveLength(2);
    expect(stored?.issues.map((i) => i.summary)).toEqual(issues.map((i) => i.summary));
    expect((await auditFor(db, 'reception', reception.id)).map((a) => a.action)).toEqual(['reception.create']);
    expect(await getDraft(db, receptionDraftId(null))).toBeUndefined();
  });

  it('rejects invalid input with field messages and writes nothing', async () => {
    const { db, deputyIds } = await seededDb();
    const bad = sampleReception(deputyIds, { visitors: [{ name: '', phone: '123', enterprise: '', position: '' }] });
    const error = await createReception(db, bad, { dutyDayId: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((i) => i.path);
    expect(paths).toContain('visitors.0.name');
    expect(paths).toContain('visitors.0.phone');
    expect(await db.receptions.count()).toBe(0);
    expect(await db.issues.count()).toBe(0);
  });

  it('requires an on-the-spot answer when the issue was answered on the spot', async () => {
    const { db, deputyIds } = await seededDb();
    const input = sampleReception(deputyIds);
    input.issues[0] = { ...input.issues[0]!, handling: 'onSpot', onSpotAnswer: '' };
    const error = (await createReception(db, input, { dutyDayId: null }).catch((e: unknown) => e)) as ValidationError;
    expect(error.issues).toEqual([{ path: 'issues.0.onSpotAnswer', message: expect.stringContaining('现场答复') as string }]);
  });

  it('keeps issue ids across an edit and records what changed', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const input = sampleReception(deputyIds);
    input.issues = [{ ...input.issues[1]!, id: created.issues[1]!.id, summary: '垃圾清运收费标准未建立' }];
    const updated = await updateReception(db, created.reception.id, input);
    expect(updated.issues).toHaveLength(1);
    expect(updated.issues[0]!.id).toBe(created.issues[1]!.id);
    expect(updated.issues[0]!.seq).toBe(1);
    expect(await db.issues.count()).toBe(1);
    await termIndexingIdle(db);
    expect(await db.issueTerms.count()).toBe(1);
    expect(await db.pendingTerms.count()).toBe(0);
    const audit = await auditFor(db, 'reception', created.reception.id);
    expect(audit.map((a) => a.action)).toEqual(['reception.create', 'reception.update']);
    expect(audit[1]!.detail.removedIssues).toEqual([created.issues[0]!.id]);
  });

  it('deletes a reception and its issues, keeping a copy in the audit log', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await termIndexingIdle(db);
    expect(await db.issueTerms.count()).toBe(created.issues.length);
    await deleteReception(db, created.reception.id, '重复登记');
    expect(await db.receptions.count()).toBe(0);
    expect(await db.issues.count()).toBe(0);
    expect(await db.issueTerms.count()).toBe(0);
    const audit = await auditFor(db, 'reception', created.reception.id);
    expect(audit.at(-1)?.action).toBe('reception.delete');
    expect(audit.at(-1)?.detail.reason).toBe('重复登记');
  });
});
