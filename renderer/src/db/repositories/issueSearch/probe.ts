/**
 * A short read of the top of each list: how far back its first `probe` entries reach
 * tells the rare lists from the common ones, and their density estimates how many
 * entries a time span holds.
 */
import type { StationDb } from '../../database';
import { recordedAtOf } from './rows';
import type { TimeList } from './lists';
import type { Plan } from './plan';

export interface Probed {
  list: TimeList;
  keys: string[];
  /** recordedAt of the last probed entry; null when the probe read the whole list. */
  reach: string | null;
  /** Entries per millisecond near the top, to estimate a window's size. */
  density: number;
}

/** Milliseconds of a bound: a full timestamp, a day ('YYYY-MM-DD'), a day's end ('…T\uffff') or open ends. */
export function time(bound: string): number {
  if (bound === '') return 0;
  if (bound.startsWith('\uffff')) return Date.now();
  if (bound.endsWith('T\uffff')) return Date.parse(bound.slice(0, 10)) + 86_400_000;
  const t = Date.parse(bound);
  return Number.isNaN(t) ? 0 : t;
}

/** Milliseconds the query range covers, from its lower bound or the oldest issue, whichever is later. */
export async function querySpan(db: StationDb, plan: Plan): Promise<number> {
  const oldest = (await db.issues.orderBy('recordedAt').limit(1).keys())[0];
  const from = Math.max(time(plan.lower), typeof oldest === 'string' ? time(oldest) : 0);
  return Math.max(1, time(plan.upper) - from);
}

/** The lists, rarest first; null when one of them is empty (nothing can match). */
export async function probe(db: StationDb, plan: Plan, lists: TimeList[]): Promise<Probed[] | null> {
  const n = plan.tuning.probe;
  const top = time(plan.upper);
  const probed = await Promise.all(
    lists.map(async (list): Promise<Probed> => {
      const keys = await list.keys(plan.lower, false, plan.upper, n);
      if (keys.length < n) return { list, keys, reach: null, density: 0 };
      const reach = (await recordedAtOf(db, keys[keys.length - 1]!)) ?? plan.lower;
      return { list, keys, reach, density: keys.length / Math.max(1, top - time(reach)) };
    }),
  );
  if (probed.some((p) => p.keys.length === 0)) return null;
  // Complete lists first (shortest first), then by reach: the earlier, the rarer near the
  // top, which is where the page is. (For a skewed list that says nothing about its length;
  // windows.ts and sets.ts take care of that.)
  return probed.sort((a, b) => {
    if (a.reach === null || b.reach === null) return a.reach === null ? (b.reach === null ? a.keys.length - b.keys.length : -1) : 1;
    return a.reach < b.reach ? -1 : a.reach > b.reach ? 1 : 0;
  });
}
