/**
 * Property-based push and updates requests against embedded PGlite and a real PostgreSQL
 * server: generated envelopes, items and texts (valid lists with hostile text, broken
 * hashes, junk ids, unknown fields, random JSON). Whatever arrives, the endpoint never
 * answers 500, commits exactly the items whose receipts say so, and explains every refusal.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REQUEST_ERROR_CODES,
  canonicalJson,
  errorBodySchema,
  pushResponseSchema,
  updatesResponseSchema,
  type IssueListPayload,
} from '../../shared/protocol/index.js';
import type { Database } from '../src/db/database.js';
import { backends } from './support/backends.js';
import { appWithStations, listPayload, sha256, type TestApp } from './support/fixtures.js';

const A = 'st-yzw-001';
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);

/** Text as a pasting user or a hostile client might send: any UTF-16 unit, weighted towards trouble. */
const hostileText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('张', '园', 'a', '1', ' ', '😀', '\t', '\n', '\r') },
    { weight: 2, arbitrary: fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udbff', '\udc00', '\udfff', '\ufeff', '\uffff', '\\', '"') },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  ),
  maxLength: 40,
});

const isAllowed = (n: number) => (n < 0x20 ? n === 0x09 || n === 0x0a || n === 0x0d : n < 0x7f || n > 0x9f);

/** Text a station may send: any code point but refused controls, 1–15 of them. */
const cleanText = fc.string({
  unit: fc.oneof(fc.constantFrom('张', '园', 'a', '1', ' ', '😀', '\t', '\n', '\r', '\\', '"'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => [...c].every((ch) => isAllowed(ch.codePointAt(0)!)))),
  minLength: 1,
  maxLength: 15,
});
/** Each text field: mostly clean, sometimes hostile. */
const fieldText = fc.oneof({ weight: 5, arbitrary: cleanText }, { weight: 1, arbitrary: hostileText });

const TEXT_FIELDS = ['category', 'summary', 'request', 'onSpotAnswer', 'suggestedDepartment'] as const;

/** A list whose texts are generated; ids fresh, so every accepted item is new. */
const listWithTexts = fc
  .record({
    stationName: fieldText,
    field: fc.constantFrom(...TEXT_FIELDS),
    text: fieldText,
    visitorName: fieldText,
    phone: fieldText,
    deputy: fieldText,
    issues: fc.integer({ min: 1, max: 3 }),
  })
  .map((g): IssueListPayload => {
    const p = listPayload(Array.from({ length: g.issues }, () => randomUUID()));
    return {
      ...p,
      stationName: g.stationName,
      issues: p.issues.map((issue) => ({
        ...issue,
        [g.field]: g.text,
        deputyNames: [g.deputy],
        visitors: [{ ...issue.visitors[0]!, name: g.visitorName, phone: g.phone }],
      })),
    };
  });

const junkId = fc.oneof(fc.constant(''), hostileText, fc.integer(), fc.constant(null), fc.string({ minLength: 65, maxLength: 70 }));

