/**
 * The county's list of held lists crosses a trust boundary: whatever it holds (lists the
 * station has, with the same or another hash, lists only the county has, in any year and
 * any page size), reconciling raises each year's counter to the highest number either side
 * knows, acknowledges exactly the lists held with the same content, records exactly the
 * county-only ones and clears the mark; a malformed page changes nothing.
 */
import 'fake-indexeddb/auto';
import '../../fixtures/nodeBrowserGlobals';
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import { canonicalJson, sanitizeJson, type HeldList } from '../../../shared/protocol/index';
import { harness } from './harness';
import { markNeedsReconcile } from '../../../renderer/src/db/repositories/reconcile';
import { getSyncState } from '../../../renderer/src/db/repositories/syncState';
import { reconcileWithCounty } from '../../../renderer/src/sync/reconcile';

const hashOf = (payload: unknown) => createHash('sha256').update(canonicalJson(sanitizeJson(payload))).digest('hex');
const otherHash = 'f'.repeat(64);

/** Serves `held` sorted by id, `pageSize` a page, like GET /v1/lists; page `badPage` (if any) is garbage. */
function countyServing(held: HeldList[], pageSize: number, badPage: number | null, garbage: string) {
  const sorted = [...held].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let page = 0;
  return async (request: CountyRequest): Promise<CountyResponse> => {
    const after = /after=([A-Za-z0-9_-]+)/.exec(request.path)?.[1] ?? null;
    const rest = sorted.filter((l) => after === null || l.id > after);
    const lists = rest.slice(0, pageSize);
    const body = page === badPage ? garbage : JSON.stringify({ protocolVersion: 1, lists, cursor: lists.at(-1)?.id ?? after, hasMore: rest.length > pageSize });
    page += 1;
    return { kind: 'response', status: 200, retryAfter: null, body };
  };
}

describe('reconciling with whatever the county holds', () => {
  it('counters, receipts and county-only lists follow the county’s answer; a bad page changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          // For each of the 3 local lists: not at the county, held with the same content, or with another.
          local: fc.array(fc.constantFrom('absent', 'same', 'other'), { minLength: 3, maxLength: 3 }),
          countyOnly: fc.array(fc.record({ year: fc.integer({ min: 2025, max: 2027 }), seq: fc.integer({ min: 1, max: 60 }) }), { maxLength: 8 }),
          pageSize: fc.integer({ min: 1, max: 5 }),
          bad: fc.option(fc.record({ page: fc.integer({ min: 0, max: 3 }), body: fc.oneof(fc.string(), fc.json(), fc.constant('{"protocolVersion":1,"lists":[{"id":"x"}],"cursor":null,"hasMore":false}')) }), { nil: null }),
        }),
        async ({ local, countyOnly, pageSize, bad }) => {
          const h = await harness(3);
          await markNeedsReconcile(h.db);
          const station = h.lists[0]!.stationId;
          const held: HeldList[] = [];
          local.forEach((kind, i) => {
            const list = h.lists[i]!;
            if (kind === 'absent') return;
            held.push({ id: list.id, listNumber: { year: list.year, seq: list.seq }, contentHash: kind === 'same' ? hashOf(list.payload) : otherHash, countyRef: `JH-2026-00000${i + 1}`, receivedAt: '2026-03-06T02:00:00.000Z' });
          });
          const only = countyOnly.map((n, i) => ({ id: `${randomUUID()}`, listNumber: n, contentHash: otherHash, countyRef: `JH-${n.year}-1000${i}`, receivedAt: '2026-03-07T02:00:00.000Z' }));
          held.push(...only);
          const pages = Math.max(1, Math.ceil(held.length / pageSize));
          const badPage = bad && bad.page < pages ? bad.page : null;
          const countersBefore = await h.db.counters.toArray();

          const result = await reconcileWithCounty({ db: h.db, send: countyServing(held, pageSize, badPage, bad?.body ?? ''), stationId: station, timeoutMs: 1000, now: () => h.clock.now });
          const state = await getSyncState(h.db);
          const outbox = await h.db.outbox.toArray();
          if (badPage !== null) {
            expect('kind' in result).toBe(true);
            expect(state.needsReconcile).toBe(true);
            expect(await h.db.counters.toArray()).toEqual(countersBefore);
            expect(outbox.every((o) => o.state === 'pending')).toBe(true);
            h.db.close();
            return;
          }
          expect('kind' in result).toBe(false);
          expect(state.needsReconcile).toBe(false);
          const years = new Set([2026, ...countyOnly.map((n) => n.year)]);
          for (const year of years) {
            const localLast = year === 2026 ? 3 : 0;
            const countyLast = Math.max(0, ...countyOnly.filter((n) => n.year === year).map((n) => n.seq), ...(year === 2026 ? local.map((k, i) => (k === 'absent' ? 0 : i + 1)) : []));
            expect((await h.db.counters.get(`${station}:${year}`))?.last ?? 0).toBe(Math.max(localLast, countyLast));
          }
          for (const [i, kind] of local.entries()) {
            const list = (await h.db.issueLists.get(h.lists[i]!.id))!;
            const item = outbox.find((o) => o.itemId === list.id)!;
            expect(item.state).toBe(kind === 'same' ? 'acknowledged' : 'pending');
            expect(list.countyRef).toBe(kind === 'same' ? `JH-2026-00000${i + 1}` : null);
          }
          expect((state.countyOnlyLists ?? []).map((l) => l.id).sort()).toEqual(only.map((l) => l.id).sort());
          h.db.close();
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
