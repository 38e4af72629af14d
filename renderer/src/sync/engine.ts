/**
 * The sync engine: one round = ping, (after a restore) reconcile, push due outbox
 * entries, pull county updates, then the county's working-day calendar when it changed.
 * It owns no data (the repositories do) and no UI; everything it knows about time,
 * chance and the network is injected so tests can drive it step by step.
 * Rules: renderer/src/sync/README.md.
 */
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import { pingPath, pingResponseSchema, retryDelayMs, type PingResponse } from '../../../shared/protocol/index';
import type { StationDb } from '../db/database';
import { duePending, markRetry, recoverInterrupted, returnToPending } from '../db/repositories/outbox';
import { getStation } from '../db/repositories/station';
import { getSyncState, patchSyncState } from '../db/repositories/syncState';
import type { SyncState } from '../db/syncRows';
import { refreshCalendar } from './calendar';
import { classify, type Outcome } from './classify';
import { SYNC_MESSAGES } from './messages';
import { pullUpdates } from './pull';
import { pushEntries, type PushFailure } from './push';
import { pushRatings } from './pushRatings';
import { reconcileWithCounty } from './reconcile';
import { DEFAULT_TIMINGS, type SyncTimings } from './timings';

type Failure = Exclude<Outcome, { kind: 'ok' }>;

export interface SyncDeps {
  db: StationDb;
  send: (request: CountyRequest) => Promise<CountyResponse>;
  /** The masked token (e.g. '••••3f9a'): tells whether the token changed since it was refused. */
  tokenFingerprint: () => Promise<string>;
  now?: () => number;
  random?: () => number;
  timings?: SyncTimings;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class SyncEngine {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timings: SyncTimings;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again: { force: boolean } | null = null;
  private started = false;

  constructor(private readonly deps: SyncDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.timings = deps.timings ?? DEFAULT_TIMINGS;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Recovers from an interrupted run and starts the automatic rounds. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await recoverInterrupted(this.deps.db);
    this.schedule(0);
  }

  stop(): void {
    this.started = false;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  /** One round now. `force` (the "立即同步" button, the online event) ignores the backoff wait. */
  runOnce(force = false): Promise<void> {
    if (this.running) {
      this.again = { force: force || (this.again?.force ?? false) };
      return this.running;
    }
    this.running = this.round(force)
      .catch((error: unknown) => {
        // A bug or a storage failure must not kill the timer; the next round tries again.
        console.error('Sync round failed', error);
        return this.fail({ kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null }).then(() => undefined);
      })
      .finally(() => {
        this.running = null;
        const again = this.again;
        this.again = null;
        if (again) void this.runOnce(again.force);
        else void this.scheduleNext();
      });
    return this.running;
  }

  private schedule(ms: number): void {
    if (!this.started) return;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.runOnce(false);
    }, ms);
  }

  private async scheduleNext(): Promise<void> {
    const state = await getSyncState(this.deps.db);
    const waiting = (state.status === 'retrying' || state.status === 'offline') && state.nextAttemptAt > 0;
    this.schedule(waiting ? Math.max(0, state.nextAttemptAt - this.now()) : this.timings.intervalMs);
  }