/** One item: mostly well-formed lists with hostile text, sometimes broken in one way or another. */
const item = fc.oneof(
  { weight: 6, arbitrary: listWithTexts.map((payload) => ({ kind: 'issueList', id: randomUUID(), contentHash: sha256(canonicalJson(payload)), payload })) },
  { weight: 1, arbitrary: listWithTexts.map((payload) => ({ kind: 'issueList', id: randomUUID(), contentHash: 'f'.repeat(64), payload })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.oneof(fc.constant('issueList'), fc.constant('satisfaction'), hostileText), id: junkId, contentHash: hostileText, payload: fc.jsonValue({ maxDepth: 3 }) }) },
  {
    weight: 1,
    arbitrary: fc.tuple(listWithTexts, hostileText, fc.jsonValue({ maxDepth: 2 })).map(([payload, key, value]) => {
      const withExtra = { ...payload, [key]: value };
      return { kind: 'issueList', id: randomUUID(), contentHash: sha256(canonicalJson(withExtra)), payload: withExtra };
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A push body: a valid envelope around generated items, or a broken envelope. */
const body = fc.oneof(
  { weight: 8, arbitrary: fc.array(item, { minLength: 1, maxLength: 6 }).map((items) => ({ protocolVersion: 1, stationId: A, items })) },
  {
    weight: 1,
    arbitrary: fc.record(
      { protocolVersion: fc.oneof(fc.constant(1), fc.jsonValue()), stationId: fc.oneof(fc.constant(A), hostileText), items: fc.oneof(fc.array(item, { maxLength: 3 }), fc.jsonValue()) },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.tuple(fc.array(item, { minLength: 1, maxLength: 2 }), hostileText).map(([items, key]) => ({ protocolVersion: 1, stationId: A, items, [key]: 1 })) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const idOf = (x: unknown): string | null =>
  typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : null;

describe.each(backends)('fuzzed requests on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    t = await appWithStations(db, { ratePerMinute: 100_000 });
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  const itemCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items')).rows[0]!.n;
  const storedIds = async (ids: string[]) =>
    new Set((await db.query<{ id: string }>('SELECT id FROM items WHERE id = ANY($1)', [ids])).rows.map((r) => r.id));

  it('never answers 500, commits exactly what the receipts say, and explains every refusal', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const items = typeof b === 'object' && b !== null && Array.isArray((b as { items?: unknown }).items) ? ((b as { items: unknown[] }).items) : [];
        const ids = items.map(idOf).filter((id): id is string => id !== null && /^[A-Za-z0-9_-]{8,64}$/.test(id));
        const before = await itemCount();
        const storedBefore = await storedIds(ids);
        const res = await t.app.inject({
          method: 'POST',
          url: '/v1/push',
          headers: { authorization: `Bearer ${t.tokenA}`, 'content-type': 'application/json' },
          payload: JSON.stringify(b),
        });
        expect(res.statusCode).not.toBe(500);
        const after = await itemCount();
        if (res.statusCode !== 200) {
          expect(res.statusCode).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          const error = errorBodySchema.parse(res.json()).error;
          seen.add(`http ${res.statusCode}`);
          expect(REQUEST_ERROR_CODES).toContain(error.code);
          expect(error.message.length).toBeGreaterThan(0);
          // A refused request stores nothing.
          expect(after).toBe(before);
          return;
        }
        const receipts = pushResponseSchema.parse(res.json()).receipts;
        for (const r of receipts) seen.add(r.status === 'rejected' ? r.reason : r.status);
        expect(receipts).toHaveLength(items.length);
        const accepted = receipts.filter((r) => r.status === 'accepted');
        // Exactly the accepted items are new rows: nothing committed without its receipt.
        expect(after - before).toBe(accepted.length);
        const storedAfter = await storedIds(ids);
        receipts.forEach((r, i) => {
          const sentId = idOf(items[i]);
          if (r.status === 'rejected') {
            expect(r.message).toMatch(/[\u4e00-\u9fff]/);
            expect(r.detail.length).toBeGreaterThan(0);
            expect(r.reason).not.toBe('storeFailed');
            if (r.id !== '') expect(r.id).toBe(sentId);
            if (sentId !== null && !storedBefore.has(sentId)) expect(storedAfter.has(sentId)).toBe(false);
          } else {
            expect(r.id).toBe(sentId);
            expect(storedAfter.has(r.id)).toBe(true);
          }
        });
      }),
      { numRuns: RUNS },
    );
    // The generators reached every kind of answer, so the checks above were not vacuous.
    for (const outcome of ['accepted', 'invalidText', 'invalidItem', 'hashMismatch', 'http 400']) expect(seen).toContain(outcome);
  });

  it('answers any updates query with 200 or a 4xx in the protocol body', async () => {
    // Raw percent-encoded bytes too: invalid UTF-8, NUL, anything a query string can carry.
    const bytes = fc.uint8Array({ maxLength: 12 }).map((a) => [...a].map((x) => `%${x.toString(16).padStart(2, '0')}`).join(''));
    const param = fc.oneof(fc.nat().map(String), fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String), bytes, fc.constant('-1'), fc.constant('1e3'));
    await fc.assert(
      fc.asyncProperty(param, fc.option(param), async (after, limit) => {
        const res = await t.app.inject({
          method: 'GET',
          url: `/v1/updates?protocolVersion=1&after=${after}${limit === null ? '' : `&limit=${limit}`}`,
          headers: { authorization: `Bearer ${t.tokenA}` },
        });
        if (res.statusCode === 200) updatesResponseSchema.parse(res.json());
        else {
          expect(res.statusCode).toBe(400);
          expect(errorBodySchema.parse(res.json()).error.code).toBe('invalidRequest');
        }
      }),
      { numRuns: RUNS },
    );
  });
});
