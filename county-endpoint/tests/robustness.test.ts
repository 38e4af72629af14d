/**
 * What a broken or hostile client sends, on embedded PGlite and a real PostgreSQL server:
 * every refused character in every text field is an item-level `invalidText` (never a
 * 500), a database error inside one item becomes that item's `storeFailed` receipt while
 * the rest of the batch is stored, and cursors and counters hold past 32 bits.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, sanitizeText, unsafeTextIndex, updatesResponseSchema, type IssueListPayload, type Receipt } from '../../shared/protocol/index.js';
import type { Database } from '../src/db/database.js';
import { applyClerkAction } from '../src/store/clerk.js';
import { ClerkError } from '../src/store/clerkError.js';
import { backends } from './support/backends.js';
import { appWithStations, listItem, listPayload, push, ratingItem, sha256, updates, type TestApp } from './support/fixtures.js';
import { canonicalJson } from '../../shared/protocol/index.js';

const A = 'st-yzw-001';

/** Every control character the protocol refuses: C0 but TAB/LF/CR, DEL and C1. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
].map((c) => String.fromCharCode(c));

/** Every shape of unpaired surrogate: alone, at either end, reversed pair, doubled high, low after a pair. */
const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b', '\ude00\ud83d', '\ud83d\ud83d\ude00', '\ud83d\ude00\ude00'];

/** Puts `bad` into one text field of a valid list payload (by a path into the payload). */
function withText(path: string, bad: string): IssueListPayload {
  const p = listPayload([randomUUID()]);
  const issue = p.issues[0]!;
  const visitor = issue.visitors[0]!;
  const put = (s: string) => `前${bad}后`.slice(0, Math.max(1, s.length));
  switch (path) {
    case 'stationName': return { ...p, stationName: `站${bad}` };
    case 'category': return { ...p, issues: [{ ...issue, category: `类${bad}` }] };
    case 'summary': return { ...p, issues: [{ ...issue, summary: put(issue.summary) }] };
    case 'request': return { ...p, issues: [{ ...issue, request: put(issue.request) }] };
    case 'onSpotAnswer': return { ...p, issues: [{ ...issue, onSpotAnswer: bad }] };
    case 'suggestedDepartment': return { ...p, issues: [{ ...issue, suggestedDepartment: `县${bad}` }] };
    case 'deputyNames': return { ...p, issues: [{ ...issue, deputyNames: [`张${bad}`] }] };
    case 'visitor.name': return { ...p, issues: [{ ...issue, visitors: [{ ...visitor, name: `伍${bad}` }] }] };
    case 'visitor.phone': return { ...p, issues: [{ ...issue, visitors: [{ ...visitor, phone: `138${bad}` }] }] };
    case 'visitor.enterprise': return { ...p, issues: [{ ...issue, visitors: [{ ...visitor, enterprise: `合顺${bad}` }] }] };
    case 'visitor.position': return { ...p, issues: [{ ...issue, visitors: [{ ...visitor, position: bad }] }] };
    default: throw new Error(`no such field ${path}`);
  }
}
const FIELDS = ['stationName', 'category', 'summary', 'request', 'onSpotAnswer', 'suggestedDepartment', 'deputyNames', 'visitor.name', 'visitor.phone', 'visitor.enterprise', 'visitor.position'];

