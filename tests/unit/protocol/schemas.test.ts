import { describe, expect, it } from 'vitest';
import { CHANNELS, HANDLING_MODES } from '../../../shared/domain/enums';
import {
  MAX_ISSUES_PER_LIST,
  PROTOCOL_CHANNELS,
  PROTOCOL_HANDLING_MODES,
  REJECTION_CODES,
  REJECTION_MESSAGES,
  REQUEST_ERROR_CODES,
  REQUEST_ERROR_MESSAGES,
  formatListNumber,
  issueListPayloadSchema,
  pingPath,
  pushEnvelopeSchema,
  pushRequestSchema,
  pushResponseSchema,
  updatesPath,
  updatesQuerySchema,
  updatesResponseSchema,
} from '../../../shared/protocol';
import { sampleList } from './sample';

const hash = 'a'.repeat(64);
const listId = '019c8a10-0000-7000-8000-00000000ff01';

describe('issue list payload', () => {
  it('accepts a realistic list and returns it unchanged (nothing trimmed, defaulted or dropped)', () => {
    const list = sampleList();
    expect(issueListPayloadSchema.parse(list)).toEqual(list);
  });

  it('refuses unknown keys, so the stored payload is exactly the hashed one', () => {
    const list = { ...sampleList(), extra: 1 };
    expect(issueListPayloadSchema.safeParse(list).success).toBe(false);
    const issue = { ...sampleList().issues[0]!, secret: 'x' };
    expect(issueListPayloadSchema.safeParse({ ...sampleList(), issues: [issue] }).success).toBe(false);
  });

  it('refuses a list with no issues, too many issues, repeated issue ids or seqs', () => {
    const one = sampleList().issues[0]!;
    expect(issueListPayloadSchema.safeParse({ ...sampleList(), issues: [] }).success).toBe(false);
    const many = Array.from({ length: MAX_ISSUES_PER_LIST + 1 }, (_, i) => ({ ...one, id: `issue-${1000 + i}`, seq: i + 1 }));
    expect(issueListPayloadSchema.safeParse({ ...sampleList(), issues: many }).success).toBe(false);
    const sameId = issueListPayloadSchema.safeParse({ ...sampleList(), issues: [one, { ...one, seq: 2 }] });
    expect(sameId.success).toBe(false);
    expect(sameId.error?.issues[0]?.message).toMatch(/issue id repeated/);
    const sameSeq = issueListPayloadSchema.safeParse({ ...sampleList(), issues: [one, { ...one, id: 'other-issue-1' }] });
    expect(sameSeq.error?.issues[0]?.message).toMatch(/seq repeated/);
  });

  it('refuses a bad handling mode, a date without offset, an empty summary and a visitor-less issue', () => {
    const one = sampleList().issues[0]!;
    for (const bad of [
      { ...one, handling: 'later' },
      { ...one, recordedAt: '2026-03-01 09:20' },
      { ...one, summary: '' },
      { ...one, visitors: [] },
    ]) {
      expect(issueListPayloadSchema.safeParse({ ...sampleList(), issues: [bad] }).success).toBe(false);
    }
  });

  it('uses the same channel and handling codes as the station domain', () => {
    expect([...PROTOCOL_CHANNELS]).toEqual([...CHANNELS]);
    expect([...PROTOCOL_HANDLING_MODES]).toEqual([...HANDLING_MODES]);
  });

  it('formats the list number as printed on paper', () => {
    expect(formatListNumber({ year: 2026, seq: 7 })).toBe('〔2026〕第7号');
  });
});

