/**
 * Push pipelining: two batches on the wire at once, answers handled strictly in order,
 * and what happens to the second batch when the first one fails.
 */
import { describe, expect, it } from 'vitest';
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import { duePending } from '../../../renderer/src/db/repositories/outbox';
import { pushEntries, type PushContext } from '../../../renderer/src/sync/push';
import { harness, type Harness } from './harness';

/** A transport that holds each push until released, to see how many are on the wire. */
function gated(h: Harness) {
  const waiting: { request: CountyRequest; release: () => void }[] = [];
  let onWire = 0;
  let most = 0;
  const send = async (request: CountyRequest): Promise<CountyResponse> => {
    onWire += 1;
    most = Math.max(most, onWire);
    await new Promise<void>((release) => waiting.push({ request, release }));
    onWire -= 1;
    return h.county.send(request);
  };
  return { send, waiting, most: () => most };
}

const ctx = (h: Harness, send: PushContext['send']): PushContext => ({
  db: h.db,
  send,
  stationId: h.county.stationId,
  timeoutMs: 1000,
  now: () => h.clock.now,
  // One list per request.
  maxBatchBytes: 1,
});

const settle = () => new Promise((r) => setTimeout(r, 20));
/** Waits (up to 5 s) until `ready` holds: preparing a batch reads and hashes payloads first. */
async function until(ready: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 5000; !ready(); await settle()) if (Date.now() > deadline) throw new Error('condition not reached in 5 s');
}
const listIdsOf = (request: CountyRequest) => (JSON.parse(request.body!) as { items: { id: string }[] }).items.map((i) => i.id);

describe('push pipelining', () => {
  it('keeps two batches on the wire, oldest first, and acknowledges each with its own receipt', async () => {
    const h = await harness(4);
    const wire = gated(h);
    const done = pushEntries(ctx(h, wire.send), await duePending(h.db, Infinity));
    await until(() => wire.waiting.length === 2);
    await settle();
    expect(wire.waiting.map((w) => listIdsOf(w.request))).toEqual([[h.lists[0]!.id], [h.lists[1]!.id]]);
    // Answering the first lets the third leave while the second is still out.
    wire.waiting[0]!.release();
    await until(() => wire.waiting.length === 3);
    expect(wire.waiting.map((w) => listIdsOf(w.request)[0])).toEqual(h.lists.slice(0, 3).map((l) => l.id));
    for (let i = 1; i < 4; i++) {
      wire.waiting[i]!.release();
      await settle();
    }
    expect(await done).toBeNull();
    expect(wire.most()).toBe(2);
    expect((await h.db.outbox.toArray()).every((o) => o.state === 'acknowledged')).toBe(true);
    expect([...h.county.stored.keys()].sort()).toEqual(h.lists.map((l) => l.id).sort());
  });

  it('sends the first batch after reading only the payloads it needs; the rest are read while batches are on the wire', async () => {
    const h = await harness(12);
    const read: string[] = [];
    const bulkGet = h.db.issueListPayloads.bulkGet.bind(h.db.issueListPayloads);
    h.db.issueListPayloads.bulkGet = ((keys: string[]) => {
      read.push(...keys);
      return bulkGet(keys);
    });
    const wire = gated(h);
    const done = pushEntries(ctx(h, wire.send), await duePending(h.db, Infinity));
    await until(() => wire.waiting.length === 2);
    await settle();
    expect(wire.waiting).toHaveLength(2);
    expect(read.length).toBeLessThan(12);
    // Releasing an answered request again does nothing.
    for (let i = 0; i < 12; i++) {
      wire.waiting.forEach((w) => w.release());
      await settle();
    }
    expect(await done).toBeNull();
    expect(read.sort()).toEqual(h.lists.map((l) => l.id).sort());
    expect([...h.county.stored.keys()].sort()).toEqual(h.lists.map((l) => l.id).sort());
  });

  it('when the first batch fails, the second one the county stored is still acknowledged and nothing more is sent', async () => {
    const h = await harness(3);
    const wire = gated(h);
    h.county.pushFaults = [{ kind: 'status', status: 503, retryAfter: '5' }];
    const done = pushEntries(ctx(h, wire.send), await duePending(h.db, Infinity));
    await until(() => wire.waiting.length === 2);
    await settle();
    expect(wire.waiting).toHaveLength(2);
    wire.waiting[0]!.release();
    wire.waiting[1]!.release();
    const failure = await done;
    expect(failure?.outcome.kind).toBe('retry');
    expect(failure?.inFlight).toHaveLength(1);
    const byList = new Map((await h.db.outbox.toArray()).map((o) => [o.itemId, o.state]));
    expect([h.lists.map((l) => byList.get(l.id))]).toEqual([['sending', 'acknowledged', 'pending']]);
    expect(wire.waiting).toHaveLength(2);
  });

  it('when the first batch fails and the second is lost too, both wait to be sent again', async () => {
    const h = await harness(2);
    const wire = gated(h);
    h.county.pushFaults = [{ kind: 'network', reason: 'timeout' }, { kind: 'network', reason: 'timeout' }];
    const done = pushEntries(ctx(h, wire.send), await duePending(h.db, Infinity));
    await until(() => wire.waiting.length === 2);
    wire.waiting.forEach((w) => w.release());
    const failure = await done;
    expect(failure?.outcome.kind).toBe('retry');
    expect(failure?.inFlight.sort()).toEqual((await h.db.outbox.toArray()).map((o) => o.id).sort());
    expect(h.county.stored.size).toBe(0);
  });
});