describe.each(backends)('refused text, item errors and bounds on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    t = await appWithStations(db, { ratePerMinute: 100_000 });
    // A real database failure inside one item: a trigger that raises for one station name.
    await db.exec(`
      CREATE FUNCTION refuse_boom() RETURNS trigger AS $$
      BEGIN
        IF NEW.station_name = '触发存储错误' THEN RAISE EXCEPTION 'storage failure for test'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER lists_boom BEFORE INSERT ON lists FOR EACH ROW EXECUTE FUNCTION refuse_boom();
    `);
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  async function receipts(items: unknown[]): Promise<Receipt[]> {
    const res = await push(t.app, t.tokenA, A, items);
    expect(res.statusCode).toBe(200);
    return pushResponseSchema.parse(res.json()).receipts;
  }
  async function stored(ids: string[]): Promise<number> {
    const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE id = ANY($1)', [ids]);
    return r.rows[0]?.n ?? -1;
  }

  it('rejects every refused control character and surrogate shape in every text field, per item, storing nothing of it', async () => {
    const bads = [...CONTROLS, ...SURROGATES];
    expect(bads.every((b) => unsafeTextIndex(b) !== -1)).toBe(true);
    const items = FIELDS.flatMap((field) => bads.map((bad) => listItem(withText(field, bad))));
    // Batches of 50 (the protocol's cap), each with a clean list in the middle.
    for (let i = 0; i < items.length; i += 49) {
      const chunk = items.slice(i, i + 49);
      const clean = listItem();
      const batch = [...chunk.slice(0, 20), clean, ...chunk.slice(20)];
      const r = await receipts(batch);
      expect(r).toHaveLength(batch.length);
      r.forEach((receipt, n) => {
        if (batch[n] === clean) expect(receipt).toMatchObject({ status: 'accepted', id: clean.id });
        else {
          expect(receipt).toMatchObject({ status: 'rejected', reason: 'invalidText', id: batch[n]!.id });
          expect(receipt.status === 'rejected' && receipt.message).toMatch(/控制字符/);
        }
      });
      expect(await stored(chunk.map((c) => c.id))).toBe(0);
      expect(await stored([clean.id])).toBe(1);
    }
  });

  it('names the field and the code point in the detail, never the text around it', async () => {
    const [r] = await receipts([listItem(withText('visitor.phone', '\u0000'))]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'invalidText', detail: 'payload.issues.0.visitors.0.phone: U+0000 is not allowed in text' });
    expect(JSON.stringify(r)).not.toContain('138');
  });

  it('stores TAB, LF, CR, paired surrogates and the same text once sanitized', async () => {
    const ok = listItem(withText('summary', '\t\n\r😀'));
    const nul = withText('request', 'a\u0000b\ud800c');
    const fixed = listItem({ ...nul, issues: nul.issues.map((i) => ({ ...i, request: sanitizeText(i.request) })) });
    const r = await receipts([ok, fixed]);
    expect(r.map((x) => x.status)).toEqual(['accepted', 'accepted']);
    const row = await db.query<{ request: string }>("SELECT payload->'issues'->0->>'request' AS request FROM lists WHERE id = $1", [fixed.id]);
    expect(row.rows[0]?.request).toBe('前abc后'.slice(0, row.rows[0]?.request.length));
    expect(unsafeTextIndex(row.rows[0]?.request ?? '\u0000')).toBe(-1);
  });

  it('rejects a rating whose note holds a NUL, per item', async () => {
    const issueId = randomUUID();
    await receipts([listItem(listPayload([issueId]))]);
    const rating = ratingItem(issueId);
    const payload = { ...(rating.payload as { note: string }), note: '不满意\u0000' };
    const bad = { ...rating, payload, contentHash: sha256(canonicalJson(payload)) };
    const [r] = await receipts([bad]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'invalidText' });
  });

  it('turns a database error inside one item into its storeFailed receipt; the items around it are stored', async () => {
    const first = listItem();
    const broken = listItem({ ...listPayload(), stationName: '触发存储错误' });
    const last = listItem();
    const r = await receipts([first, broken, last]);
    expect(r.map((x) => x.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(r[1]).toMatchObject({ reason: 'storeFailed', id: broken.id });
    expect(r[1]?.status === 'rejected' && r[1].message).toMatch(/清单没有保存/);
    expect(await stored([first.id, last.id])).toBe(2);
    expect(await stored([broken.id])).toBe(0);
    // Nothing of the failed item's transaction survived: no issue row, no counter taken.
    const issues = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM issues WHERE id = $1', [broken.payload.issues[0]!.id]);
    expect(issues.rows[0]?.n).toBe(0);
    const refs = r.flatMap((x) => (x.status === 'accepted' ? [Number(x.countyRef.slice(-6))] : []));
    expect(refs[1]).toBe(refs[0]! + 1);
    // A resend of the batch: the stored ones are duplicates, the broken one fails again on its own.
    const again = await receipts([first, broken, last]);
    expect(again.map((x) => x.status)).toEqual(['duplicate', 'rejected', 'duplicate']);
  });

  it('answers cursors up to 15 digits, and refuses longer ones with 400', async () => {
    for (const after of [2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 48, 999_999_999_999_999]) {
      const res = await updates(t.app, t.tokenA, `protocolVersion=1&after=${after}`);
      expect(res.statusCode, `after=${after}`).toBe(200);
      expect(updatesResponseSchema.parse(res.json())).toMatchObject({ updates: [], cursor: after, hasMore: false });
    }
    const long = await updates(t.app, t.tokenA, 'protocolVersion=1&after=1000000000000000');
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ error: { code: 'invalidRequest' } });
  });

  it('hands out update seqs and county reference numbers past 2^31', async () => {
    const issueId = randomUUID();
    await receipts([listItem(listPayload([issueId]))]);
    await db.query('UPDATE stations SET update_seq = $2 WHERE id = $1', [A, 2 ** 31 - 1]);
    const first = await applyClerkAction(db, issueId, { type: 'assigned', department: '县园区管委会', days: 7 }, t.clock.now);
    const second = await applyClerkAction(db, issueId, { type: 'responded', response: '已答复' }, t.clock.now);
    expect([first.seq, second.seq]).toEqual([2 ** 31, 2 ** 31 + 1]);
    const page = updatesResponseSchema.parse((await updates(t.app, t.tokenA, `protocolVersion=1&after=${2 ** 31 - 1}`)).json());
    expect(page.updates.map((u) => u.seq)).toEqual([2 ** 31, 2 ** 31 + 1]);
    expect(page.cursor).toBe(2 ** 31 + 1);

    await db.query("UPDATE ref_counters SET last = $1 WHERE series = 'JH' AND year = 2026", [2 ** 31 - 1]);
    const [r] = await receipts([listItem()]);
    expect(r).toMatchObject({ status: 'accepted', countyRef: `JH-2026-${2 ** 31}` });
  });

  it('refuses clerk text with a control character, writing nothing', async () => {
    const issueId = randomUUID();
    await receipts([listItem(listPayload([issueId]))]);
    await applyClerkAction(db, issueId, { type: 'assigned', department: '县交警大队', days: 3 }, t.clock.now);
    await expect(applyClerkAction(db, issueId, { type: 'responded', response: '已处理\u0000' }, t.clock.now)).rejects.toThrow(ClerkError);
    const n = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM updates WHERE issue_id = $1 AND type = 'responded'", [issueId]);
    expect(n.rows[0]?.n).toBe(0);
  });
});
