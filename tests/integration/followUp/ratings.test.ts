/**
 * Ratings close the loop: recorded offline with their outbox entry in one transaction,
 * pushed after the list that carried the issue, and stored once at the county even when
 * the connection drops after the county stored one.
 */
import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../../../shared/domain/calendars/cn2026';
import { auditFor } from '../../../renderer/src/db/repositories/audit';
import { applyCountyUpdates } from '../../../renderer/src/db/repositories/countyStatus';
import { FollowUpStateError, issueFollowUp, recordHandBack, recordRating } from '../../../renderer/src/db/repositories/followUp';
import { ValidationError } from '../../../renderer/src/db/repositories/receptions';
import { todoSummary } from '../../../renderer/src/db/repositories/todo';
import { harness, type Harness } from '../sync/harness';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { sampleReception } from '../../fixtures/db';

const NOW = new Date('2026-03-05T10:00:00+08:00');

async function answered(h: Harness): Promise<string> {
  await h.engine.runOnce();
  const issueId = h.lists[0]!.issueIds[0]!;
  const listId = h.lists[0]!.id;
  await applyCountyUpdates(h.db, [
    { seq: 1, issueId, listId, type: 'assigned', department: '县住建局', deadline: '2026-03-09T09:00:00.000Z', at: '2026-03-05T09:30:00+08:00' },
    { seq: 2, issueId, listId, type: 'responded', response: '已安排施工单位错峰作业。', at: '2026-03-06T09:30:00+08:00' },
  ], 2);
  return issueId;
}

const rating = (issueId: string, over: Partial<Parameters<typeof recordRating>[1]> = {}) => ({
  issueId,
  rating: 'satisfied' as const,
  ratedBy: '王建国',
  ratedAt: '2026-03-07T10:00:00+08:00',
  note: '',
  reason: '',
  ...over,
});

describe('ratings', () => {
  it('an answer waits for hand-back, then for the rating; 待办 reads both from the index', async () => {
    const h = await harness(1);
    const issueId = await answered(h);
    let todo = await todoSummary(h.db, NOW, CN_2026_CALENDAR);
    expect(todo.handBack.items.map((i) => i.id)).toEqual([issueId]);
    expect(todo.rate.count).toBe(0);
    expect(todo.deadlines.count).toBe(0);

    await recordHandBack(h.db, { issueId, method: 'phone', at: '2026-03-06T15:00:00+08:00', deputyName: '李红', note: '' });
    todo = await todoSummary(h.db, NOW, CN_2026_CALENDAR);
    expect(todo.handBack.count).toBe(0);
    expect(todo.rate.items.map((i) => i.id)).toEqual([issueId]);

    await recordRating(h.db, rating(issueId, { rating: 'basicallySatisfied' }));
    todo = await todoSummary(h.db, NOW, CN_2026_CALENDAR);
    expect(todo.rate.count).toBe(0);
    expect((await auditFor(h.db, 'issue', issueId)).map((a) => a.action)).toEqual(['issue.handBack', 'issue.rating']);
  });

  it('不满意 needs a reason; the rating and its outbox entry are written together', async () => {
    const h = await harness(1);
    const issueId = await answered(h);
    await expect(recordRating(h.db, rating(issueId, { rating: 'unsatisfied' }))).rejects.toBeInstanceOf(ValidationError);
    expect(await h.db.ratings.count()).toBe(0);
    const row = await recordRating(h.db, rating(issueId, { rating: 'unsatisfied', reason: '夜间仍有施工噪音' }));
    const item = await h.db.outbox.where('itemId').equals(row.id).first();
    expect(item).toMatchObject({ kind: 'satisfaction', state: 'pending' });
    expect(row.countyNote).toContain('请求持续督办');
  });

  it('a rating can only follow an answer or a result', async () => {
    const h = await harness(1);
    await h.engine.runOnce();
    await expect(recordRating(h.db, rating(h.lists[0]!.issueIds[0]!))).rejects.toBeInstanceOf(FollowUpStateError);
  });

  it('stored once at the county when the connection drops after the county stored it', async () => {
    const h = await harness(1);
    const issueId = await answered(h);
    const row = await recordRating(h.db, rating(issueId, { rating: 'unsatisfied', reason: '夜间仍有施工噪音' }));
    h.county.pushFaults.push({ kind: 'commitThenDrop' });
    await h.engine.runOnce(true);
    expect(h.county.stored.has(row.id)).toBe(true);
    expect((await h.db.outbox.where('itemId').equals(row.id).first())!.state).toBe('pending');

    await h.engine.runOnce(true);
    const sent = h.county.pushRequests().filter((r) => (r.body ?? '').includes('"satisfaction"'));
    expect(sent).toHaveLength(2);
    expect([...h.county.stored.values()].filter((s) => (s.payload as { rating?: string }).rating)).toHaveLength(1);
    expect((await h.db.outbox.where('itemId').equals(row.id).first())!.state).toBe('acknowledged');
    expect(await h.db.receipts.get(row.id)).toMatchObject({ kind: 'satisfaction', outcome: 'duplicate' });

    // Nothing is sent again.
    await h.engine.runOnce(true);
    expect(h.county.pushRequests().filter((r) => (r.body ?? '').includes('"satisfaction"'))).toHaveLength(2);
  });

  it('waits until the county has the issue; a later rating corrects and names the earlier one', async () => {
    const h = await harness(1);
    const issueId = h.lists[0]!.issueIds[0]!;
    // Answered while the list was still on its way (the county's updates came in first).
    await applyCountyUpdates(h.db, [{ seq: 1, issueId, listId: h.lists[0]!.id, type: 'responded', response: '已处理。', at: '2026-03-06T09:30:00+08:00' }], 1);
    const first = await recordRating(h.db, rating(issueId, { rating: 'unsatisfied', reason: '未解决' }));
    const second = await recordRating(h.db, rating(issueId, { ratedAt: '2026-03-08T10:00:00+08:00' }));
    expect(second.supersedes).toBe(first.id);
    await h.engine.runOnce(true);
    const ratings = [...h.county.stored.values()].flatMap((s) => ((s.payload as { rating?: string }).rating ? [(s.payload as { rating: string }).rating] : []));
    expect(ratings).toEqual(['unsatisfied', 'satisfied']);
    const lists = h.county.pushRequests().map((r) => (r.body ?? '').includes('"issueList"'));
    expect(lists[0]).toBe(true);
    expect((await issueFollowUp(h.db, issueId)).ratings.map((r) => [r.rating, r.delivery])).toEqual([
      ['unsatisfied', 'acknowledged'],
      ['satisfied', 'acknowledged'],
    ]);
  });
});

