import { describe, expect, it } from 'vitest';
import { countyFoldIdle } from '../../../renderer/src/db/repositories/countyFold';
import { applyCountyUpdates, countyHistory } from '../../../renderer/src/db/repositories/countyStatus';
import { sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { getReception, updateReception } from '../../../renderer/src/db/repositories/receptions';
import { getSyncState } from '../../../renderer/src/db/repositories/syncState';
import { harness } from './harness';

describe('county status updates', () => {
  it('pulls after the cursor, moves issue status and stores the cursor; applying again changes nothing', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    const [first, second] = h.lists[0]!.issueIds;
    const listId = h.lists[0]!.id;
    h.county.addUpdate({ issueId: first!, listId, type: 'assigned', department: '县园区管委会', deadline: '2026-03-12T17:00:00+08:00' });
    h.county.addUpdate({ issueId: first!, listId, type: 'responded', response: '已安排施工队修复路面,三日内完成。' });
    await h.engine.runOnce(true);
    await countyFoldIdle(h.db);
    expect(await h.db.issueStates.get(first!)).toMatchObject({ status: 'responded' });
    expect(await h.db.issueStates.get(second!)).toMatchObject({ status: 'resolvedOnSpot' });
    expect((await getSyncState(h.db)).cursor).toBe(2);
    const history = await countyHistory(h.db, first!);
    expect(history.map((u) => [u.seq, u.type, u.department])).toEqual([
      [1, 'assigned', '县园区管委会'],
      [2, 'responded', ''],
    ]);
    // The same page again (a resend after a crash) is a no-op.
    expect(await applyCountyUpdates(h.db, h.county.updates, 2)).toBe(0);
    expect(await countyHistory(h.db, first!)).toHaveLength(2);
    // Only updates after the cursor are asked for.
    h.county.addUpdate({ issueId: first!, listId, type: 'published' });
    await h.engine.runOnce(true);
    await countyFoldIdle(h.db);
    const lastUpdates = h.county.requests.filter((r) => r.path.startsWith('/v1/updates')).at(-1)!;
    expect(lastUpdates.path).toContain('after=2');
    expect(await h.db.issueStates.get(first!)).toMatchObject({ status: 'published' });
  });

  it('pages through more updates than one answer holds', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    const issueId = h.lists[0]!.issueIds[0]!;
    for (let i = 0; i < 1_100; i++) {
      h.county.addUpdate({ issueId, listId: h.lists[0]!.id, type: i % 2 === 0 ? 'reopened' : 'responded', response: `第${i}次答复` });
    }
    await h.engine.runOnce(true);
    await countyFoldIdle(h.db);
    expect(await countyHistory(h.db, issueId)).toHaveLength(1_100);
    expect(await h.db.countyUpdates.count()).toBe(0);
    expect((await getSyncState(h.db)).cursor).toBe(1_100);
    expect(await h.db.issueStates.get(issueId)).toMatchObject({ status: 'responded' });
  });

  it('an update about a correction entry lands on the original issue', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    const issueId = h.lists[0]!.issueIds[0]!;
    const row = (await h.db.issues.get(issueId))!;
    const existing = (await getReception(h.db, row.receptionId))!;
    await updateReception(h.db, row.receptionId, {
      ...existing.reception,
      issues: existing.issues.map((i) => (i.id === issueId ? { ...i, request: '尽快修复并加装护栏' } : i)),
    });
    const [amendment] = await sealNow(h.db);
    const entry = amendment!.payload.issues[0]!;
    expect(entry.amendsIssueId).toBe(issueId);
    await applyCountyUpdates(h.db, [{ seq: 1, issueId: entry.id, listId: amendment!.id, type: 'assigned', department: '县住建局', at: '2026-03-06T09:00:00+08:00' }], 1);
    expect(await h.db.issueStates.get(issueId)).toMatchObject({ status: 'assigned', sealState: 'sealed' });
    expect((await countyHistory(h.db, issueId))[0]).toMatchObject({ department: '县住建局' });
  });

  it('one page naming an issue and its correction: the later event wins, and a pending correction stays pending', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    const [issueId, otherId] = h.lists[0]!.issueIds;
    const listId = h.lists[0]!.id;
    const row = (await h.db.issues.get(issueId!))!;
    const existing = (await getReception(h.db, row.receptionId))!;
    await updateReception(h.db, row.receptionId, {
      ...existing.reception,
      issues: existing.issues.map((i) => (i.id === otherId ? { ...i, request: '请县里协调加装路灯' } : i)),
    });
    const [amendment] = await sealNow(h.db);
    const entry = amendment!.payload.issues.find((e) => e.amendsIssueId === otherId)!;
    // The correction of otherId is sealed; now edit otherId again so it waits, amended, for the next list.
    const again = (await getReception(h.db, row.receptionId))!;
    await updateReception(h.db, row.receptionId, {
      ...again.reception,
      issues: again.issues.map((i) => (i.id === otherId ? { ...i, request: '请县里协调加装路灯和护栏' } : i)),
    });
    expect(await h.db.issueStates.get(otherId!)).toMatchObject({ sealState: 'amended' });
    const at = '2026-03-06T09:00:00+08:00';
    await applyCountyUpdates(
      h.db,
      [
        { seq: 1, issueId: otherId!, listId, type: 'assigned', department: '县住建局', at },
        { seq: 2, issueId: entry.id, listId: amendment!.id, type: 'responded', response: '已纳入年度计划。', at },
        { seq: 3, issueId: issueId!, listId, type: 'responded', response: '已修复。', at },
        { seq: 4, issueId: issueId!, listId, type: 'assigned', department: '县交通局', at },
      ],
      4,
    );
    expect(await h.db.issueStates.get(otherId!)).toMatchObject({ status: 'responded', sealState: 'amended', listId });
    expect(await h.db.issueStates.get(issueId!)).toMatchObject({ status: 'assigned', sealState: 'sealed', listId });
    expect((await countyHistory(h.db, otherId!)).map((u) => u.seq)).toEqual([1, 2]);
    expect((await getSyncState(h.db)).cursor).toBe(4);
  });

  it('keeps updates about issues the station does not have apart, once, and still moves the cursor', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    const [known] = h.lists[0]!.issueIds;
    const listId = h.lists[0]!.id;
    const stranger = '0190f0a0-0000-7000-8000-0000000009ff';
    const at = '2026-03-06T09:00:00+08:00';
    const page = [
      { seq: 1, issueId: stranger, listId, type: 'assigned' as const, department: '县住建局', at },
      { seq: 2, issueId: known!, listId, type: 'assigned' as const, department: '县交通局', at },
    ];
    expect(await applyCountyUpdates(h.db, page, 2)).toBe(2);
    expect(await applyCountyUpdates(h.db, page, 2)).toBe(0);
    expect((await h.db.countyUpdates.toArray()).map((u) => [u.seq, u.issueId])).toEqual([[1, stranger]]);
    expect((await countyHistory(h.db, known!)).map((u) => u.department)).toEqual(['县交通局']);
    expect(await h.db.issueStates.get(stranger)).toBeUndefined();
    expect((await getSyncState(h.db)).cursor).toBe(2);
  });
});
