import { describe, expect, it } from 'vitest';
import { readStates, stateTables } from '../../../renderer/src/db/issueStates';
import { markSending } from '../../../renderer/src/db/repositories/outbox';
import { getSyncState } from '../../../renderer/src/db/repositories/syncState';
import { REQUEST_ERROR_MESSAGES } from '../../../shared/protocol/index';
import { harness } from './harness';

const states = async (h: Awaited<ReturnType<typeof harness>>) =>
  (await h.db.outbox.toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((o) => o.state);

describe('outbox state machine', () => {
  it('sends lists oldest first in one request and acknowledges them only with their receipts', async () => {
    const h = await harness(3);
    await h.engine.runOnce();
    const pushes = h.county.pushRequests();
    expect(pushes).toHaveLength(1);
    const sentIds = (JSON.parse(pushes[0]!.body!) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(sentIds).toEqual(h.lists.map((l) => l.id));
    expect(await states(h)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
    const first = await h.db.issueLists.get(h.lists[0]!.id);
    expect(first).toMatchObject({ state: 'acknowledged', countyRef: 'JH-2026-000001' });
    expect(await h.db.receipts.get(h.lists[0]!.id)).toMatchObject({ outcome: 'accepted', countyRef: 'JH-2026-000001' });
    // The issues read as submitted with the list's reference; their rows were not rewritten.
    const issues = await h.db.transaction('r', stateTables(h.db), () => readStates(h.db, h.lists[0]!.issueIds));
    expect(issues.map((i) => i?.status)).toEqual(['submitted', 'resolvedOnSpot']);
    expect(issues.every((i) => i?.countyRef === 'JH-2026-000001')).toBe(true);
    expect((await h.db.issueStates.bulkGet(h.lists[0]!.issueIds)).map((i) => [i?.status, i?.countyRef])).toEqual([
      ['recorded', null],
      ['resolvedOnSpot', null],
    ]);
    expect(await getSyncState(h.db)).toMatchObject({ status: 'synced', message: '' });
  });

  it('a crash after marking sending: the restarted engine resends, the county stores once', async () => {
    const h = await harness(2);
    const outbox = await h.db.outbox.toArray();
    await markSending(h.db, outbox.map((o) => o.id));
    // The app dies here, before any request. On the next start:
    const engine = h.restart();
    await engine.start();
    engine.stop();
    expect(await states(h)).toEqual(['pending', 'pending']);
    await engine.runOnce();
    expect(await states(h)).toEqual(['acknowledged', 'acknowledged']);
    expect(h.county.stored.size).toBe(2);
  });

  it('a crash after the county committed: the resend gets a duplicate receipt with the original reference', async () => {
    const h = await harness(2);
    h.county.pushFaults = [{ kind: 'commitThenDrop' }];
    await h.engine.runOnce();
    expect(h.county.stored.size).toBe(2);
    expect(await states(h)).toEqual(['pending', 'pending']);
    expect((await getSyncState(h.db)).status).toBe('offline');
    await h.engine.runOnce(true);
    expect(await states(h)).toEqual(['acknowledged', 'acknowledged']);
    expect(await h.db.receipts.get(h.lists[0]!.id)).toMatchObject({ outcome: 'duplicate', countyRef: 'JH-2026-000001' });
    expect(h.county.stored.size).toBe(2);
  });

  it('a conflict or a rejection is set aside with a Chinese message while the other lists flow', async () => {
    const h = await harness(3);
    h.county.stored.set(h.lists[0]!.id, { hash: '0'.repeat(64), countyRef: 'JH-2026-000099', receivedAt: '2026-03-01T10:00:00+08:00', payload: {} });
    h.county.rejectIds.add(h.lists[1]!.id);
    await h.engine.runOnce();
    expect(await states(h)).toEqual(['conflict', 'rejected', 'acknowledged']);
    const [conflict, rejected] = await Promise.all([h.db.issueLists.get(h.lists[0]!.id), h.db.issueLists.get(h.lists[1]!.id)]);
    expect(conflict).toMatchObject({ state: 'conflict', countyRef: null });
    expect(conflict!.problem).toMatch(/内容不同/);
    expect(rejected!.problem).toMatch(/拒收/);
    // set-aside lists are not sent again by later rounds
    await h.engine.runOnce(true);
    expect(h.county.pushRequests()).toHaveLength(1);
  });

  it('401 stops syncing until the token changes', async () => {
    const h = await harness(1);
    h.county.faults = [{ kind: 'status', status: 401, body: '{"error":{"code":"unauthorized","message":"no"}}' }];
    await h.engine.runOnce();
    expect(await getSyncState(h.db)).toMatchObject({ status: 'tokenRejected', message: REQUEST_ERROR_MESSAGES.unauthorized, rejectedToken: '••••abcd' });
    const before = h.county.requests.length;
    h.clock.now += 3_600_000;
    await h.engine.runOnce();
    expect(h.county.requests.length).toBe(before);
    h.token.value = '••••ef01';
    await h.engine.runOnce();
    expect(await states(h)).toEqual(['acknowledged']);
    expect((await getSyncState(h.db)).status).toBe('synced');
  });

  it('403 on the push returns the batch to pending without counting an attempt', async () => {
    const h = await harness(1);
    h.county.pushFaults = [{ kind: 'status', status: 403, body: '{"error":{"code":"forbidden","message":"no"}}' }];
    await h.engine.runOnce();
    const [item] = await h.db.outbox.toArray();
    expect(item).toMatchObject({ state: 'pending', attempts: 0, lastError: REQUEST_ERROR_MESSAGES.forbidden });
    expect((await getSyncState(h.db)).status).toBe('tokenRejected');
  });

  it('413 splits the batch until every list fits; a list too big alone is set aside', async () => {
    const probe = await harness(1);
    await probe.engine.runOnce();
    const oneList = Buffer.byteLength(probe.county.pushRequests()[0]!.body!);
    const h = await harness(4);
    // The county takes at most two lists per request.
    h.county.maxBytes = oneList * 2 + 200;
    await h.engine.runOnce();
    expect(await states(h)).toEqual(['acknowledged', 'acknowledged', 'acknowledged', 'acknowledged']);
    const sizes = h.county.pushRequests().map((r) => (JSON.parse(r.body!) as { items: unknown[] }).items.length);
    expect(sizes).toEqual([4, 2, 2]);
    const alone = await harness(1);
    alone.county.maxBytes = 100;
    await alone.engine.runOnce();
    const [item] = await alone.db.outbox.toArray();
    expect(item!.state).toBe('rejected');
    expect(item!.lastError).toMatch(/超过县里允许的大小/);
  });

  it('honours Retry-After on 503 and backs off exponentially with jitter on repeated failures', async () => {
    const h = await harness(1, { random: () => 0.5 });
    h.county.faults = [{ kind: 'status', status: 503, retryAfter: '120', body: '{"error":{"code":"overloaded","message":"busy"}}' }];
    const t0 = h.clock.now;
    await h.engine.runOnce();
    let state = await getSyncState(h.db);
    expect(state).toMatchObject({ status: 'retrying', consecutiveFailures: 1, message: REQUEST_ERROR_MESSAGES.overloaded });
    expect(state.nextAttemptAt).toBe(t0 + 120_000);
    const requests = h.county.requests.length;
    h.clock.now = t0 + 119_000;
    await h.engine.runOnce();
    expect(h.county.requests.length).toBe(requests);
    // Failures keep coming: the wait doubles (jitter 0.5 of 2 s·2^n) up to the cap.
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      h.clock.now = (await getSyncState(h.db)).nextAttemptAt;
      h.county.faults = [{ kind: 'status', status: 500 }];
      await h.engine.runOnce();
      state = await getSyncState(h.db);
      waits.push(state.nextAttemptAt - h.clock.now);
    }
    expect(waits.slice(0, 4)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(Math.max(...waits)).toBe(150_000);
    h.clock.now = state.nextAttemptAt;
    await h.engine.runOnce();
    expect(await states(h)).toEqual(['acknowledged']);
    expect((await getSyncState(h.db)).consecutiveFailures).toBe(0);
  });

  it('a malformed answer is retried later, never a crash', async () => {
    const h = await harness(1);
    h.county.pushFaults = [{ kind: 'status', status: 200, body: '<html>proxy</html>' }];
    await h.engine.runOnce();
    const [item] = await h.db.outbox.toArray();
    expect(item).toMatchObject({ state: 'pending', attempts: 1 });
    expect(item!.lastError).toMatch(/无法识别/);
    expect((await getSyncState(h.db)).status).toBe('retrying');
    h.county.pushFaults = [{ kind: 'malformed' }];
    await h.engine.runOnce(true);
    expect((await h.db.outbox.toArray())[0]).toMatchObject({ state: 'pending', attempts: 2 });
    await h.engine.runOnce(true);
    expect((await h.db.outbox.toArray())[0]!.state).toBe('acknowledged');
  });

  it('unreachable endpoint means offline; a token of another station is refused before pushing', async () => {
    const h = await harness(1);
    h.county.faults = [{ kind: 'network', reason: 'unreachable' }];
    await h.engine.runOnce();
    expect((await getSyncState(h.db)).status).toBe('offline');
    h.county.stationId = 'another-station-0001';
    await h.engine.runOnce(true);
    expect(await getSyncState(h.db)).toMatchObject({ status: 'tokenRejected' });
    expect((await getSyncState(h.db)).message).toMatch(/另一个联络站/);
    expect(h.county.pushRequests()).toHaveLength(0);
  });
});
