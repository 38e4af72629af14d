/**
 * Pull: asks for county status updates after the stored cursor and applies each page
 * idempotently, storing the new cursor in the same transaction.
 */
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import { UPDATES_MAX_LIMIT, updatesPath, updatesResponseSchema } from '../../../shared/protocol/index';
import type { StationDb } from '../db/database';
import { applyCountyUpdates } from '../db/repositories/countyStatus';
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

export async function pullUpdates(ctx: PullContext): Promise<Exclude<Outcome, { kind: 'ok' }> | null> {
  let cursor = (await getSyncState(ctx.db)).cursor;
  for (let page = 0; page < MAX_PAGES_PER_ROUND; page++) {
    const res = await ctx.send({ method: 'GET', path: updatesPath(cursor, UPDATES_MAX_LIMIT), timeoutMs: ctx.timeoutMs });
    const outcome = classify(res, ctx.now());
    if (outcome.kind !== 'ok') return outcome;
    const parsed = updatesResponseSchema.safeParse(outcome.body);
    if (!parsed.success || parsed.data.cursor < cursor) {
      console.warn('County updates response is malformed', parsed.success ? 'cursor moved back' : parsed.error.message);
      return { kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null };
    }
    await applyCountyUpdates(ctx.db, parsed.data.updates, parsed.data.cursor);
    const moved = parsed.data.cursor > cursor;
    cursor = parsed.data.cursor;
    if (!parsed.data.hasMore || !moved) return null;
  }
  return null;
}