describe('the station’s own follow-up (联络站协调)', () => {
  it('progress, a result, then the visitor’s rating closes it at the station; 不满意 sends it back to work', async () => {
    const { recordProgress } = await import('../../../renderer/src/db/repositories/followUp');
    const h = await harness(0);
    const deputyIds = (await h.db.deputies.toArray()).map((d) => d.id);
    await createReception(h.db, sampleReception(deputyIds), { dutyDayId: null });
    await sealNow(h.db, new Date(2026, 2, 1, 18));
    await h.engine.runOnce();
    const issueId = (await h.db.issues.toArray()).find((i) => i.handling === 'stationFollowUp')!.id;
    const later = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    expect((await todoSummary(h.db, later, CN_2026_CALENDAR)).staleFollowUp.items.map((i) => i.id)).toEqual([issueId]);
    await recordProgress(h.db, { issueId, kind: 'progress', at: '2026-03-06T10:00:00+08:00', by: '李红', text: '已联系园区物业' });
    expect((await todoSummary(h.db, new Date(), CN_2026_CALENDAR)).staleFollowUp.count).toBe(0);
    await recordProgress(h.db, { issueId, kind: 'result', at: '2026-03-08T10:00:00+08:00', by: '李红', text: '路灯已修复' });
    expect((await todoSummary(h.db, new Date(), CN_2026_CALENDAR)).rate.items.map((i) => i.id)).toEqual([issueId]);
    await recordRating(h.db, rating(issueId, { rating: 'unsatisfied', reason: '只修了一半' }));
    expect(await h.db.issueStates.get(issueId)).toMatchObject({ status: 'recorded', track: { resultAt: null } });
    await recordProgress(h.db, { issueId, kind: 'result', at: '2026-03-09T10:00:00+08:00', by: '李红', text: '全部修复' });
    await recordRating(h.db, rating(issueId));
    const state = await h.db.issueStates.get(issueId);
    expect(state).toMatchObject({ status: 'closed' });
    expect(state!.todo).toBeUndefined();
    expect(state!.followUpAt).toBeUndefined();
    await h.engine.runOnce(true);
    expect([...h.county.stored.values()].filter((s) => (s.payload as { issueId?: string }).issueId === issueId)).toHaveLength(2);
  });

  it('a rating made before its issue’s list reached the county says it waits for the list, then goes with it', async () => {
    const { recordProgress } = await import('../../../renderer/src/db/repositories/followUp');
    const h = await harness(0);
    const deputyIds = (await h.db.deputies.toArray()).map((d) => d.id);
    await createReception(h.db, sampleReception(deputyIds), { dutyDayId: null });
    const issueId = (await h.db.issues.toArray()).find((i) => i.handling === 'stationFollowUp')!.id;
    await recordProgress(h.db, { issueId, kind: 'result', at: '2026-03-02T10:00:00+08:00', by: '李红', text: '当天协调解决' });
    await recordRating(h.db, rating(issueId));
    expect((await issueFollowUp(h.db, issueId)).ratings.map((r) => r.delivery)).toEqual(['waitingForList']);
    await h.engine.runOnce();
    expect((await issueFollowUp(h.db, issueId)).ratings.map((r) => r.delivery)).toEqual(['waitingForList']);
    await sealNow(h.db, new Date(2026, 2, 2, 18));
    await h.engine.runOnce(true);
    await h.engine.runOnce(true);
    expect((await issueFollowUp(h.db, issueId)).ratings.map((r) => r.delivery)).toEqual(['acknowledged']);
  });
});
