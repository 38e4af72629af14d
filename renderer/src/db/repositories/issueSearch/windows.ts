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
import type { IssueRow } from '../../rows';
import type { TimeList } from './lists';
import { accepts, newestFirst, type Plan } from './plan';

interface Probed {
  list: TimeList;
  keys: string[];
  /** recordedAt of the last probed entry; null when the probe read the whole list. */
  reach: string | null;
  /** Entries per millisecond near the top, to estimate a window's size. */
  density: number;
}

/** Milliseconds of a bound: a full timestamp, a day ('YYYY-MM-DD'), a day's end ('…T\uffff') or open ends. */
function time(bound: string): number {
  if (bound === '') return 0;
  if (bound.startsWith('\uffff')) return Date.now();
  if (bound.endsWith('T\uffff')) return Date.parse(bound.slice(0, 10)) + 86_400_000;
  const t = Date.parse(bound);
  return Number.isNaN(t) ? 0 : t;
}

async function probe(db: StationDb, plan: Plan, lists: TimeList[]): Promise<Probed[] | null> {
  const n = plan.tuning.probe;
  const top = time(plan.upper);
  const probed = await Promise.all(
    lists.map(async (list): Promise<Probed> => {
      const keys = await list.keys(plan.lower, false, plan.upper, n);
      if (keys.length < n) return { list, keys, reach: null, density: 0 };
      const reach = (await db.issues.get(keys[keys.length - 1]!))?.recordedAt ?? plan.lower;
      return { list, keys, reach, density: keys.length / Math.max(1, top - time(reach)) };
    }),
  );
  if (probed.some((p) => p.keys.length === 0)) return null;
  // Complete lists first (shortest first), then by reach: the earlier, the rarer.
  return probed.sort((a, b) => {
    if (a.reach === null || b.reach === null) return a.reach === null ? (b.reach === null ? a.keys.length - b.keys.length : -1) : 1;
    return a.reach < b.reach ? -1 : a.reach > b.reach ? 1 : 0;
  });
}

export async function intersectWindows(db: StationDb, plan: Plan, lists: TimeList[], want: number): Promise<IssueRow[]> {
  const probed = await probe(db, plan, lists);
  if (!probed) return [];
  const [driver, ...others] = probed as [Probed, ...Probed[]];
  const { maxWindow, keysPerRow } = plan.tuning;
  const rows: IssueRow[] = [];
  let upper = plan.upper;
  let size = plan.tuning.probe;
  let keys: string[] | null = driver.keys;
  for (;;) {
    keys ??= await driver.list.keys(plan.lower, false, upper, size);
    const final = keys.length < size;
    let lo = plan.lower;
    let loOpen = false;
    if (!final) {
      const last = (await db.issues.get(keys[keys.length - 1]!))?.recordedAt ?? upper;
      if (last >= upper) {
        // The whole chunk shares the window's top timestamp: read further to get past it.
        size *= 2;
        keys = null;
        continue;
      }
      lo = last;
      loOpen = true;
    }
    let candidates = keys;
    const span = Math.max(1, time(upper) - time(lo));
    for (const other of others) {
      if (candidates.length <= 1) break;
      // A list far denser than the candidates costs more to read than the rows it would rule out.
      if (other.reach !== null && other.density * span > candidates.length * keysPerRow) continue;
      const keep = new Set(await other.list.keys(lo, loOpen, upper));
      candidates = candidates.filter((id) => keep.has(id));
    }
    for (const row of await db.issues.bulkGet(candidates)) {
      if (row && accepts(plan, row) && (!loOpen || row.recordedAt > lo)) rows.push(row);
    }
    if (final || rows.length >= want) return rows.sort(newestFirst);
    upper = lo;
    size = Math.min(maxWindow, size * 2);
    keys = null;
  }
}
