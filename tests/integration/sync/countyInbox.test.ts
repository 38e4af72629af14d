import { describe, expect, it } from 'vitest';
import { INBOX_ROW_UPDATES } from '../../../renderer/src/db/countyInbox';
import { readStates, stateTables } from '../../../renderer/src/db/issueStates';
import { countyFoldIdle, foldCountyInbox, scheduleCountyFold } from '../../../renderer/src/db/repositories/countyFold';
import { countyHistory, issueDetail, receiveCountyUpdates } from '../../../renderer/src/db/repositories/countyStatus';
import { sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { searchIssues } from '../../../renderer/src/db/repositories/issueSearch';
import { getReception, updateReception } from '../../../renderer/src/db/repositories/receptions';
import { getSyncState } from '../../../renderer/src/db/repositories/syncState';
import type { StatusUpdate } from '../../../shared/protocol/index';
import { harness, type Harness } from './harness';

const at = '2026-03-06T09:00:00+08:00';

/** What the station shows of the given issues: status, county reference and history. */
async function shown(h: Harness, ids: readonly string[]) {
  const states = await h.db.transaction('r', stateTables(h.db), () => readStates(h.db, ids));
  return states.map((s) => [s?.status, s?.countyRef, s?.county.map((u) => [u.seq, u.type, u.department, u.response])]);
}

async function searchIds(h: Harness, status: 'assigned' | 'responded' | 'submitted' | 'resolvedOnSpot') {
  return (await searchIssues(h.db, { status }, { limit: 100 })).items.map((i) => i.issue.id);
}

describe('county inbox', () => {
  it('shows stored updates everywhere before they are folded, and exactly the same after', async () => {
    const h = await harness(3);
    await h.engine.runOnce();
    const [a, b] = h.lists[0]!.issueIds;
    const [c] = h.lists[1]!.issueIds;
    const updates: StatusUpdate[] = [
      { seq: 1, issueId: a!, listId: h.lists[0]!.id, type: 'assigned', department: '县住建局', deadline: '2026-03-13T17:00:00+08:00', at },
      { seq: 2, issueId: c!, listId: h.lists[1]!.id, type: 'assigned', department: '县交通局', at },
      { seq: 3, issueId: a!, listId: h.lists[0]!.id, type: 'responded', response: '已修复。', at },
    ];
    const ids = [a!, b!, c!];
    const before = await shown(h, ids);
    await receiveCountyUpdates(h.db, updates, 3);
    // Stored with the cursor, not yet folded: state rows unchanged, reads already current.
    expect((await getSyncState(h.db)).cursor).toBe(3);
    expect(await h.db.countyInbox.count()).toBe(1);
    expect((await h.db.issueStates.get(a!))!.county).toEqual([]);
    const waiting = await shown(h, ids);
    expect(waiting).not.toEqual(before);
    expect(waiting[0]).toEqual(['responded', 'JH-2026-000001', [[1, 'assigned', '县住建局', ''], [3, 'responded', '', '已修复。']]]);
    expect(waiting[1]![0]).toBe('resolvedOnSpot');
    expect(waiting[2]![0]).toBe('assigned');
    expect((await countyHistory(h.db, a!)).map((u) => u.seq)).toEqual([1, 3]);
    expect((await issueDetail(h.db, c!))!.issue.status).toBe('assigned');
    expect((await getReception(h.db, (await h.db.issues.get(a!))!.receptionId))!.issues.find((i) => i.id === a)!.status).toBe('responded');
    const searched = { assigned: await searchIds(h, 'assigned'), responded: await searchIds(h, 'responded'), submitted: await searchIds(h, 'submitted') };
    expect(searched.assigned).toEqual([c]);
    expect(searched.responded).toEqual([a]);
    expect(searched.submitted).not.toContain(a);
    expect(searched.submitted).not.toContain(c);

    expect(await foldCountyInbox(h.db)).toBe(3);
    expect(await h.db.countyInbox.count()).toBe(0);
    expect(await h.db.issueStates.get(a!)).toMatchObject({ status: 'responded' });
    expect(await shown(h, ids)).toEqual(waiting);
    expect({ assigned: await searchIds(h, 'assigned'), responded: await searchIds(h, 'responded'), submitted: await searchIds(h, 'submitted') }).toEqual(searched);
  });

  it('stores updates in rows of at most one page and folds them all once, whoever folds', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    const issueId = h.lists[0]!.issueIds[0]!;
    const count = INBOX_ROW_UPDATES * 2 + 17;
    const updates = Array.from({ length: count }, (_, i): StatusUpdate => ({ seq: i + 1, issueId, listId: h.lists[0]!.id, type: i % 2 === 0 ? 'reopened' : 'responded', at }));
    await receiveCountyUpdates(h.db, updates, count);
    expect(await h.db.countyInbox.count()).toBe(3);
    // Two folds at once (the background one and another window's): each update lands once.
    scheduleCountyFold(h.db);
    const [mine] = await Promise.all([foldCountyInbox(h.db), countyFoldIdle(h.db)]);
    await countyFoldIdle(h.db);
    expect(mine).toBeLessThanOrEqual(count);
    expect((await h.db.issueStates.get(issueId))!.county.map((u) => u.seq)).toEqual(updates.map((u) => u.seq));
    expect(await h.db.countyInbox.count()).toBe(0);
    // The same page again (a resend) changes nothing once folded.
    await receiveCountyUpdates(h.db, updates, count);
    expect(await foldCountyInbox(h.db)).toBe(0);
    expect((await countyHistory(h.db, issueId))).toHaveLength(count);
  });

  it('an edit while updates wait keeps the county’s status and history; the fold adds nothing twice', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    const [issueId] = h.lists[0]!.issueIds;
    await receiveCountyUpdates(h.db, [{ seq: 1, issueId: issueId!, listId: h.lists[0]!.id, type: 'assigned', department: '县住建局', at }], 1);
    const receptionId = (await h.db.issues.get(issueId!))!.receptionId;
    const existing = (await getReception(h.db, receptionId))!;
    await updateReception(h.db, receptionId, {
      ...existing.reception,
      issues: existing.issues.map((i) => (i.id === issueId ? { ...i, request: '尽快修复并加装护栏' } : i)),
    });
    expect(await h.db.issueStates.get(issueId!)).toMatchObject({ status: 'assigned', sealState: 'amended' });
    expect(await foldCountyInbox(h.db)).toBe(0);
    expect((await countyHistory(h.db, issueId!)).map((u) => u.department)).toEqual(['县住建局']);
    expect((await issueDetail(h.db, issueId!))!.issue.status).toBe('assigned');
  });

  it('sealing a correction while county updates wait: the status shows throughout and the fold lands on the sealed row', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    const [issueId] = h.lists[0]!.issueIds;
    const receptionId = (await h.db.issues.get(issueId!))!.receptionId;
    const existing = (await getReception(h.db, receptionId))!;
    await updateReception(h.db, receptionId, {
      ...existing.reception,
      issues: existing.issues.map((i) => (i.id === issueId ? { ...i, request: '尽快修复并加装护栏' } : i)),
    });
    await receiveCountyUpdates(h.db, [{ seq: 1, issueId: issueId!, listId: h.lists[0]!.id, type: 'assigned', department: '县住建局', at }], 1);
    const [amendment] = await sealNow(h.db);
    expect(amendment!.payload.issues.map((e) => e.amendsIssueId)).toEqual([issueId]);
    expect((await issueDetail(h.db, issueId!))!.issue.status).toBe('assigned');
    expect(await foldCountyInbox(h.db)).toBe(1);
    expect(await h.db.issueStates.get(issueId!)).toMatchObject({ status: 'assigned', sealState: 'sealed', listId: h.lists[0]!.id });
    expect((await countyHistory(h.db, issueId!)).map((u) => u.department)).toEqual(['县住建局']);
  });

  it('a pull stores pages and the engine folds them right after; rows left by a closed app are folded on the next run', async () => {
    const h = await harness(2);
    await h.engine.runOnce();
    const ids = h.lists.flatMap((l) => l.issueIds.map((issueId) => ({ issueId, listId: l.id })));
    for (const { issueId, listId } of ids) h.county.addUpdate({ issueId, listId, type: 'assigned', department: '县发改局' });
    await h.engine.runOnce(true);
    await countyFoldIdle(h.db);
    expect(await h.db.countyInbox.count()).toBe(0);
    expect((await h.db.issueStates.bulkGet(ids.map((i) => i.issueId))).map((s) => s?.status)).toEqual(ids.map(() => 'assigned'));
    // The app closes with a page stored but not folded; the next start folds it.
    await receiveCountyUpdates(h.db, [{ seq: 99, issueId: ids[0]!.issueId, listId: ids[0]!.listId, type: 'closed', at }], 99);
    scheduleCountyFold(h.db);
    await countyFoldIdle(h.db);
    expect(await h.db.issueStates.get(ids[0]!.issueId)).toMatchObject({ status: 'closed' });
    expect(await h.db.countyInbox.count()).toBe(0);
  });
});
