/**
 * Whole-list intersection, for queries whose rarest list is short enough to read whole:
 * a name, an enterprise, a rare word, or a combination of common bigrams that never
 * occurs together (the case time windows handle worst, since they must walk every
 * window to prove there is nothing).
 *
 * The rarest list's keys are read in one bulk read, newest first. Each further list, rarest
 * first, is read whole too and narrows the candidates, as long as reading it costs less
 * than reading the candidate rows it could rule out; lists denser than that (a common
 * status, a very common bigram) are left to `accepts`. The survivors are already in page
 * order, so rows are read in growing chunks and the search stops when the page is full.
 */
import type { StationDb } from '../../database';
import { fetchRows, type SearchRow } from './rows';
import { accepts, type Plan } from './plan';
import type { Probed } from './probe';

/** Entries a list is expected to hold over the whole query range, from its probe. */
function expected(p: Probed, span: number): number {
  return p.reach === null ? p.keys.length : Math.max(p.keys.length, p.density * span);
}

/** Reads a probed list whole, or null when it holds more than `limit` keys. */
async function whole(plan: Plan, p: Probed, limit: number): Promise<string[] | null> {
  if (p.reach === null) return p.keys;
  // IndexedDB counts are unsigned 32-bit: a larger budget means no limit.
  const bounded = limit < 2 ** 31;
  const keys = await p.list.keys(plan.lower, false, plan.upper, bounded ? Math.floor(limit) + 1 : undefined);
  return bounded && keys.length > limit ? null : keys;
}

/**
 * The page by whole lists, or null when the rarest list is longer than `tuning.fullList`
 * (then time windows are cheaper: the page is found among the newest entries).
 */
export async function intersectSets(db: StationDb, plan: Plan, probed: Probed[], span: number, want: number): Promise<SearchRow[] | null> {
  const [driver, ...others] = probed as [Probed, ...Probed[]];
  const { fullList, keysPerRow } = plan.tuning;
  if (expected(driver, span) > fullList) return null;
  let candidates = await whole(plan, driver, fullList);
  if (candidates === null) return null;
  for (const other of others) {
    if (candidates.length <= 1) break;
    const budget = candidates.length * keysPerRow;
    if (expected(other, span) > budget) continue;
    const keys = await whole(plan, other, budget);
    if (keys === null) continue;
    const keep = new Set(keys);
    candidates = candidates.filter((id) => keep.has(id));
  }
  const rows: SearchRow[] = [];
  let chunk = Math.max(16, want);
  for (let at = 0; at < candidates.length && rows.length < want; at += chunk, chunk *= 2) {
    for (const row of await fetchRows(db, candidates.slice(at, at + chunk), plan.query.status !== undefined)) {
      if (accepts(plan, row)) rows.push(row);
    }
  }
  return rows.slice(0, want);
}
