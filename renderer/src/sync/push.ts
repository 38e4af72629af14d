/**
 * Push: packs due outbox entries into requests (oldest first, within the protocol's
 * byte and item caps), marks each batch `sending` before the request and stores the
 * receipts before anything is `acknowledged`. 413 and whole-request validation errors
 * split the batch until the item at fault is alone, then set it aside.
 *
 * One list must never stop the others: a 500 to a batch splits it the same way, and a
 * list the county fails on alone (500, or a `storeFailed` receipt) backs off on its own
 * clock while the rest are sent; after MAX_ITEM_SERVER_FAILURES it is set aside as
 * needing attention. Text the protocol refuses (control characters, broken surrogates,
 * from lists sealed before the form removed them) is stripped as the list is packed.
 */
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import {
  CLIENT_BATCH_MAX_BYTES,
  CONFLICT_MESSAGE,
  MAX_ITEMS_PER_PUSH,
  PROTOCOL_VERSION,
  RETRYABLE_REJECTIONS,
  ROUTES,
  canonicalJson,
  pushResponseSchema,
  retryDelayMs,
  sanitizeJson,
  utf8ByteLength,
  type Receipt as ProtocolReceipt,
} from '../../../shared/protocol/index';
import type { StationDb } from '../db/database';
import {
  applyReceipts,
  listPayloads,
  markItemFailed,
  markSending,
  returnToPending,
  setAside,
  type OutboxEntry,
  type ReceiptOutcome,
} from '../db/repositories/outbox';
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
  /** Wait before retrying a list the county failed on alone, after `failures` such errors. */
  itemDelayMs?: (failures: number) => number;
  /** Told whenever the county's receipts for at least one list were stored. */
  onStored?: () => void;
  /** Told when the county failed on a list alone (the round then ends as `retrying`). */
  onItemFailed?: (countyMessage: string) => void;
}

/** Server errors on one list alone before it is set aside for a person. */
export const MAX_ITEM_SERVER_FAILURES = 5;

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
    // A list sealed before the form removed refused characters is sent without them; the
    // county could not store them, so it never holds a version with them (no conflict).
    const canonical = canonicalJson(sanitizeJson(payload));
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

/** What the county answered for each list: receipts to store, and lists it failed on (to retry alone). */
interface Outcomes {
  outcomes: ReceiptOutcome[];
  failed: { outboxId: string; message: string }[];
}

function toOutcomes(batch: readonly Prepared[], receipts: readonly ProtocolReceipt[]): Outcomes | null {
  if (receipts.length !== batch.length) return null;
  const outcomes: ReceiptOutcome[] = [];
  const failed: Outcomes['failed'] = [];
  for (const [i, r] of receipts.entries()) {
    const sent = batch[i]!;
    if (r.status !== 'rejected' && r.id !== sent.listId) return null;
    if (r.status === 'rejected' && r.id !== '' && r.id !== sent.listId) return null;
    if (r.status === 'accepted' || r.status === 'duplicate') {
      outcomes.push({ outboxId: sent.outboxId, status: r.status, countyRef: r.countyRef, receivedAt: r.receivedAt });
    } else if (r.status === 'conflict') {
      outcomes.push({ outboxId: sent.outboxId, status: 'conflict', message: r.message || CONFLICT_MESSAGE });
    } else if (RETRYABLE_REJECTIONS.includes(r.reason)) {
      failed.push({ outboxId: sent.outboxId, message: r.message });
    } else {
      outcomes.push({ outboxId: sent.outboxId, status: 'rejected', message: r.message });
    }
  }
  return { outcomes, failed };
}

/** Stores one answer's receipts, then backs off the lists the county failed on. */
async function store(ctx: PushContext, result: Outcomes): Promise<void> {
  await applyReceipts(ctx.db, result.outcomes);
  if (result.outcomes.some((o) => o.status === 'accepted' || o.status === 'duplicate')) ctx.onStored?.();
  for (const { outboxId, message } of result.failed) await itemFailed(ctx, outboxId, message);
}

/** The county failed on this list alone: it waits on its own clock, or is set aside after too many. */
async function itemFailed(ctx: PushContext, outboxId: string, countyMessage: string): Promise<void> {
  const delayMs = ctx.itemDelayMs ?? ((failures: number) => retryDelayMs(failures - 1, null, { random: Math.random }));
  const setAsideCount = await markItemFailed(ctx.db, [outboxId], countyMessage, {
    now: ctx.now(),
    delayMs,
    maxFailures: MAX_ITEM_SERVER_FAILURES,
    retryMessage: SYNC_MESSAGES.itemRetrying,
    attentionMessage: SYNC_MESSAGES.itemKeepsFailing,
  });
  if (setAsideCount > 0) console.warn(`County failed ${MAX_ITEM_SERVER_FAILURES} times on outbox item ${outboxId}; set aside`);
  else ctx.onItemFailed?.(countyMessage);
}

type Sent = { batch: Prepared[]; res: CountyResponse };

/** Marks the batch `sending`, then sends it. */
async function send(ctx: PushContext, batch: Prepared[]): Promise<Sent> {
  await markSending(ctx.db, batch.map((b) => b.outboxId));
  const res = await ctx.send({ method: 'POST', path: ROUTES.push, body: envelope(ctx.stationId, batch), timeoutMs: ctx.timeoutMs });
  return { batch, res };
}

/** split/park: the request was refused; suspect: the county failed (500) on something in the batch. */
type Refusal = Extract<Outcome, { kind: 'split' | 'park' }> | { kind: 'suspect'; message: string };

type Answer = { kind: 'stored'; result: Outcomes } | { kind: 'failed'; failure: PushFailure } | { kind: 'refused'; outcome: Refusal };

function read(ctx: PushContext, { batch, res }: Sent): Answer {
  const ids = batch.map((b) => b.outboxId);
  const outcome = classify(res, ctx.now());
  if (outcome.kind === 'ok') {
    const parsed = pushResponseSchema.safeParse(outcome.body);
    const result = parsed.success ? toOutcomes(batch, parsed.data.receipts) : null;
    if (result) return { kind: 'stored', result };
    console.warn('County push response did not match the request', parsed.success ? 'receipt mismatch' : parsed.error.message);
    return { kind: 'failed', failure: { outcome: { kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null }, inFlight: ids } };
  }
  if (outcome.kind === 'split' || outcome.kind === 'park') return { kind: 'refused', outcome };
  // A 500 may be caused by one list (text an older county could not store, say): find it
  // by halving, so the others still go. 502/503/504 and 429 are the county being busy or
  // away, not any list's fault: the whole round waits.
  if (outcome.kind === 'retry' && res.kind === 'response' && res.status === 500) return { kind: 'refused', outcome: { kind: 'suspect', message: SYNC_MESSAGES.countyFailedOnList } };
  return { kind: 'failed', failure: { outcome, inFlight: ids } };
}

/**
 * 413, a whole-request 4xx or a 500: halve the batch until the list at fault is alone;
 * then set it aside (413, 4xx) or let it back off on its own (500).
 */
async function bisect(ctx: PushContext, batch: Prepared[], outcome: Refusal): Promise<PushFailure | null> {
  if (batch.length === 1 && outcome.kind === 'suspect') {
    await itemFailed(ctx, batch[0]!.outboxId, outcome.message);
    return null;
  }
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
    if (answer.kind === 'stored') await store(ctx, answer.result);
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
      const stored = await store(ctx, answer.result).then(
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
      await store(ctx, answer.result);
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
