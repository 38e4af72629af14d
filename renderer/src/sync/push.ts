/**
 * Push: packs due outbox entries into requests (oldest first, within the protocol's
 * byte and item caps), marks each batch `sending` before the request and stores the
 * receipts before anything is `acknowledged`. 413 and whole-request validation errors
 * split the batch until the item at fault is alone, then set it aside.
 */
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import {
  CLIENT_BATCH_MAX_BYTES,
  CONFLICT_MESSAGE,
  MAX_ITEMS_PER_PUSH,
  PROTOCOL_VERSION,
  ROUTES,
  canonicalJson,
  pushResponseSchema,
  utf8ByteLength,
  type Receipt as ProtocolReceipt,
} from '../../../shared/protocol/index';
import type { StationDb } from '../db/database';
import { applyReceipts, listPayloads, markSending, returnToPending, setAside, type OutboxEntry, type ReceiptOutcome } from '../db/repositories/outbox';
import { classify, type Outcome } from './classify';
import { sha256Hex } from './contentHash';
import { SYNC_MESSAGES } from './messages';

export interface PushContext {
  db: StationDb;
  send: (request: CountyRequest) => Promise<CountyResponse>;
  stationId: string;
  timeoutMs: number;
  now: () => number;
  maxBatchBytes?: number;
}

export interface Prepared {
  outboxId: string;
  listId: string;
  json: string;
  bytes: number;
}

/** A failure that ends this round of pushing; `inFlight` were sent and are still `sending`. */
export interface PushFailure {
  outcome: Exclude<Outcome, { kind: 'ok' }>;
  inFlight: string[];
}

/** Lists read and hashed at a time while batches are packed. */
const READ_AHEAD = 8;

/**
 * Reads and hashes the given entries' payloads. The item's JSON embeds the canonical JSON
 * the hash was computed on, so the payload is serialized once.
 */
export async function prepare(db: StationDb, entries: readonly OutboxEntry[]): Promise<Prepared[]> {
  const payloads = await listPayloads(db, entries.map((e) => e.list.id));
  const out: Prepared[] = [];
  for (const [n, { item, list }] of entries.entries()) {
    const payload = payloads[n];
    if (!payload) {
      console.warn(`Issue list ${list.id} has no stored payload; not sent`);
      continue;
    }
    const canonical = canonicalJson(payload);
    const json = `{"kind":"issueList","id":${JSON.stringify(list.id)},"contentHash":"${await sha256Hex(canonical)}","payload":${canonical}}`;
    out.push({ outboxId: item.id, listId: list.id, json, bytes: utf8ByteLength(json) });
  }
  return out;
}

function envelope(stationId: string, items: readonly Prepared[]): string {
  return `{"protocolVersion":${PROTOCOL_VERSION},"stationId":${JSON.stringify(stationId)},"items":[${items.map((i) => i.json).join(',')}]}`;
}

/**
 * Packs the entries into requests greedily, in order, within the byte and item caps (an
 * item bigger than the cap still travels, alone). Payloads are read and hashed only a few
 * lists ahead of the batch being packed, so the first request leaves at once and the rest
 * are prepared while earlier ones are on the wire.
 */
export class Batches {
  private next = 0;
  private readonly ready: Prepared[] = [];
  private readonly overhead: number;

  constructor(
    private readonly ctx: Pick<PushContext, 'db' | 'stationId' | 'maxBatchBytes'>,
    private readonly entries: readonly OutboxEntry[],
  ) {
    this.overhead = utf8ByteLength(envelope(ctx.stationId, []));
  }

  /** The next batch, or null when every entry has been taken. */
  async take(): Promise<Prepared[] | null> {
    const maxBytes = this.ctx.maxBatchBytes ?? CLIENT_BATCH_MAX_BYTES;
    const batch: Prepared[] = [];
    let size = this.overhead;
    for (;;) {
      if (this.ready.length === 0) {
        if (this.next >= this.entries.length) break;
        const slice = this.entries.slice(this.next, this.next + READ_AHEAD);
        this.next += slice.length;
        this.ready.push(...(await prepare(this.ctx.db, slice)));
        continue;
      }
      const added = this.ready[0]!.bytes + (batch.length > 0 ? 1 : 0);
      if (batch.length > 0 && (size + added > maxBytes || batch.length >= MAX_ITEMS_PER_PUSH)) break;
      batch.push(this.ready.shift()!);
      size += added;
    }
    return batch.length > 0 ? batch : null;
  }
}

function toOutcomes(batch: readonly Prepared[], receipts: readonly ProtocolReceipt[]): ReceiptOutcome[] | null {
  if (receipts.length !== batch.length) return null;
  const outcomes: ReceiptOutcome[] = [];
  for (const [i, r] of receipts.entries()) {
    const sent = batch[i]!;
    if (r.status !== 'rejected' && r.id !== sent.listId) return null;
    if (r.status === 'rejected' && r.id !== '' && r.id !== sent.listId) return null;
    if (r.status === 'accepted' || r.status === 'duplicate') {
      outcomes.push({ outboxId: sent.outboxId, status: r.status, countyRef: r.countyRef, receivedAt: r.receivedAt });
    } else if (r.status === 'conflict') {
      outcomes.push({ outboxId: sent.outboxId, status: 'conflict', message: r.message || CONFLICT_MESSAGE });
    } else {
      outcomes.push({ outboxId: sent.outboxId, status: 'rejected', message: r.message });
    }
  }
  return outcomes;
}

type Sent = { batch: Prepared[]; res: CountyResponse };

