/**
 * One list must never stop the others: a county that keeps failing on one list (500 to
 * any request carrying it, or a `storeFailed` receipt) gets the other lists anyway; the
 * failing list backs off on its own clock and, after MAX_ITEM_SERVER_FAILURES, is set
 * aside as needing attention. And a list sealed with refused characters is sent without them.
 */
import { describe, expect, it } from 'vitest';
import { requeue } from '../../../renderer/src/db/repositories/outbox';
import { getSyncState } from '../../../renderer/src/db/repositories/syncState';
import { MAX_ITEM_SERVER_FAILURES } from '../../../renderer/src/sync/push';
import { findUnsafeText } from '../../../shared/protocol/index';
import { harness } from './harness';

type H = Awaited<ReturnType<typeof harness>>;
const listStates = async (h: H) => Promise.all(h.lists.map(async (l) => (await h.db.issueLists.get(l.id))?.state));
const outboxOf = async (h: H, listId: string) => (await h.db.outbox.where('itemId').equals(listId).first())!;

describe.each([
  { how: '500 to any request carrying it', fail: (h: H, id: string) => h.county.failOnIds.add(id) },
  { how: 'a storeFailed receipt', fail: (h: H, id: string) => h.county.storeFailIds.add(id) },
])('a county failing on one list: $how', ({ fail }) => {
  it('stores the lists around it, backs it off alone, and sets it aside after the bound', async () => {
    const h = await harness(3);
    const bad = h.lists[1]!;
    fail(h, bad.id);

    await h.engine.runOnce();
    expect(await listStates(h)).toEqual(['acknowledged', 'sealed', 'acknowledged']);
    expect([...h.county.stored.keys()].sort()).toEqual([h.lists[0]!.id, h.lists[2]!.id].sort());
    const first = await outboxOf(h, bad.id);
    expect(first).toMatchObject({ state: 'pending', serverFailures: 1 });
    expect(first.nextAttemptAt).toBeGreaterThan(h.clock.now);
    expect(first.lastError).toMatch(/稍后自动重试/);
    const state = await getSyncState(h.db);
    // The county did fail, so the round says so; but lists went through: there was a sync.
    expect(state.status).toBe('retrying');
    expect(state.lastSyncAt).not.toBeNull();

    const pushesBefore = h.county.pushRequests().length;
    h.clock.now = Math.max(first.nextAttemptAt, (await getSyncState(h.db)).nextAttemptAt) + 1;
    for (let i = 2; i <= MAX_ITEM_SERVER_FAILURES; i += 1) {
      await h.engine.runOnce(true);
      const item = await outboxOf(h, bad.id);
      expect(item.serverFailures).toBe(i);
      h.clock.now = Math.max(item.nextAttemptAt, (await getSyncState(h.db)).nextAttemptAt) + 1;
    }
    // Each later try carried the failing list alone: the others were not sent again.
    const later = h.county.pushRequests().slice(pushesBefore).map((r) => (JSON.parse(r.body!) as { items: { id: string }[] }).items.map((i) => i.id));
    expect(later).toEqual(Array.from({ length: MAX_ITEM_SERVER_FAILURES - 1 }, () => [bad.id]));
    const setAside = await h.db.issueLists.get(bad.id);
    expect(setAside).toMatchObject({ state: 'rejected' });
    expect(setAside?.problem).toMatch(/^需要处理：县里的系统连续 5 次没能保存这份清单/);
    expect(setAside?.problem).toMatch(/重新报送/);

    // Set aside, it no longer holds up anything: the next round is clean.
    await h.engine.runOnce(true);
    expect(await getSyncState(h.db)).toMatchObject({ status: 'synced', message: '' });

    // Once the county is fixed, 重新报送 starts it afresh and it goes through.
    h.county.failOnIds.clear();
    h.county.storeFailIds.clear();
    await requeue(h.db, bad.id);
    expect(await outboxOf(h, bad.id)).toMatchObject({ state: 'pending', serverFailures: 0 });
    await h.engine.runOnce(true);
    expect(await listStates(h)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
  });
});

it('a whole-county 503 is not charged to any list', async () => {
  const h = await harness(2);
  h.county.pushFaults = [{ kind: 'status', status: 503, retryAfter: '1' }];
  await h.engine.runOnce();
  for (const l of h.lists) expect((await outboxOf(h, l.id)).serverFailures ?? 0).toBe(0);
  expect((await getSyncState(h.db)).status).toBe('retrying');
});

it('sends a list sealed with a NUL and a broken surrogate without them', async () => {
  const h = await harness(1);
  const list = h.lists[0]!;
  const row = (await h.db.issueListPayloads.get(list.id))!;
  const issues = row.payload.issues.map((i, n) => (n === 0 ? { ...i, summary: `${i.summary}\u0000`, request: `\ud800${i.request}` } : i));
  await h.db.issueListPayloads.put({ ...row, payload: { ...row.payload, issues } });

  await h.engine.runOnce();
  expect(await listStates(h)).toEqual(['acknowledged']);
  const stored = h.county.stored.get(list.id)!.payload as typeof row.payload;
  expect(findUnsafeText(stored)).toBeNull();
  expect(stored.issues[0]!.summary).toBe(row.payload.issues[0]!.summary);
  expect(stored.issues[0]!.request).toBe(row.payload.issues[0]!.request);
});