describe('push request and response', () => {
  const request = {
    protocolVersion: 1,
    stationId: 'st-yzw-001',
    items: [{ kind: 'issueList', id: listId, contentHash: hash, payload: sampleList() }],
  };

  it('accepts a full request and a satisfaction event', () => {
    expect(pushRequestSchema.safeParse(request).success).toBe(true);
    const event = {
      kind: 'satisfaction',
      id: 'rating-00000001',
      contentHash: hash,
      payload: { issueId: sampleList().issues[0]!.id, rating: 'basicallySatisfied', ratedAt: '2026-03-20T10:00:00+08:00', note: '' },
    };
    expect(pushRequestSchema.safeParse({ ...request, items: [event] }).success).toBe(true);
  });

  it('refuses another protocol version, an upper-case hash and an unknown kind', () => {
    expect(pushRequestSchema.safeParse({ ...request, protocolVersion: 2 }).success).toBe(false);
    expect(pushEnvelopeSchema.safeParse({ ...request, protocolVersion: '1' }).success).toBe(false);
    const item = request.items[0]!;
    expect(pushRequestSchema.safeParse({ ...request, items: [{ ...item, contentHash: hash.toUpperCase() }] }).success).toBe(false);
    expect(pushRequestSchema.safeParse({ ...request, items: [{ ...item, kind: 'photo' }] }).success).toBe(false);
  });

  it('lets the envelope through with a bad item so that item alone is rejected', () => {
    const env = pushEnvelopeSchema.parse({ ...request, items: [request.items[0], { kind: 'issueList' }] });
    expect(env.items).toHaveLength(2);
    expect(pushEnvelopeSchema.safeParse({ ...request, items: [] }).success).toBe(false);
  });

  it('parses every receipt status', () => {
    const stored = { id: listId, kind: 'issueList', countyRef: 'JH-2026-000123', receivedAt: '2026-03-02T01:00:00.000Z' };
    const parsed = pushResponseSchema.parse({
      protocolVersion: 1,
      receipts: [
        { status: 'accepted', ...stored },
        { status: 'duplicate', ...stored },
        { status: 'conflict', ...stored, storedContentHash: hash, message: '冲突' },
        { status: 'rejected', id: '', reason: 'invalidItem', message: '拒收', detail: 'payload.issues: required' },
      ],
    });
    expect(parsed.receipts.map((r) => r.status)).toEqual(['accepted', 'duplicate', 'conflict', 'rejected']);
  });
});

describe('updates and ping', () => {
  it('builds paths the endpoint parses back', () => {
    expect(updatesPath(42, 100)).toBe('/v1/updates?protocolVersion=1&after=42&limit=100');
    expect(pingPath()).toBe('/v1/ping?protocolVersion=1');
    const q = updatesQuerySchema.parse(Object.fromEntries(new URLSearchParams(updatesPath(42, 100).split('?')[1])));
    expect(q).toEqual({ protocolVersion: '1', after: 42, limit: 100 });
    expect(updatesQuerySchema.parse({ protocolVersion: '1' }).after).toBe(0);
  });

  it('refuses a negative cursor, a limit over the maximum and a missing version', () => {
    expect(updatesQuerySchema.safeParse({ protocolVersion: '1', after: '-1' }).success).toBe(false);
    expect(updatesQuerySchema.safeParse({ protocolVersion: '1', limit: '9999' }).success).toBe(false);
    expect(updatesQuerySchema.safeParse({ after: '0' }).success).toBe(false);
  });

  it('parses an updates page', () => {
    const page = updatesResponseSchema.parse({
      protocolVersion: 1,
      updates: [
        { seq: 1, issueId: 'issue-0001', listId, type: 'assigned', department: '县卫健委', deadline: '2026-03-09T02:00:00.000Z', at: '2026-03-02T02:00:00.000Z' },
      ],
      cursor: 1,
      hasMore: false,
    });
    expect(page.updates[0]?.department).toBe('县卫健委');
  });
});

describe('message tables', () => {
  it('has a Chinese message for every rejection and request error code', () => {
    for (const code of REJECTION_CODES) expect(REJECTION_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/);
    for (const code of REQUEST_ERROR_CODES) expect(REQUEST_ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/);
  });
});
