/**
 * "Submitted" is derived: an issue stored as recorded reads as submitted once the county
 * acknowledged its list, everywhere the station reads issues (reception, search, detail).
 */
import { describe, expect, it } from 'vitest';
import { applyCountyUpdates, issueDetail } from '../../../renderer/src/db/repositories/countyStatus';
import { searchIssues } from '../../../renderer/src/db/repositories/issueSearch';
import { getReception, updateReception } from '../../../renderer/src/db/repositories/receptions';
import { harness } from './harness';

describe('submitted status', () => {
  it('reads recorded until the list is acknowledged, then submitted with the list’s reference', async () => {
    const h = await harness(1);
    const [referred, onSpot] = h.lists[0]!.issueIds as [string, string];
    const receptionId = (await h.db.issues.get(referred))!.receptionId;
    expect((await getReception(h.db, receptionId))!.issues.map((i) => i.status)).toEqual(['recorded', 'resolvedOnSpot']);
    expect((await searchIssues(h.db, { status: 'submitted' })).items).toEqual([]);

    await h.engine.runOnce();
    expect((await getReception(h.db, receptionId))!.issues.map((i) => i.status)).toEqual(['submitted', 'resolvedOnSpot']);
    expect((await searchIssues(h.db, { status: 'submitted' })).items.map((i) => i.issue.id)).toEqual([referred]);
    expect((await searchIssues(h.db, { status: 'recorded' })).items).toEqual([]);
    expect((await searchIssues(h.db, { status: 'resolvedOnSpot' })).items.map((i) => i.issue.id)).toEqual([onSpot]);
    expect(await issueDetail(h.db, referred)).toMatchObject({ issue: { status: 'submitted' }, seal: { countyRef: 'JH-2026-000001' } });
  });

  it('an edit of a submitted issue stores recorded and still reads submitted; a county update then wins', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    const referred = h.lists[0]!.issueIds[0]!;
    const receptionId = (await h.db.issues.get(referred))!.receptionId;
    const before = (await getReception(h.db, receptionId))!;
    await updateReception(h.db, receptionId, { ...before.reception, issues: before.issues.map((i) => ({ ...i, request: `${i.request}(补充:夜间施工)` })) });
    expect(await h.db.issueStates.get(referred)).toMatchObject({ status: 'recorded', sealState: 'amended', pendingSeal: 1 });
    expect((await getReception(h.db, receptionId))!.issues[0]!.status).toBe('submitted');

    await applyCountyUpdates(h.db, [{ seq: 1, issueId: referred, listId: h.lists[0]!.id, type: 'assigned', department: '县住建局', at: '2026-03-06T09:00:00+08:00' }], 1);
    expect((await getReception(h.db, receptionId))!.issues[0]!.status).toBe('assigned');
    expect((await searchIssues(h.db, { status: 'submitted' })).items).toEqual([]);
    expect((await searchIssues(h.db, { status: 'assigned' })).items.map((i) => i.issue.id)).toEqual([referred]);
  });
});
