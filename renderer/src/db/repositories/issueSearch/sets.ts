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
import { fetchCandidates, type SearchRow } from './rows';
import { accepts, type Plan } from './plan';
import type { Probed } from './probe';

/** Entries a list is expected to hold over the whole query range, from its probe. */
export function expected(p: Probed, span: number): number {
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
 * Whether reading `other` whole to narrow the candidates is worth it. A complete (short)
 * list always is. A word's list is, when reading its keys costs less than reading the
 * candidate rows it rules out. A filter (category, handling, status) matches a large share
 * of issues, so the rows confirm it more cheaply; a skewed list's length cannot be told
 * from its probe at all.
 */
function worthReading(other: Probed, candidates: number, span: number, keysPerRow: number): boolean {
  if (other.reach === null) return true;
  return other.list.text && !other.list.skewed && expected(other, span) <= candidates * keysPerRow;
}

/**
 * The page by whole lists, or null when no list is short enough (≤ `tuning.fullList`
 * keys): then time windows are cheaper. The driver is the first list, rarest first, that
 * reads whole within the limit (a skewed list is simply tried, its probe tells nothing).
 */
export async function intersectSets(db: StationDb, plan: Plan, probed: Probed[], span: number, want: number): Promise<SearchRow[] | null> {
  const { fullList, keysPerRow } = plan.tuning;
  let driver: Probed | null = null;
  let candidates: string[] | null = null;
  for (const p of probed) {
    if (!p.list.skewed && expected(p, span) > fullList) continue;
    candidates = await whole(plan, p, fullList);
    if (candidates !== null) {
      driver = p;
      break;
    }
  }
  if (driver === null || candidates === null) return null;
  for (const other of probed) {
    if (other === driver) continue;
    if (candidates.length <= 1) break;
    const budget = candidates.length * keysPerRow;
    if (!worthReading(other, candidates.length, span, keysPerRow)) continue;
    const keys = await whole(plan, other, budget);
    if (keys === null) continue;
    const keep = new Set(keys);
    candidates = candidates.filter((id) => keep.has(id));
  }
  const rows: SearchRow[] = [];
  let chunk = Math.max(16, want);
  for (let at = 0; at < candidates.length && rows.length < want; at += chunk, chunk *= 2) {
    for (const row of await fetchCandidates(db, candidates.slice(at, at + chunk), plan.query.status)) {
      if (accepts(plan, row)) rows.push(row);
    }
  }
  return rows.slice(0, want);
}
