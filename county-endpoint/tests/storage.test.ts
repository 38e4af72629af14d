/**
 * Push, updates and clerk actions against real storage: embedded PGlite and a real
 * PostgreSQL server. Exactly-once, conflicts, rejections, cursors and station scope.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, updatesResponseSchema, type Receipt } from '../../shared/protocol/index.js';
import type { Database } from '../src/db/database.js';
import { applyClerkAction } from '../src/store/clerk.js';
import { ClerkError } from '../src/store/clerkError.js';
import { backends } from './support/backends.js';
import { appWithStations, listItem, listPayload, push, ratingItem, updates, type TestApp } from './support/fixtures.js';

const A = 'st-yzw-001';
const B = 'st-hk-0002';

describe.each(backends)('storage on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    t = await appWithStations(db);
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  async function receipts(token: string, station: string, items: unknown[]): Promise<Receipt[]> {
    const res = await push(t.app, token, station, items);
    expect(res.statusCode).toBe(200);
    return pushResponseSchema.parse(res.json()).receipts;
  }

  it('accepts a list once and answers a resend with the original receipt', async () => {
    const item = listItem();
    const [first] = await receipts(t.tokenA, A, [item]);
    expect(first).toMatchObject({ status: 'accepted', id: item.id, kind: 'issueList', receivedAt: '2026-03-02T01:00:00.000Z' });
    expect(first?.status === 'accepted' && first.countyRef).toMatch(/^JH-2026-\d{6}$/);
    t.clock.now = new Date('2026-03-05T01:00:00.000Z');
    const [again] = await receipts(t.tokenA, A, [item]);
    expect(again).toEqual({ ...first, status: 'duplicate' });
    const stored = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM issues WHERE list_id = $1', [item.id]);
    expect(stored.rows[0]?.n).toBe(1);
  });

  it('answers the same id with different content as a conflict and keeps the stored list', async () => {
    const item = listItem();
    const [first] = await receipts(t.tokenA, A, [item]);
    const changed = listItem({ ...item.payload, stationName: '改过的名称' }, item.id);
    const [conflict] = await receipts(t.tokenA, A, [changed]);
    expect(conflict).toMatchObject({ status: 'conflict', id: item.id, storedContentHash: item.contentHash });
    expect(conflict?.status === 'conflict' && first?.status === 'accepted' && conflict.countyRef === first.countyRef).toBe(true);
    const row = await db.query<{ station_name: string }>('SELECT station_name FROM lists WHERE id = $1', [item.id]);
    expect(row.rows[0]?.station_name).toBe('银湾科创产业园人大代表联络站');
  });

  it('rejects bad items with a Chinese message while the others in the batch are stored', async () => {
    const good = listItem();
    const wrongHash = { ...listItem(), contentHash: 'f'.repeat(64) };
    const invalid = { kind: 'issueList', id: randomUUID(), contentHash: 'a'.repeat(64), payload: { issues: [] } };
    const unknown = { kind: 'photo', id: randomUUID(), contentHash: 'a'.repeat(64), payload: {} };
    const r = await receipts(t.tokenA, A, [wrongHash, good, invalid, unknown, 42]);
    expect(r.map((x) => x.status)).toEqual(['rejected', 'accepted', 'rejected', 'rejected', 'rejected']);
    expect(r[0]).toMatchObject({ reason: 'hashMismatch', id: wrongHash.id });
    expect(r[2]).toMatchObject({ reason: 'invalidItem', id: invalid.id });
    expect(r[3]).toMatchObject({ reason: 'unknownKind' });
    expect(r[4]).toMatchObject({ reason: 'invalidItem', id: '' });
    for (const x of r) if (x.status === 'rejected') expect(x.message).toMatch(/[\u4e00-\u9fff]/);
    const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE id = ANY($1)', [[wrongHash.id, invalid.id]]);
    expect(count.rows[0]?.n).toBe(0);
  });

  it('rejects a list reusing an issue id of another list, storing nothing of it', async () => {
    const issueId = randomUUID();
    await receipts(t.tokenA, A, [listItem(listPayload([issueId]))]);
    const second = listItem(listPayload([randomUUID(), issueId], 8));
    const [r] = await receipts(t.tokenA, A, [second]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'issueIdTaken' });
    const lists = await db.query('SELECT id FROM lists WHERE id = $1', [second.id]);
    expect(lists.rows).toHaveLength(0);
  });

  it('stores a satisfaction rating for a known issue and rejects one for an unknown issue', async () => {
    const issueId = randomUUID();
    const [, rating, orphan] = await receipts(t.tokenA, A, [listItem(listPayload([issueId])), ratingItem(issueId, 'unsatisfied'), ratingItem(randomUUID())]);
    expect(rating).toMatchObject({ status: 'accepted', kind: 'satisfaction' });
    expect(rating?.status === 'accepted' && rating.countyRef).toMatch(/^JH-MY-2026-\d{6}$/);
    expect(orphan).toMatchObject({ status: 'rejected', reason: 'unknownIssue' });
    const row = await db.query<{ satisfaction: string }>('SELECT satisfaction FROM issues WHERE id = $1', [issueId]);
    expect(row.rows[0]?.satisfaction).toBe('unsatisfied');
  });

  it('stores concurrent resends of one list exactly once', async () => {
    const item = listItem(listPayload([randomUUID(), randomUUID()]));
    const all = await Promise.all(Array.from({ length: 5 }, () => receipts(t.tokenA, A, [item])));
    const statuses = all.map((r) => r[0]?.status).sort();
    expect(statuses).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(new Set(all.map((r) => (r[0]?.status === 'rejected' ? '' : r[0]?.countyRef))).size).toBe(1);
  });

  it('keeps county reference numbers consecutive, with no gap left by resends', async () => {
    const [x] = await receipts(t.tokenA, A, [listItem()]);
    await receipts(t.tokenA, A, [listItem(listPayload(), x?.id)]);
    const [y] = await receipts(t.tokenA, A, [listItem()]);
    const num = (r: Receipt | undefined) => Number(r?.status === 'rejected' ? NaN : r?.countyRef.slice(-6));
    expect(num(y)).toBe(num(x) + 1);
  });

  it('pages status updates by cursor, each station seeing only its own', async () => {
    const ids: string[] = [randomUUID(), randomUUID(), randomUUID()];
    await receipts(t.tokenB, B, [listItem(listPayload(ids))]);
    t.clock.now = new Date('2026-03-10T02:00:00.000Z');
    for (const id of ids) await applyClerkAction(db, id, { type: 'assigned', department: '县园区管委会', days: 7 }, t.clock.now);
    await applyClerkAction(db, ids[0]!, { type: 'responded', response: '已安排施工队修复路面' }, t.clock.now);

    const page1 = updatesResponseSchema.parse((await updates(t.app, t.tokenB, 'protocolVersion=1&after=0&limit=2')).json());
    expect(page1.updates.map((u) => u.seq)).toEqual([1, 2]);
    expect(page1).toMatchObject({ cursor: 2, hasMore: true });
    expect(page1.updates[0]).toMatchObject({ type: 'assigned', department: '县园区管委会', deadline: '2026-03-17T02:00:00.000Z', at: '2026-03-10T02:00:00.000Z' });
    const page2 = updatesResponseSchema.parse((await updates(t.app, t.tokenB, `protocolVersion=1&after=${page1.cursor}&limit=2`)).json());
    expect(page2.updates.map((u) => u.seq)).toEqual([3, 4]);
    expect(page2.updates[1]).toMatchObject({ type: 'responded', response: '已安排施工队修复路面', issueId: ids[0] });
    expect(page2.hasMore).toBe(false);
    const empty = updatesResponseSchema.parse((await updates(t.app, t.tokenB, `protocolVersion=1&after=${page2.cursor}`)).json());
    expect(empty).toMatchObject({ updates: [], cursor: 4, hasMore: false });

    const fromA = updatesResponseSchema.parse((await updates(t.app, t.tokenA, 'protocolVersion=1&after=0')).json());
    expect(fromA.updates.filter((u) => ids.includes(u.issueId))).toEqual([]);
  });

  it('refuses clerk actions out of order, with a Chinese message, and writes no update', async () => {
    const id = randomUUID();
    await receipts(t.tokenA, A, [listItem(listPayload([id]))]);
    await expect(applyClerkAction(db, id, { type: 'published' }, t.clock.now)).rejects.toThrow(ClerkError);
    await expect(applyClerkAction(db, 'no-such-issue', { type: 'published' }, t.clock.now)).rejects.toThrow(/没有编号/);
    await expect(applyClerkAction(db, id, { type: 'assigned', department: '', days: 7 }, t.clock.now)).rejects.toThrow(/承办单位/);
    const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM updates WHERE issue_id = $1', [id]);
    expect(n.rows[0]?.n).toBe(0);
    await applyClerkAction(db, id, { type: 'assigned', department: '县交警大队', days: 3 }, t.clock.now);
    await applyClerkAction(db, id, { type: 'responded', response: '已增设临时停车位' }, t.clock.now);
    await applyClerkAction(db, id, { type: 'published' }, t.clock.now);
    await applyClerkAction(db, id, { type: 'closed' }, t.clock.now);
    const reopened = await applyClerkAction(db, id, { type: 'reopened', note: '来访人不满意' }, t.clock.now);
    expect(reopened.status).toBe('reopened');
  });

  it("refuses station A's token for station B's data", async () => {
    const asB = await push(t.app, t.tokenA, B, [listItem()]);
    expect(asB.statusCode).toBe(403);
    expect(asB.json()).toMatchObject({ error: { code: 'forbidden' } });
    const readB = await updates(t.app, t.tokenA, `protocolVersion=1&after=0&stationId=${B}`);
    expect(readB.statusCode).toBe(403);
    // An item id B already used cannot be claimed or probed by A.
    const bItem = listItem();
    await receipts(t.tokenB, B, [bItem]);
    const [stolen] = await receipts(t.tokenA, A, [bItem]);
    expect(stolen).toMatchObject({ status: 'rejected', reason: 'idTaken' });
    expect(JSON.stringify(stolen)).not.toContain('JH-');
  });

  it('answers ping with the token’s station, the county clock and the calendar’s version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/ping?protocolVersion=1', headers: { authorization: `Bearer ${t.tokenB}` } });
    const { calendarVersion, ...rest } = res.json<Record<string, unknown>>();
    expect(rest).toEqual({ protocolVersion: 1, stationId: B, stationName: '河口物流园人大代表联络站', serverTime: t.clock.now.toISOString() });
    expect(calendarVersion).toMatch(/^w06-[0-9a-f]{32}$/);
  });
});
