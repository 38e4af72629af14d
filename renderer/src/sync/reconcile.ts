/**
 * Reconciling a database restored from a backup before anything is sent: reads every
 * list the county holds for the station (GET /v1/lists, page by page), hashes the local
 * lists it also holds, and hands both to applyReconcile (db/repositories/reconcile.ts).
 * Until this succeeds the engine sends nothing; a failure leaves the mark in place.
 */
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import { LISTS_MAX_LIMIT, canonicalJson, listsPath, listsResponseSchema, sanitizeJson, type HeldList } from '../../../shared/protocol/index';
import type { StationDb } from '../db/database';
import { applyReconcile, localPayloads, type ReconcileResult } from '../db/repositories/reconcile';
import { classify, type Outcome } from './classify';
import { sha256Hex } from './contentHash';
import { SYNC_MESSAGES } from './messages';

export interface ReconcileContext {
  db: StationDb;
  send: (request: CountyRequest) => Promise<CountyResponse>;
  stationId: string;
  timeoutMs: number;
  now: () => number;
}

type Failure = Exclude<Outcome, { kind: 'ok' }>;

/** A bound on pages, so a misbehaving endpoint cannot keep the engine busy forever (500 × 2,000 lists). */
const MAX_PAGES = 2000;

async function readHeld(ctx: ReconcileContext): Promise<HeldList[] | Failure> {
  const held: HeldList[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await ctx.send({ method: 'GET', path: listsPath(after, LISTS_MAX_LIMIT), timeoutMs: ctx.timeoutMs });
    // A county from before GET /v1/lists: keep waiting (it may be upgraded), say why.
    if (res.kind === 'response' && res.status === 404) return { kind: 'retry', message: SYNC_MESSAGES.reconcileUnsupported, retryAfterMs: null };
    const outcome = classify(res, ctx.now());
    if (outcome.kind !== 'ok') return outcome;
    const parsed = listsResponseSchema.safeParse(outcome.body);
    if (!parsed.success || (parsed.data.hasMore && (parsed.data.cursor === null || parsed.data.cursor === after))) {
      console.warn('County lists response is malformed', parsed.success ? 'cursor did not move' : parsed.error.message);
      return { kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null };
    }
    held.push(...parsed.data.lists);
    if (!parsed.data.hasMore) return held;
    after = parsed.data.cursor;
  }
  return { kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null };
}

/** Returns what was reconciled, or the failure that keeps the station waiting. */
export async function reconcileWithCounty(ctx: ReconcileContext): Promise<ReconcileResult | Failure> {
  const held = await readHeld(ctx);
  if (!Array.isArray(held)) return held;
  const payloads = await localPayloads(ctx.db, held.map((h) => h.id));
  const hashes = new Map<string, string>();
  // Hashed exactly as push.ts hashes a list it sends.
  for (const [id, payload] of payloads) hashes.set(id, await sha256Hex(canonicalJson(sanitizeJson(payload))));
  const result = await applyReconcile(ctx.db, ctx.stationId, held, hashes);
  console.info(`Reconciled with the county: ${held.length} lists there, ${result.acknowledged} acknowledged here, ${result.countyOnly.length} only there`);
  return result;
}