/** Marks the batch `sending`, then sends it. */
async function send(ctx: PushContext, batch: Prepared[]): Promise<Sent> {
  await markSending(ctx.db, batch.map((b) => b.outboxId));
  const res = await ctx.send({ method: 'POST', path: ROUTES.push, body: envelope(ctx.stationId, batch), timeoutMs: ctx.timeoutMs });
  return { batch, res };
}

type Answer = { kind: 'stored'; outcomes: ReceiptOutcome[] } | { kind: 'failed'; failure: PushFailure } | { kind: 'refused'; outcome: Extract<Outcome, { kind: 'split' | 'park' }> };

function read(ctx: PushContext, { batch, res }: Sent): Answer {
  const ids = batch.map((b) => b.outboxId);
  const outcome = classify(res, ctx.now());
  if (outcome.kind === 'ok') {
    const parsed = pushResponseSchema.safeParse(outcome.body);
    const outcomes = parsed.success ? toOutcomes(batch, parsed.data.receipts) : null;
    if (outcomes) return { kind: 'stored', outcomes };
    console.warn('County push response did not match the request', parsed.success ? 'receipt mismatch' : parsed.error.message);
    return { kind: 'failed', failure: { outcome: { kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null }, inFlight: ids } };
  }
  if (outcome.kind === 'split' || outcome.kind === 'park') return { kind: 'refused', outcome };
  return { kind: 'failed', failure: { outcome, inFlight: ids } };
}

/** 413 or a whole-request 4xx: halve the batch until the list at fault is alone, then set it aside. */
async function bisect(ctx: PushContext, batch: Prepared[], outcome: Extract<Outcome, { kind: 'split' | 'park' }>): Promise<PushFailure | null> {
  if (batch.length === 1) {
    const message = outcome.kind === 'split' ? SYNC_MESSAGES.listTooLarge : outcome.message;
    console.warn(`County refused issue list ${batch[0]!.listId} (${outcome.kind}); set aside`);
    await setAside(ctx.db, batch[0]!.outboxId, 'rejected', message);
    return null;
  }
  await returnToPending(ctx.db, batch.map((b) => b.outboxId));
  const half = Math.ceil(batch.length / 2);
  for (const part of [batch.slice(0, half), batch.slice(half)]) {
    const answer = read(ctx, await send(ctx, part));
    if (answer.kind === 'stored') await applyReceipts(ctx.db, answer.outcomes);
    else if (answer.kind === 'failed') return answer.failure;
    else {
      const failure = await bisect(ctx, part, answer.outcome);
      if (failure) return failure;
    }
  }
  return null;
}

/** Requests on the wire at once: the county reads the next batch while it answers one. */
export const PUSH_PIPELINE_DEPTH = 2;

type InFlight = { batch: Prepared[]; sent: Promise<Sent> };

/**
 * After a failure: waits for the requests still on the wire. Receipts the county did
 * give are stored (it has those lists); the rest stay `sending` and join `inFlight`, to
 * be sent again (a resend of a stored list is answered as a duplicate).
 */
async function settle(ctx: PushContext, failure: PushFailure, rest: InFlight[]): Promise<PushFailure> {
  const inFlight = [...failure.inFlight];
  for (const { sent } of rest) {
    const done = await sent.catch(() => null);
    const answer = done ? read(ctx, done) : null;
    if (answer?.kind === 'stored') {
      const stored = await applyReceipts(ctx.db, answer.outcomes).then(
        () => true,
        () => false,
      );
      if (stored) continue;
    }
    if (done) inFlight.push(...done.batch.map((b) => b.outboxId));
  }
  return { outcome: failure.outcome, inFlight };
}

/**
 * Pushes every entry given, oldest batch first; stops at the first failure that affects
 * all. Up to PUSH_PIPELINE_DEPTH batches are on the wire at once (each marked `sending`
 * before it leaves) and answers are handled strictly in order, so receipts are stored
 * while the county already reads the next batch, and storage and network overlap.
 */
export async function pushEntries(ctx: PushContext, entries: readonly OutboxEntry[], depth = PUSH_PIPELINE_DEPTH): Promise<PushFailure | null> {
  if (entries.length === 0) return null;
  const batches = new Batches(ctx, entries);
  const queue: InFlight[] = [];
  /** Sends batches until `depth` are on the wire; on a storage error, lets those settle first. */
  const fill = async () => {
    try {
      for (let batch = queue.length < Math.max(1, depth) ? await batches.take() : null; batch; batch = queue.length < Math.max(1, depth) ? await batches.take() : null) {
        queue.push({ batch, sent: send(ctx, batch) });
      }
    } catch (error) {
      await putBack(ctx, queue);
      throw error;
    }
  };
  await fill();
  while (queue.length > 0) {
    const { batch, sent } = queue.shift()!;
    let answer: Answer;
    try {
      answer = read(ctx, await sent);
    } catch (error) {
      await settle(ctx, { outcome: { kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null }, inFlight: [] }, queue);
      throw error;
    }
    if (answer.kind === 'failed') return settle(ctx, answer.failure, queue);
    if (answer.kind === 'refused') {
      const failure = await bisect(ctx, batch, answer.outcome);
      if (failure) return settle(ctx, failure, queue);
      await fill();
      continue;
    }
    await fill();
    try {
      await applyReceipts(ctx.db, answer.outcomes);
    } catch (error) {
      await putBack(ctx, queue);
      throw error;
    }
  }
  return null;
}

/** Lets the requests on the wire finish and puts their lists back in the queue; a resend is a duplicate. */
async function putBack(ctx: PushContext, queue: InFlight[]): Promise<void> {
  for (const { sent } of queue.splice(0)) {
    const done = await sent.catch(() => null);
    if (done) await returnToPending(ctx.db, done.batch.map((b) => b.outboxId)).catch(() => undefined);
  }
}
