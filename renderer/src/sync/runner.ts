/**
 * Runs the one sync engine of this database in the app. Every window calls startSync();
 * the Web Lock makes exactly one of them run the engine, the others wait in line and
 * take over when it closes. Any window's "立即同步" reaches the running engine over a
 * BroadcastChannel.
 */
import { bridge } from '../bridge';
import { getDb } from '../db/database';
import { watchPending } from '../db/repositories/outbox';
import { SyncEngine } from './engine';
import { TIMINGS_KEY, parseTimings } from './timings';

const LOCK_NAME = 'station-desk-sync';
const CHANNEL_NAME = 'station-desk-sync';
const SYNC_NOW = 'syncNow';

export interface SyncHandle {
  /** A round now, ignoring the backoff wait (the user asked). */
  requestSync: () => void;
}

let handle: SyncHandle | null = null;

async function tokenFingerprint(): Promise<string> {
  const status = await bridge.county.tokenStatus();
  return `${status.configured ? 'set' : 'unset'}:${status.masked}`;
}

async function lead(engine: SyncEngine): Promise<never> {
  await engine.start();
  window.addEventListener('online', () => void engine.runOnce(true));
  // A newly sealed list (a duty day closed in any window) goes out without waiting for the timer.
  let pending = -1;
  watchPending(getDb(), (count) => {
    if (pending >= 0 && count > pending) void engine.runOnce(false);
    pending = count;
  });
  // Hold the lock for the page's lifetime; the browser releases it when the page goes.
  return new Promise<never>(() => undefined);
}

export function startSync(): SyncHandle {
  if (handle) return handle;
  const engine = new SyncEngine({
    db: getDb(),
    send: (request) => bridge.county.send(request),
    tokenFingerprint,
    timings: parseTimings(localStorage.getItem(TIMINGS_KEY)),
  });
  let leading = false;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
  const becomeLeader = () => {
    leading = true;
    return lead(engine);
  };
  if (navigator.locks) void navigator.locks.request(LOCK_NAME, becomeLeader);
  else void becomeLeader();
  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      if (leading && event.data === SYNC_NOW) void engine.runOnce(true);
    };
  }
  handle = {
    requestSync: () => {
      if (leading) void engine.runOnce(true);
      else channel?.postMessage(SYNC_NOW);
    },
  };
  return handle;
}