  private async round(force: boolean): Promise<void> {
    const { db } = this.deps;
    const station = await getStation(db);
    if (!station) return;
    const state = await getSyncState(db);
    if (!force && (state.status === 'retrying' || state.status === 'offline') && this.now() < state.nextAttemptAt) return;
    if (!force && state.status === 'tokenRejected' && (await this.deps.tokenFingerprint()) === state.rejectedToken) return;
    await patchSyncState(db, { status: 'syncing' });

    const ping = await this.ping(station.stationId);
    if ('kind' in ping) return this.fail(ping);

    // A restored database first learns what the county holds (numbers, receipts); until
    // then nothing is sent, so no list goes twice and no number is reused.
    if (state.needsReconcile) {
      const reconciled = await reconcileWithCounty({ db, send: this.deps.send, stationId: station.stationId, timeoutMs: this.timings.requestTimeoutMs, now: this.now });
      if ('kind' in reconciled) return this.fail(reconciled);
    }

    const entries = await duePending(db, force ? Infinity : this.now());
    // Lists the county stored this round, and the last list it failed on alone.
    let stored = false;
    let itemFailure: string | null = null;
    const pushed = await pushEntries(
      {
        db,
        send: this.deps.send,
        stationId: station.stationId,
        timeoutMs: this.timings.requestTimeoutMs,
        now: this.now,
        maxBatchBytes: this.timings.maxBatchBytes,
        itemDelayMs: (failures) =>
          retryDelayMs(failures - 1, null, { baseMs: this.timings.backoffBaseMs, capMs: this.timings.backoffCapMs, random: this.random }),
        onStored: () => (stored = true),
        onItemFailed: (message) => (itemFailure = message),
      },
      entries,
    );
    // Lists went through even if the round fails now: the screen must not say 从未同步.
    if (pushed) return this.fail(pushed.outcome, pushed, stored);

    // Ratings after the lists: the county must have an issue before its rating.
    const rated = await pushRatings({ db, send: this.deps.send, stationId: station.stationId, timeoutMs: this.timings.requestTimeoutMs, now: this.now }, force ? Infinity : this.now());
    if (rated) return this.fail(rated, undefined, stored);

    const pulled = await pullUpdates({ db, send: this.deps.send, timeoutMs: this.timings.requestTimeoutMs, now: this.now });
    if (pulled) return this.fail(pulled, undefined, stored);

    const calendar = await refreshCalendar({ db, send: this.deps.send, timeoutMs: this.timings.requestTimeoutMs, now: this.now }, ping.calendarVersion);
    if (calendar) return this.fail(calendar, undefined, stored);

    // The county failed on one list alone: the others went and the pull is done, but the
    // round is not clean; that list waits on its own clock (see push.ts).
    if (itemFailure !== null) return this.fail({ kind: 'retry', message: itemFailure, retryAfterMs: null }, undefined, true);

    await patchSyncState(db, {
      status: 'synced',
      message: '',
      lastSyncAt: new Date(this.now()).toISOString(),
      consecutiveFailures: 0,
      nextAttemptAt: 0,
      rejectedToken: '',
    });
  }

  /** Reachability is decided by the endpoint answering, not by navigator.onLine. */
  private async ping(stationId: string): Promise<Failure | PingResponse> {
    const res = await this.deps.send({ method: 'GET', path: pingPath(), timeoutMs: this.timings.requestTimeoutMs });
    const outcome = classify(res, this.now());
    if (outcome.kind !== 'ok') return outcome;
    const parsed = pingResponseSchema.safeParse(outcome.body);
    if (!parsed.success) return { kind: 'retry', message: SYNC_MESSAGES.malformed, retryAfterMs: null };
    if (parsed.data.stationId !== stationId) return { kind: 'token', message: SYNC_MESSAGES.otherStation };
    return parsed.data;
  }

  /** `exchanged`: something reached the county this round, so it counts as the last sync. */
  private async fail(outcome: Failure, pushed?: PushFailure, exchanged = false): Promise<void> {
    const { db } = this.deps;
    const state = await getSyncState(db);
    const inFlight = pushed?.inFlight ?? [];
    const patch: Partial<SyncState> = { message: outcome.message, ...(exchanged ? { lastSyncAt: new Date(this.now()).toISOString() } : {}) };
    if (outcome.kind === 'retry' || outcome.kind === 'offline') {
      const delay = retryDelayMs(state.consecutiveFailures, outcome.kind === 'retry' ? outcome.retryAfterMs : null, {
        baseMs: this.timings.backoffBaseMs,
        // Offline: keep checking at least every interval, pinging is cheap.
        capMs: outcome.kind === 'offline' ? Math.min(this.timings.backoffCapMs, this.timings.intervalMs) : this.timings.backoffCapMs,
        random: this.random,
      });
      const nextAttemptAt = this.now() + delay;
      await markRetry(db, inFlight, outcome.message, nextAttemptAt);
      Object.assign(patch, {
        status: outcome.kind === 'offline' ? 'offline' : 'retrying',
        consecutiveFailures: state.consecutiveFailures + 1,
        nextAttemptAt,
      });
      console.warn(`Sync ${outcome.kind}; next attempt in ${delay} ms`);
    } else {
      await returnToPending(db, inFlight, outcome.message);
      if (outcome.kind === 'token') {
        Object.assign(patch, { status: 'tokenRejected', rejectedToken: await this.deps.tokenFingerprint(), nextAttemptAt: 0 });
      } else if (outcome.kind === 'notConfigured') {
        Object.assign(patch, { status: 'notConfigured', nextAttemptAt: 0 });
      } else {
        Object.assign(patch, { status: 'attention', nextAttemptAt: 0 });
      }
      console.warn(`Sync stopped: ${outcome.kind}`);
    }
    await patchSyncState(db, patch);
  }
}
