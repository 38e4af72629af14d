/**
 * GET /v1/lists on both storage backends: the lists the county holds for the token's own
 * station, as their receipts described them, paged by id; never another station's.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, listsResponseSchema, pushResponseSchema, type HeldList } from '../../shared/protocol/index.js';
import type { Database } from '../src/db/database.js';
import { backends } from './support/backends.js';
import { appWithStations, listItem, listPayload, push, type TestApp } from './support/fixtures.js';

const A = 'st-yzw-001';
const B = 'st-hk-0002';

function lists(t: TestApp, token: string, query: string) {
  return t.app.inject({ method: 'GET', url: `/v1/lists?${query}`, headers: { authorization: `Bearer ${token}` } });
}

async function readAll(t: TestApp, token: string, limit: number): Promise<{ lists: HeldList[]; pages: number }> {
  const all: HeldList[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const res = await lists(t, token, `protocolVersion=1&limit=${limit}${after ? `&after=${after}` : ''}`);
    expect(res.statusCode).toBe(200);
    const page = listsResponseSchema.parse(res.json());
    all.push(...page.lists);
    after = page.cursor;
    if (!page.hasMore) return { lists: all, pages };
  }
}

describe.each(backends)('GET /v1/lists on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;
  /** What the push receipts said for A's lists, by id. */
  const receiptsA = new Map<string, { seq: number; contentHash: string; countyRef: string; receivedAt: string }>();

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    t = await appWithStations(db, { ratePerMinute: 100_000 });
    // 7 lists for A over two pushes, 3 for B; B's are pushed between A's.
    for (const [token, station, seqs] of [
      [t.tokenA, A, [1, 2, 3, 4]],
      [t.tokenB, B, [1, 2, 9]],
      [t.tokenA, A, [5, 6, 12]],
    ] as const) {
      const items = seqs.map((seq) => listItem(listPayload([randomUUID()], seq)));
      const res = await push(t.app, token, station, items);
      const { receipts } = pushResponseSchema.parse(res.json());
      for (const [i, r] of receipts.entries()) {
        expect(r.status).toBe('accepted');
        if (station === A && r.status === 'accepted') {
          receiptsA.set(r.id, { seq: seqs[i]!, contentHash: items[i]!.contentHash, countyRef: r.countyRef, receivedAt: r.receivedAt });
        }
      }
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    }
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  it('returns exactly the token station’s lists with their receipts, and pages by id at any page size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 9 }), async (limit) => {
        const { lists: got, pages } = await readAll(t, t.tokenA, limit);
        expect(pages).toBe(Math.max(1, Math.ceil(7 / limit)));
        expect(got.map((l) => l.id)).toEqual([...receiptsA.keys()].sort());
        for (const l of got) {
          const r = receiptsA.get(l.id)!;
          expect(l).toEqual({ id: l.id, listNumber: { year: 2026, seq: r.seq }, contentHash: r.contentHash, countyRef: r.countyRef, receivedAt: r.receivedAt });
        }
      }),
      { numRuns: 12 },
    );
  });

  it('never shows another station’s lists', async () => {
    const { lists: b } = await readAll(t, t.tokenB, 200);
    expect(b.map((l) => l.listNumber.seq).sort((x, y) => x - y)).toEqual([1, 2, 9]);
    for (const l of b) expect(receiptsA.has(l.id)).toBe(false);
  });

  it('an empty or finished cursor answers an empty page with the cursor unchanged', async () => {
    const last = [...receiptsA.keys()].sort().at(-1)!;
    const res = await lists(t, t.tokenA, `protocolVersion=1&after=${last}`);
    expect(listsResponseSchema.parse(res.json())).toEqual({ protocolVersion: 1, lists: [], cursor: last, hasMore: false });
  });

  it('answers 401 without a token, 403 for another station, 426 for another version, 400 for a bad query', async () => {
    const code = (res: { json: () => unknown }) => errorBodySchema.parse(res.json()).error.code;
    const none = await t.app.inject({ method: 'GET', url: '/v1/lists?protocolVersion=1' });
    expect(none.statusCode).toBe(401);
    expect(code(none)).toBe('unauthorized');
    const wrong = await lists(t, 'not-a-token-at-all', 'protocolVersion=1');
    expect(wrong.statusCode).toBe(401);
    const other = await lists(t, t.tokenA, `protocolVersion=1&stationId=${B}`);
    expect(other.statusCode).toBe(403);
    expect(code(other)).toBe('forbidden');
    const own = await lists(t, t.tokenA, `protocolVersion=1&stationId=${A}`);
    expect(own.statusCode).toBe(200);
    expect(code(await lists(t, t.tokenA, 'protocolVersion=2'))).toBe('unsupportedProtocolVersion');
    for (const bad of ['limit=0', 'limit=501', 'limit=x', "after=a'b--cdefgh", 'after=short']) {
      const res = await lists(t, t.tokenA, `protocolVersion=1&${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(code(res)).toBe('invalidRequest');
    }
  });
});
