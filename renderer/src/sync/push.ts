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
  pushResponseSchema,
  utf8ByteLength,
  type IssueListItem,
  type Receipt as ProtocolReceipt,
} from '../../../shared/protocol/index';
import type { StationDb } from '../db/database';
import { applyReceipts, markSending, returnToPending, setAside, type OutboxEntry, type ReceiptOutcome } from '../db/repositories/outbox';
import { classify, type Outcome } from './classify';
import { contentHash } from './contentHash';
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

export async function prepare(entries: readonly OutboxEntry[]): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (const { item, list } of entries) {
    const body: IssueListItem = { kind: 'issueList', id: list.id, contentHash: await contentHash(list.payload), payload: list.payload };
    const json = JSON.stringify(body);
    out.push({ outboxId: item.id, listId: list.id, json, bytes: utf8ByteLength(json) });
  }
  return out;
}

function envelope(stationId: string, items: readonly Prepared[]): string {
  return `{"protocolVersion":${PROTOCOL_VERSION},"stationId":${JSON.stringify(stationId)},"items":[${items.map((i) => i.json).join(',')}]}`;
}

/** Greedy packing in order; an item bigger than the cap still travels, alone. */
export function pack(items: readonly Prepared[], stationId: string, maxBytes = CLIENT_BATCH_MAX_BYTES): Prepared[][] {
  const overhead = utf8ByteLength(envelope(stationId, []));
  const batches: Prepared[][] = [];
  let current: Prepared[] = [];
  let size = overhead;
  for (const item of items) {
    const added = item.bytes + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && (size + added > maxBytes || current.length >= MAX_ITEMS_PER_PUSH)) {
      batches.push(current);
      current = [];
      size = overhead;
    }
    size += item.bytes + (current.length > 0 ? 1 : 0);
    current.push(item);
  }
  if (current.length > 0) batches.push(current);
  return batches;
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

/**
 * Pushes every entry given, batch after batch; stops at the first failure that affects
 * all. While the receipts of one batch are being stored, the next batch is already on
 * its way (it was marked `sending` first), so storage and network overlap.
 */
export async function pushEntries(ctx: PushContext, entries: readonly OutboxEntry[]): Promise<PushFailure | null> {
  if (entries.length === 0) return null;
  const batches = pack(await prepare(entries), ctx.stationId, ctx.maxBatchBytes);
  let inFlight: Promise<Sent> | null = send(ctx, batches[0]!);
  for (let i = 0; inFlight; i++) {
    const answer = read(ctx, await inFlight);
    inFlight = null;
    if (answer.kind === 'failed') return answer.failure;
    if (answer.kind === 'refused') {
      const failure = await bisect(ctx, batches[i]!, answer.outcome);
      if (failure) return failure;
      inFlight = i + 1 < batches.length ? send(ctx, batches[i + 1]!) : null;
      continue;
    }
    const next = i + 1 < batches.length ? send(ctx, batches[i + 1]!) : null;
    try {
      await applyReceipts(ctx.db, answer.outcomes);
    } catch (error) {
      // Let the next request finish and put its lists back in the queue; a resend is a duplicate.
      const sent = next ? await next.catch(() => null) : null;
      if (sent) await returnToPending(ctx.db, sent.batch.map((b) => b.outboxId)).catch(() => undefined);
      throw error;
    }
    inFlight = next;
  }
  return null;
}
