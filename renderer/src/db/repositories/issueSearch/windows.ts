/**
 * Several time-ordered lists (query bigrams, filters), intersected in time windows,
 * newest window first, stopping as soon as a page is full.
 *
 * A short probe of each list tells how far back its first `probe` entries reach; the
 * list reaching least far is the rarest near the top and drives. A window is one chunk
 * of the driver's keys: everything newer than the chunk's last timestamp (that
 * timestamp itself goes to the next window, so runs of one timestamp are never split).
 * In the window, the other lists' keys narrow the driver's, rarest first, as long as
 * reading them is cheaper than reading the candidate rows; the few survivors are read
 * whole (bulkGet), confirmed by `accepts` (substring, filters, cursor) and sorted.
 * Windows double in size, so a query with no match reads each list about once.
 */
import type { StationDb } from '../../database';
import { fetchCandidates, recordedAtOf, type SearchRow } from './rows';
import { accepts, newestFirst, type Plan } from './plan';
import { time, type Probed } from './probe';

export interface WindowsResult {
  /** Matches found, newest first. */
  rows: SearchRow[];
  /** Inclusive upper bound of the part of the range not searched yet; null when the search is complete. */
  rest: string | null;
}

/** Searches at most `maxWindows` windows (all when not given), newest first. */
export async function intersectWindows(db: StationDb, plan: Plan, probed: Probed[], want: number, maxWindows = Infinity): Promise<WindowsResult> {
  const [driver, ...others] = probed as [Probed, ...Probed[]];
  const { maxWindow, keysPerRow } = plan.tuning;
  const rows: SearchRow[] = [];
  let upper = plan.upper;
  let size = plan.tuning.probe;
  let keys: string[] | null = driver.keys;
  for (let window = 0; ; window++) {
    if (window >= maxWindows) return { rows: rows.sort(newestFirst), rest: upper };
    keys ??= await driver.list.keys(plan.lower, false, upper, size);
    const final = keys.length < size;
    let lo = plan.lower;
    let loOpen = false;
    if (!final) {
      const last = (await recordedAtOf(db, keys[keys.length - 1]!)) ?? upper;
      if (last >= upper) {
        // The whole chunk shares the window's top timestamp: read further to get past it.
        size *= 2;
        keys = null;
        window -= 1;
        continue;
      }
      lo = last;
      loOpen = true;
    }
    let candidates = keys;
    const span = Math.max(1, time(upper) - time(lo));
    for (const other of others) {
      if (candidates.length <= 1) break;
      // A list far denser than the candidates costs more to read than the rows it would rule
      // out; a skewed list's density near the top says nothing about the window: rows confirm both.
      if (other.reach !== null && (other.list.skewed || other.density * span > candidates.length * keysPerRow)) continue;
      const keep = new Set(await other.list.keys(lo, loOpen, upper));
      candidates = candidates.filter((id) => keep.has(id));
    }
    for (const row of await fetchCandidates(db, candidates, plan.query.status)) {
      if (accepts(plan, row) && (!loOpen || row.recordedAt > lo)) rows.push(row);
    }
    if (final || rows.length >= want) return { rows: rows.sort(newestFirst), rest: null };
    upper = lo;
    size = Math.min(maxWindow, size * 2);
    keys = null;
  }
}
