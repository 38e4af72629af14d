import { describe, expect, it } from 'vitest';
import { auditFor } from '../../../renderer/src/db/repositories/audit';
import { getAccessSettings, updateAccessSettings } from '../../../renderer/src/db/repositories/accessSettings';
import { createReception, getReception, updateReception } from '../../../renderer/src/db/repositories/receptions';
import { applyRetention, applyRetentionDaily } from '../../../renderer/src/db/repositories/retention';
import { sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { saveDraft } from '../../../renderer/src/db/repositories/drafts';
import type { ReceptionInput } from '../../../shared/domain/schemas';
import { sampleReception, seededDb } from '../../fixtures/db';

const NOW = new Date('2026-12-04T09:00:00+08:00');
const onSpot = { category: '其他', summary: '咨询稳岗补贴申领条件', request: '', onSpotAnswer: '已现场讲解申领流程', handling: 'onSpot', suggestedDepartment: '' } as const;
const referred = { category: '交通出行', summary: '园区门口公交站点太远', request: '增设站点', onSpotAnswer: '', handling: 'referToCounty', suggestedDepartment: '县交通运输局' } as const;

function at(receivedAt: string, issues: ReceptionInput['issues'], phone: string): (ids: string[]) => ReceptionInput {
  return (ids) =>
    sampleReception(ids, {
      receivedAt,
      issues,
      visitors: [
        { name: '辛志鹏', phone, enterprise: '椿森电子有限公司', position: '' },
        { name: '刘敏', phone: '', enterprise: '椿森电子有限公司', position: '' },
      ],
    });
}

describe('retention of visitors’ phone numbers', () => {
  it('erases phone numbers of old receptions whose issues are all finished, and only those, with one audit entry', async () => {
    const { db, deputyIds } = await seededDb();
    const save = async (make: (ids: string[]) => ReceptionInput) => (await createReception(db, make(deputyIds), { dutyDayId: null })).reception;
    const oldOnSpot = await save(at('2024-10-08T10:00:00.000+08:00', [onSpot], '13807961234'));
    const oldClosed = await save(at('2024-09-01T10:00:00.000+08:00', [onSpot, referred], '0791-8612345'));
    const oldOpen = await save(at('2024-08-01T10:00:00.000+08:00', [onSpot, referred], '13979612345'));
    const recent = await save(at('2025-12-10T10:00:00.000+08:00', [onSpot], '13607961111'));
    // The county struck off the referred issue of oldClosed; oldOpen's stays assigned.
    const closedIssue = (await getReception(db, oldClosed.id))!.issues[1]!;
    await db.issueStates.update(closedIssue.id, { status: 'closed' });
    const openIssue = (await getReception(db, oldOpen.id))!.issues[1]!;
    await db.issueStates.update(openIssue.id, { status: 'assigned' });
    // An edit keeps a copy of the record as it was (with the phone) in its audit entry.
    await updateReception(db, oldOnSpot.id, { ...at(oldOnSpot.receivedAt, [onSpot], '13807961234')(deputyIds), channel: 'phone' });

    const result = await applyRetention(db, 24, NOW);
    expect(result).toMatchObject({ receptions: 2, phones: 2, auditCopies: 1 });
    expect(Date.parse(result!.cutoff)).toBe(Date.parse('2024-12-04T09:00:00+08:00'));
    const phones = async (id: string) => (await getReception(db, id))!.reception.visitors.map((v) => v.phone);
    expect(await phones(oldOnSpot.id)).toEqual(['', '']);
    expect(await phones(oldClosed.id)).toEqual(['', '']);
    expect(await phones(oldOpen.id)).toEqual(['13979612345', '']);
    expect(await phones(recent.id)).toEqual(['13607961111', '']);
    // Names and issues stay.
    expect((await getReception(db, oldClosed.id))!.reception.visitors[0]!.name).toBe('辛志鹏');
    expect((await getReception(db, oldClosed.id))!.issues).toHaveLength(2);
    expect(JSON.stringify(await auditFor(db, 'reception', oldOnSpot.id))).not.toContain('13807961234');

    const runs = await auditFor(db, 'station', 'retention');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.action).toBe('retention.erasePhones');
    expect(runs[0]!.detail).toMatchObject({ months: 24, receptions: 2, phones: 2, auditCopies: 1 });

    // A second run finds nothing more, and says so.
    expect(await applyRetention(db, 24, NOW)).toMatchObject({ receptions: 0, phones: 0 });
    expect(await auditFor(db, 'station', 'retention')).toHaveLength(2);
  });

  it('does nothing when retention is off; runs at most once a day with the period from 设置', async () => {
    const { db, deputyIds } = await seededDb();
    const { reception } = await createReception(db, at('2025-01-08T10:00:00.000+08:00', [onSpot], '13807961234')(deputyIds), { dutyDayId: null });
    expect(await applyRetention(db, null, NOW)).toBeNull();
    // Default: 24 months, so a reception of January 2025 is kept.
    expect(await applyRetentionDaily(db, NOW)).toMatchObject({ receptions: 0 });
    expect(await applyRetentionDaily(db, NOW)).toBeNull();
    const settings = await getAccessSettings(db);
    await updateAccessSettings(db, { idleMinutes: settings.idleMinutes, consentNotice: settings.consentNotice, retentionMonths: 12 });
    expect(await applyRetentionDaily(db, NOW)).toBeNull();
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    expect(await applyRetentionDaily(db, tomorrow)).toMatchObject({ receptions: 1, phones: 1 });
    expect((await getReception(db, reception.id))!.reception.visitors[0]!.phone).toBe('');
    await updateAccessSettings(db, { idleMinutes: 10, consentNotice: settings.consentNotice, retentionMonths: null });
    expect(await applyRetentionDaily(db, new Date(tomorrow.getTime() + 86_400_000))).toBeNull();
  });

  it('erases the copies too: the sealed list the county acknowledged, and a draft of an edit', async () => {
    const { db, deputyIds } = await seededDb();
    const save = async (make: (ids: string[]) => ReceptionInput) => (await createReception(db, make(deputyIds), { dutyDayId: null })).reception;
    const old = await save(at('2024-09-01T10:00:00.000+08:00', [referred], '0791-8612345'));
    const kept = await save(at('2024-09-02T10:00:00.000+08:00', [referred], '13979612345'));
    const [list] = await sealNow(db, new Date('2024-09-02T18:00:00+08:00'));
    expect(list!.payload.issues).toHaveLength(2);
    await db.issueLists.update(list!.id, { state: 'acknowledged' });
    const issueOf = async (id: string) => (await getReception(db, id))!.issues[0]!.id;
    await db.issueStates.update(await issueOf(old.id), { status: 'closed' });
    await db.issueStates.update(await issueOf(kept.id), { status: 'assigned' });
    await saveDraft(db, 'draft-old', old.id, { visitors: [{ name: '辛志鹏', phone: '0791-8612345' }] });
    await saveDraft(db, 'draft-kept', kept.id, { visitors: [{ name: '辛志鹏', phone: '13979612345' }] });

    const result = await applyRetention(db, 24, NOW);
    expect(result).toMatchObject({ receptions: 1, phones: 1, listCopies: 1, draftCopies: 1 });
    const payload = (await db.issueListPayloads.get(list!.id))!.payload;
    const phoneIn = (receptionId: string) => payload.issues.find((i) => i.receptionId === receptionId)!.visitors[0]!.phone;
    expect(phoneIn(old.id)).toBe('');
    // The other reception in the same list keeps its number: its issue is still open.
    expect(phoneIn(kept.id)).toBe('13979612345');
    expect(JSON.stringify((await db.drafts.get('draft-old'))!.data)).not.toContain('0791-8612345');
    expect(JSON.stringify((await db.drafts.get('draft-kept'))!.data)).toContain('13979612345');
  });
});
