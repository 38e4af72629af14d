/**
 * An in-memory county for engine tests: speaks protocol v1 through the bridge's
 * `county.send` shape, stores each item once by id and content hash, and can be told
 * to fail in the ways a real network and server do. End-to-end tests use the real
 * endpoint; this one lets integration tests stop time at any instant.
 */
import { createHash } from 'node:crypto';
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import {
  CONFLICT_MESSAGE,
  canonicalJson,
  pushRequestSchema,
  type CalendarResponse,
  type Receipt,
  type StatusUpdate,
} from '../../../shared/protocol/index';

export type Fault =
  | { kind: 'network'; reason: 'unreachable' | 'timeout' }
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Store the push, then lose the answer (the connection drops after the county commits). */
  | { kind: 'commitThenDrop' }
  | { kind: 'malformed' };

interface Stored {
  hash: string;
  countyRef: string;
  receivedAt: string;
  payload: unknown;
}

export class FakeCounty {
  readonly stored = new Map<string, Stored>();
  readonly requests: CountyRequest[] = [];
  readonly updates: StatusUpdate[] = [];
  /** Faults for the next requests, whatever they are. */
  faults: Fault[] = [];
  /** Faults for the next push requests only (ping and updates answer normally). */
  pushFaults: Fault[] = [];
  /** Requests above this many bytes get 413. */
  maxBytes = 1024 * 1024;
  rejectIds = new Set<string>();
  /** A push carrying one of these ids answers 500 (a county that cannot store that list). */
  failOnIds = new Set<string>();
  /** These items get a `storeFailed` receipt while the rest of the batch is stored. */
  storeFailIds = new Set<string>();
  /**
   * The county's working-day calendar, or null for a county from before calendars (its
   * ping names no version and GET /v1/calendar is 404). `calendarBody` replaces the
   * answer with raw text (a malformed calendar).
   */
  calendar: CalendarResponse | null = null;
  calendarBody: string | null = null;
  private refs = 0;

  constructor(public stationId: string) {}

  readonly send = async (request: CountyRequest): Promise<CountyResponse> => {
    this.requests.push(request);
    const fault = this.faults.shift() ?? (request.path.startsWith('/v1/push') ? this.pushFaults.shift() : undefined);
    if (fault?.kind === 'network') return { kind: 'networkError', reason: fault.reason, message: 'fake network' };
    if (fault?.kind === 'status') {
      return { kind: 'response', status: fault.status, retryAfter: fault.retryAfter ?? null, body: fault.body ?? '{"error":{"code":"internal","message":"fake"}}' };
    }
    if (fault?.kind === 'malformed') return { kind: 'response', status: 200, retryAfter: null, body: '{"protocolVersion":1,"rece' };
    const answer = this.answer(request);
    if (fault?.kind === 'commitThenDrop') return { kind: 'networkError', reason: 'unreachable', message: 'dropped after commit' };
    return answer;
  };

  pushRequests(): CountyRequest[] {
    return this.requests.filter((r) => r.path.startsWith('/v1/push'));
  }

  addUpdate(u: Omit<StatusUpdate, 'seq' | 'at'>): StatusUpdate {
    const update = { ...u, seq: this.updates.length + 1, at: '2026-03-05T10:00:00+08:00' };
    this.updates.push(update);
    return update;
  }

  /** Stores a list as if another PC of this station had sent it (sealed after a backup). */
  storeList(id: string, payload: { listNumber: { year: number; seq: number } }): Stored {
    this.refs += 1;
    const stored = { hash: createHash('sha256').update(canonicalJson(payload)).digest('hex'), countyRef: `JH-2026-${String(this.refs).padStart(6, '0')}`, receivedAt: '2026-03-06T10:00:00+08:00', payload };
    this.stored.set(id, stored);
    return stored;
  }

