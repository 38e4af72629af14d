/**
 * Pushes the visitors' ratings (protocol item kind 'satisfaction') after the lists, so the
 * county already has the issues they rate. Same rules as the lists: marked `sending`
 * before the request, `acknowledged` only with the stored receipt; a resend after a cut is
 * answered `duplicate` with the original receipt, so each rating is stored once.
 */
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import {
  CONFLICT_MESSAGE,
  MAX_ITEMS_PER_PUSH,
  PROTOCOL_VERSION,
  RETRYABLE_REJECTIONS,
  ROUTES,
  canonicalJson,
  pushResponseSchema,
  sanitizeJson,
} from '../../../shared/protocol/index';
import type { StationDb } from '../db/database';
import {
  applyRatingReceipts,
  dueRatings,
  markRatingsSending,
  ratingsBackToPending,
  type RatingEntry,
  type RatingOutcome,
} from '../db/repositories/ratingOutbox';
import { classify, type Outcome } from './classify';
import { sha256Hex } from './contentHash';
import { SYNC_MESSAGES } from './messages';

export interface RatingPushContext {
  db: StationDb;
  send: (request: CountyRequest) => Promise<CountyResponse>;
  stationId: string;
  timeoutMs: number;
  now: () => number;
}

/** Ratings per request: small items, well within the byte cap. */
const RATINGS_PER_PUSH = Math.min(50, MAX_ITEMS_PER_PUSH);
/** A rating the county failed to store waits this long before its next try. */
const STORE_FAILED_WAIT_MS = 60_000;

async function itemJson(e: RatingEntry): Promise<string> {
  const canonical = canonicalJson(sanitizeJson(e.payload));
  return `{"kind":"satisfaction","id":${JSON.stringify(e.rating.id)},"contentHash":"${await sha256Hex(canonical)}","payload":${canonical}}`;
}

/** Sends every due rating; returns the failure that stopped it (the round then fails), or null. */
export async function pushRatings(ctx: RatingPushContext, dueAtMs: number): Promise<Exclude<Outcome, { kind: 'ok' }> | null> {
  const entries = await dueRatings(ctx.db, dueAtMs);
  for (let at = 0; at < entries.length; at += RATINGS_PER_PUSH) {
    const batch = entries.slice(at, at + RATINGS_PER_PUSH);
    const ids = batch.map((e) => e.item.id);
    const items = await Promise.all(batch.map(itemJson));
    await markRatingsSending(ctx.db, ids);
    const body = `{"protocolVersion":${PROTOCOL_VERSION},"stationId":${JSON.stringify(ctx.stationId)},"items":[${items.join(',')}]}`;
    const outcome = classify(await ctx.send({ method: 'POST', path: ROUTES.push, body, timeoutMs: ctx.timeoutMs }), ctx.now());
    const parsed = outcome.kind === 'ok' ? pushResponseSchema.safeParse(outcome.body) : null;
    if (outcome.kind !== 'ok' || !parsed?.success || parsed.data.receipts.length !== batch.length) {
      const failure: Exclude<Outcome, { kind: 'ok' }> = outcome.kind === 'ok' ? { kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null } : outcome;
      // Whatever the county did, a resend is safe: a stored rating comes back as a duplicate.
      await ratingsBackToPending(ctx.db, ids, failure.message, 0);
      return failure;
    }
    const outcomes: RatingOutcome[] = [];
    const retry: string[] = [];
    parsed.data.receipts.forEach((r, i) => {
      const outboxId = batch[i]!.item.id;
      if (r.status === 'accepted' || r.status === 'duplicate') outcomes.push({ outboxId, status: r.status, countyRef: r.countyRef, receivedAt: r.receivedAt });
      else if (r.status === 'conflict') outcomes.push({ outboxId, status: 'conflict', message: r.message || CONFLICT_MESSAGE });
      else if (RETRYABLE_REJECTIONS.includes(r.reason)) retry.push(outboxId);
      else outcomes.push({ outboxId, status: 'rejected', message: r.message });
    });
    await applyRatingReceipts(ctx.db, outcomes);
    if (retry.length > 0) await ratingsBackToPending(ctx.db, retry, SYNC_MESSAGES.malformed, ctx.now() + STORE_FAILED_WAIT_MS);
  }
  return null;
}
