/**
 * Pull: asks for county status updates after the stored cursor and stores each page in
 * the county inbox with the new cursor, in one transaction; reads see the updates at once
 * and they are folded into issue states in the background (db/repositories/countyFold.ts),
 * idempotently.
 */
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import { UPDATES_MAX_LIMIT, updatesPath, updatesResponseSchema, type StatusUpdate } from '../../../shared/protocol/index';
import type { StationDb } from '../db/database';
import { scheduleCountyFold } from '../db/repositories/countyFold';
import { receiveCountyUpdates } from '../db/repositories/countyStatus';
import { getSyncState } from '../db/repositories/syncState';
import { classify, type Outcome } from './classify';
import { SYNC_MESSAGES } from './messages';

export interface PullContext {
  db: StationDb;
  send: (request: CountyRequest) => Promise<CountyResponse>;
  timeoutMs: number;
  now: () => number;
}

/** A bound on pages per round, so a misbehaving endpoint cannot keep the engine busy forever. */
const MAX_PAGES_PER_ROUND = 200;

type Page = { ok: true; updates: StatusUpdate[]; cursor: number; hasMore: boolean } | { ok: false; failure: Exclude<Outcome, { kind: 'ok' }> };

async function fetchPage(ctx: PullContext, after: number): Promise<Page> {
  const res = await ctx.send({ method: 'GET', path: updatesPath(after, UPDATES_MAX_LIMIT), timeoutMs: ctx.timeoutMs });
  const outcome = classify(res, ctx.now());
  if (outcome.kind !== 'ok') return { ok: false, failure: outcome };
  const parsed = updatesResponseSchema.safeParse(outcome.body);
  if (!parsed.success || parsed.data.cursor < after) {
    console.warn('County updates response is malformed', parsed.success ? 'cursor moved back' : parsed.error.message);
    return { ok: false, failure: { kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null } };
  }
  return { ok: true, ...parsed.data };
}

/** One round of pulling: every page after the cursor (up to a bound), then the fold is started. */
export async function pullUpdates(ctx: PullContext): Promise<Exclude<Outcome, { kind: 'ok' }> | null> {
  const start = (await getSyncState(ctx.db)).cursor;
  try {
    return await pullPages(ctx, start);
  } finally {
    // The fold starts once the round's pages are stored, so it does not slow the pull.
    scheduleCountyFold(ctx.db);
  }
}

/**
 * Pages are stored strictly in order; the next page is already being fetched while one
 * is stored (its `after` is known from the answer), so network and storage overlap.
 */
async function pullPages(ctx: PullContext, start: number): Promise<Exclude<Outcome, { kind: 'ok' }> | null> {
  let next: Promise<Page> | null = fetchPage(ctx, start);
  let cursor = start;
  for (let page = 0; next && page < MAX_PAGES_PER_ROUND; page++) {
    const current: Page = await next;
    if (!current.ok) return current.failure;
    const moved: boolean = current.cursor > cursor;
    next = current.hasMore && moved ? fetchPage(ctx, current.cursor) : null;
    try {
      await receiveCountyUpdates(ctx.db, current.updates, current.cursor);
    } catch (error) {
      // Let the prefetched request settle before reporting, so no promise is left unhandled.
      await next;
      throw error;
    }
    cursor = current.cursor;
  }
  // A prefetched page beyond the round's bound is simply asked for again next round.
  if (next) await next;
  return null;
}