  /** GET /v1/lists: the issue lists held, by id, `limit` a page. */
  private listsPage(path: string) {
    const after = /after=([A-Za-z0-9_-]+)/.exec(path)?.[1] ?? null;
    const limit = Number(/limit=(\d+)/.exec(path)?.[1] ?? 200);
    const all = [...this.stored.entries()]
      .filter(([, s]) => typeof s.payload === 'object' && s.payload !== null && 'listNumber' in s.payload)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const rest = all.filter(([id]) => after === null || id > after);
    const page = rest.slice(0, limit).map(([id, s]) => ({
      id,
      listNumber: (s.payload as { listNumber: { year: number; seq: number } }).listNumber,
      contentHash: s.hash,
      countyRef: s.countyRef,
      receivedAt: s.receivedAt,
    }));
    return { protocolVersion: 1, lists: page, cursor: page.at(-1)?.id ?? after, hasMore: rest.length > limit };
  }

  private ok(body: unknown): CountyResponse {
    return { kind: 'response', status: 200, retryAfter: null, body: JSON.stringify(body) };
  }

  private answer(request: CountyRequest): CountyResponse {
    if (request.path.startsWith('/v1/ping')) {
      return this.ok({ protocolVersion: 1, stationId: this.stationId, stationName: '测试站', serverTime: '2026-03-05T10:00:00+08:00', ...(this.calendar ? { calendarVersion: this.calendar.version } : {}) });
    }
    if (request.path.startsWith('/v1/calendar')) {
      if (!this.calendar) return { kind: 'response', status: 404, retryAfter: null, body: '{"error":{"code":"notFound","message":"no such route"}}' };
      return this.calendarBody === null ? this.ok(this.calendar) : { kind: 'response', status: 200, retryAfter: null, body: this.calendarBody };
    }
    if (request.path.startsWith('/v1/updates')) {
      const after = Number(/after=(\d+)/.exec(request.path)?.[1] ?? 0);
      const limit = Number(/limit=(\d+)/.exec(request.path)?.[1] ?? 100);
      const page = this.updates.filter((u) => u.seq > after).slice(0, limit);
      const cursor = page.at(-1)?.seq ?? after;
      return this.ok({ protocolVersion: 1, updates: page, cursor, hasMore: this.updates.some((u) => u.seq > cursor) });
    }
    if (request.path.startsWith('/v1/lists')) return this.ok(this.listsPage(request.path));
    const body = request.body ?? '';
    if (Buffer.byteLength(body) > this.maxBytes) {
      return { kind: 'response', status: 413, retryAfter: null, body: '{"error":{"code":"payloadTooLarge","message":"too large"}}' };
    }
    const parsed = pushRequestSchema.safeParse(JSON.parse(body));
    if (!parsed.success) return { kind: 'response', status: 400, retryAfter: null, body: '{"error":{"code":"invalidRequest","message":"bad"}}' };
    if (parsed.data.items.some((item) => this.failOnIds.has(item.id))) {
      return { kind: 'response', status: 500, retryAfter: null, body: '{"error":{"code":"internal","message":"internal error"}}' };
    }
    const receipts: Receipt[] = parsed.data.items.map((item) => {
      const hash = createHash('sha256').update(canonicalJson(item.payload)).digest('hex');
      if (hash !== item.contentHash) throw new Error('station sent a wrong contentHash');
      if (this.storeFailIds.has(item.id)) {
        return { status: 'rejected', id: item.id, reason: 'storeFailed', message: '县里的系统保存这份清单时出错,清单没有保存。', detail: 'fake' };
      }
      if (this.rejectIds.has(item.id)) {
        return { status: 'rejected', id: item.id, reason: 'invalidItem', message: '这份数据内容不完整或格式不对,县里拒收。请核对后重新封存。', detail: 'fake' };
      }
      const existing = this.stored.get(item.id);
      if (existing && existing.hash !== hash) {
        return { status: 'conflict', id: item.id, kind: item.kind, countyRef: existing.countyRef, receivedAt: existing.receivedAt, storedContentHash: existing.hash, message: CONFLICT_MESSAGE };
      }
      if (existing) return { status: 'duplicate', id: item.id, kind: item.kind, countyRef: existing.countyRef, receivedAt: existing.receivedAt };
      this.refs += 1;
      const stored = { hash, countyRef: `JH-2026-${String(this.refs).padStart(6, '0')}`, receivedAt: '2026-03-05T10:00:00+08:00', payload: item.payload };
      this.stored.set(item.id, stored);
      return { status: 'accepted', id: item.id, kind: item.kind, countyRef: stored.countyRef, receivedAt: stored.receivedAt };
    });
    return this.ok({ protocolVersion: 1, receipts });
  }
}
