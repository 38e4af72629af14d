/**
 * History search over issues: one page at a time, newest first, never loading every
 * record. Owns the choice of access path:
 *
 * - text of 2+ characters: probe the posting list (primary keys in the multi-entry
 *   `*grams` index) of each query bigram, up to `postingCap` keys. A shorter list is
 *   complete, so the intersection of the complete lists (smallest first, stopping when
 *   empty) is a bounded candidate set. A few candidates are read whole (bulkGet) and
 *   sorted; more are picked, in time order, out of a keys-only walk of the time index.
 *   Every row read is confirmed by substring on `searchText` and filtered.
 *   When every bigram is common, matches are usually dense and a short walk of the time
 *   index finds a page; if that walk's budget runs out (common bigrams, rare
 *   combination), or too many candidates remain, the common bigrams' posting lists
 *   (a wider probe, whole lists only when needed) narrow them, shortest first, stopping early.
 * - no text or 1 character: walk the most selective recordedAt-ordered index
 *   ([category|status|handling+recordedAt] or recordedAt) newest first.
 *
 * Walks read in growing chunks (one getAll each, not one cursor step per row) and filter
 * in memory. Paging is keyset, not offset: the cursor is the (recordedAt, id) of the last
 * issue shown, which is also the order of every recordedAt index (ties by primary key).
 */
import type { HandlingMode, IssueStatus } from '../../../../shared/domain/enums';
import type { Issue, Reception } from '../../../../shared/domain/schemas';
import { bigrams, normalizeForSearch } from '../../../../shared/domain/search';
import { rowToIssue } from '../convert';
import type { StationDb } from '../database';
import type { IssueRow } from '../rows';

export interface IssueSearchQuery {
  text?: string;
  /** First local day included, YYYY-MM-DD. */
  from?: string;
  /** Last local day included (the whole day), YYYY-MM-DD. */
  to?: string;
  category?: string;
  status?: IssueStatus;
  handling?: HandlingMode;
}

/** Position after the last issue of a page. */
export interface IssueSearchCursor {
  recordedAt: string;
  id: string;
}

export interface IssueSearchHit {
  issue: Issue;
  receptionId: string;
  receivedAt: string;
  visitorNames: string[];
  enterprises: string[];
}

export interface IssueSearchPage {
  items: IssueSearchHit[];
  /** Pass back to get the next page; null when this is the last page. */
  cursor: IssueSearchCursor | null;
  hasMore: boolean;
}

/** Sizes that trade reads for round trips; tests shrink them to reach every path with little data. */
export interface SearchTuning {
  /** A posting list shorter than this is read whole; a longer one marks a common bigram. */
  postingCap: number;
  /** Rows read while hunting for dense matches before intersecting whole posting lists. */
  denseBudget: number;
  /** Up to this many candidates are read whole; more are picked out of a keys-only walk. */
  bulkReadLimit: number;
  /** The second, wider probe of a common bigram's posting list. */
  widePostingCap: number;
  firstChunk: number;
  maxChunk: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  postingCap: 1000,
  denseBudget: 300,
  bulkReadLimit: 300,
  widePostingCap: 8000,
  firstChunk: 64,
  maxChunk: 4096,
};

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
/** Sorts after any time suffix, so `${day}${END_OF_DAY}` bounds the whole day. */
const END_OF_DAY = 'T\uffff';

interface Plan {
  text: string;
  lower: string;
  upper: string;
  query: IssueSearchQuery;
  cursor: IssueSearchCursor | null;
  tuning: SearchTuning;
}

export async function searchIssues(
  db: StationDb,
  query: IssueSearchQuery,
  page: { limit?: number; cursor?: IssueSearchCursor | null; tuning?: Partial<SearchTuning> } = {},
): Promise<IssueSearchPage> {
  const limit = Math.max(1, Math.floor(page.limit ?? 50));
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value && !DAY_KEY.test(value)) throw new Error(`searchIssues: "${key}" must be YYYY-MM-DD, got "${value}"`);
  }
  const cursor = page.cursor ?? null;
  const plan: Plan = {
    text: normalizeForSearch(query.text ?? ''),
    lower: query.from ?? '',
    upper: query.to ? query.to + END_OF_DAY : '\uffff',
    query,
    cursor,
    tuning: { ...DEFAULT_TUNING, ...page.tuning },
  };
  if (cursor && cursor.recordedAt < plan.upper) plan.upper = cursor.recordedAt;
  if (plan.lower > plan.upper) return { items: [], cursor: null, hasMore: false };

  return db.transaction('r', [db.issues, db.receptions], async () => {
    const rows = Array.from(plan.text).length >= 2 ? await byGrams(db, plan, limit + 1) : await walk(db, plan, limit + 1);
    const hasMore = rows.length > limit;
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      items: await joinReceptions(db, shown),
      cursor: hasMore && last ? { recordedAt: last.recordedAt, id: last.id } : null,
      hasMore,
    };
  });
}

/** Everything a row must satisfy besides being on the chosen index range. */
function accepts(plan: Plan, row: IssueRow): boolean {
  const { query, cursor } = plan;
  if (row.recordedAt < plan.lower || row.recordedAt > plan.upper) return false;
  if (cursor && row.recordedAt === cursor.recordedAt && row.id >= cursor.id) return false;
  if (query.category && row.category !== query.category) return false;
  if (query.status && row.status !== query.status) return false;
  if (query.handling && row.handling !== query.handling) return false;
  return plan.text === '' || row.searchText.includes(plan.text);
}

/** Newest first, ties by id descending: the order of a reversed recordedAt index. */
function newestFirst(a: IssueRow, b: IssueRow): number {
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

async function byGrams(db: StationDb, plan: Plan, want: number): Promise<IssueRow[]> {
  const grams = bigrams(plan.text);
  const probes = await Promise.all(
    grams.map((g) => db.issues.where('grams').equals(g).limit(plan.tuning.postingCap).primaryKeys()),
  );
  const source = await pickSource(db, plan);
  if (!source) return [];
  const complete = probes.filter((l) => l.length < plan.tuning.postingCap);
  const common = grams.filter((_, i) => probes[i]!.length >= plan.tuning.postingCap);

  const candidates: string[] | null = complete.length > 0 ? intersect(complete) : null;
  if (candidates === null) {
    // Every bigram is common, so matches are usually dense: a short walk finds a page.
    const dense = await scan(plan, source, want, plan.tuning.denseBudget);
    if (dense.complete) return dense.rows;
  }
  const narrowed = await narrow(db, plan, candidates, common);
  // Every bigram is in thousands of issues: the substring is common too, so walk on.
  if (narrowed === null) return (await scan(plan, source, want, Infinity)).rows;
  return fromCandidates(db, plan, source, want, narrowed);
}

/**
 * Narrows candidates with the posting lists of the common bigrams and stops early: when
 * nothing is left or few enough remain to read. Returns null when there are no
 * candidates and every list is longer than the wide probe (the caller walks instead). A second, wider probe (read once, kept)
 * completes most lists; a list still longer than that is read whole unless only a few
 * hundred candidates remain (reading them is then cheaper). Counting is avoided on purpose:
 * in Chromium a count walks the index entries just as reading their keys does.
 */
async function narrow(db: StationDb, plan: Plan, start: string[] | null, common: string[]): Promise<string[] | null> {
  const { bulkReadLimit, widePostingCap } = plan.tuning;
  if (start !== null && (common.length === 0 || start.length <= bulkReadLimit)) return start;
  const lists = await Promise.all(common.map((g) => db.issues.where('grams').equals(g).limit(widePostingCap).primaryKeys()));
  const order = common.map((g, i) => ({ g, list: lists[i]! })).sort((a, b) => a.list.length - b.list.length);
  if (start === null && order[0]!.list.length >= widePostingCap) return null;
  let candidates = start;
  for (const { g, list } of order) {
    if (candidates !== null && candidates.length <= bulkReadLimit) break;
    let postings = list;
    if (list.length >= widePostingCap) {
      // Reading even a long key list is cheaper than reading a few thousand rows that may all fail the substring check.
      if (candidates !== null && candidates.length <= 4 * bulkReadLimit) break;
      postings = await db.issues.where('grams').equals(g).primaryKeys();
    }
    candidates = candidates === null ? postings : intersect([candidates, postings]);
    if (candidates.length === 0) break;
  }
  return candidates;
}

/** Intersection of posting lists, smallest first, stopping as soon as it is empty. */
function intersect(lists: string[][]): string[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0] ?? [];
  for (const list of sorted.slice(1)) {
    if (result.length === 0) break;
    const keep = new Set(list);
    result = result.filter((id) => keep.has(id));
  }
  return result;
}

/** A few candidates are read whole and sorted; many are picked out of a keys-only walk in time order. */
async function fromCandidates(db: StationDb, plan: Plan, source: Source, want: number, ids: string[]): Promise<IssueRow[]> {
  if (ids.length === 0) return [];
  if (ids.length > plan.tuning.bulkReadLimit) return keyScan(db, plan, source, want, new Set(ids));
  const rows = await db.issues.bulkGet(ids);
  return rows
    .filter((r): r is IssueRow => r !== undefined && accepts(plan, r))
    .sort(newestFirst)
    .slice(0, want);
}

/**
 * Walks the index newest first reading primary keys only, and reads just the rows whose
 * id is a candidate. Each chunk resumes below its last entry: first the rest of that
 * entry's timestamp (smaller ids), then strictly earlier timestamps.
 */
async function keyScan(db: StationDb, plan: Plan, source: Source, want: number, keep: Set<string>): Promise<IssueRow[]> {
  const rows: IssueRow[] = [];
  const take = async (ids: string[]): Promise<boolean> => {
    const picked = ids.filter((id) => keep.has(id));
    if (picked.length === 0) return false;
    for (const row of await db.issues.bulkGet(picked)) {
      if (row && accepts(plan, row)) rows.push(row);
      if (rows.length >= want) return true;
    }
    return false;
  };
  const restOfRun = async (at: string, belowId: string) => take((await source.keysAt(at)).filter((id) => id < belowId));

  let upper = plan.upper;
  let inclusive = true;
  if (plan.cursor) {
    if (await restOfRun(plan.cursor.recordedAt, plan.cursor.id)) return rows;
    inclusive = false;
  }
  let chunk = plan.tuning.firstChunk * 8;
  for (;;) {
    const ids = await source.readKeys(plan.lower, upper, inclusive, chunk);
    if ((await take(ids)) || ids.length < chunk) return rows;
    const last = await db.issues.get(ids[ids.length - 1]!);
    // Inside the read transaction the row cannot vanish; stop rather than loop if it somehow did.
    if (!last) return rows;
    if (await restOfRun(last.recordedAt, last.id)) return rows;
    upper = last.recordedAt;
    inclusive = false;
    chunk = Math.min(plan.tuning.maxChunk * 4, chunk * 2);
  }
}


interface Source {
  /** Reads `limit` rows newest first with recordedAt in [lower, upper]. */
  read: (lower: string, upper: string, limit: number) => Promise<IssueRow[]>;
  /** Primary keys only, newest first, recordedAt in [lower, upper] or [lower, upper). */
  readKeys: (lower: string, upper: string, inclusive: boolean, limit: number) => Promise<string[]>;
  /** Primary keys of the entries at exactly this recordedAt, largest id first. */
  keysAt: (recordedAt: string) => Promise<string[]>;
}

/** The narrowest recordedAt-ordered index the filters allow; null when a filter range is empty. */
async function pickSource(db: StationDb, plan: Plan): Promise<Source | null> {
  const { query } = plan;
  const options: { index: string; value: string }[] = [];
  if (query.category) options.push({ index: '[category+recordedAt]', value: query.category });
  if (query.status) options.push({ index: '[status+recordedAt]', value: query.status });
  if (query.handling) options.push({ index: '[handling+recordedAt]', value: query.handling });
  if (options.length === 0) {
    const range = (lo: string, hi: string, inclusive = true) => db.issues.where('recordedAt').between(lo, hi, true, inclusive).reverse();
    return {
      read: (lo, hi, limit) => range(lo, hi).limit(limit).toArray(),
      readKeys: (lo, hi, inclusive, limit) => range(lo, hi, inclusive).limit(limit).primaryKeys(),
      keysAt: (at) => range(at, at).primaryKeys(),
    };
  }
  let best = options[0]!;
  if (options.length > 1) {
    // Compare the ranges by a capped key probe: an exact count walks every entry, and
    // "fewer than the cap" already tells which index is narrow enough to walk.
    const sizes = await Promise.all(
      options.map(
        async (o) =>
          (await db.issues.where(o.index).between([o.value, plan.lower], [o.value, plan.upper], true, true).limit(plan.tuning.postingCap).primaryKeys()).length,
      ),
    );
    const min = Math.min(...sizes);
    if (min === 0) return null;
    best = options[sizes.indexOf(min)]!;
  }
  const { index, value } = best;
  const range = (lo: string, hi: string, inclusive = true) =>
    db.issues.where(index).between([value, lo], [value, hi], true, inclusive).reverse();
  return {
    read: (lo, hi, limit) => range(lo, hi).limit(limit).toArray(),
    readKeys: (lo, hi, inclusive, limit) => range(lo, hi, inclusive).limit(limit).primaryKeys(),
    keysAt: (at) => range(at, at).primaryKeys(),
  };
}

async function walk(db: StationDb, plan: Plan, want: number): Promise<IssueRow[]> {
  const source = await pickSource(db, plan);
  return source ? (await scan(plan, source, want, Infinity)).rows : [];
}

/**
 * Reads an index newest first in growing chunks — one getAll per chunk instead of one
 * cursor step per row — keeping the rows `accepts` (and `extra`) keep. Each chunk resumes
 * below the last row read: same recordedAt with a smaller id, or an earlier recordedAt.
 * `complete` is false when the budget ran out before `want` rows or the range's end.
 */
async function scan(
  plan: Plan,
  source: Source,
  want: number,
  budget: number,
  extra: (row: IssueRow) => boolean = () => true,
): Promise<{ rows: IssueRow[]; complete: boolean }> {
  const rows: IssueRow[] = [];
  let upper = plan.upper;
  let after = plan.cursor;
  const { firstChunk, maxChunk } = plan.tuning;
  let chunk = Math.min(maxChunk, Math.max(firstChunk, want * 2));
  let read = 0;
  for (;;) {
    const batch = await source.read(plan.lower, upper, chunk);
    read += batch.length;
    let last: IssueRow | undefined;
    for (const row of batch) {
      if (after && row.recordedAt === after.recordedAt && row.id >= after.id) continue;
      last = row;
      if (accepts(plan, row) && extra(row)) {
        rows.push(row);
        if (rows.length >= want) return { rows, complete: true };
      }
    }
    if (batch.length < chunk) return { rows, complete: true };
    if (read >= budget) return { rows, complete: false };
    if (last) {
      upper = last.recordedAt;
      after = { recordedAt: last.recordedAt, id: last.id };
      chunk = Math.min(maxChunk, chunk * 2);
    } else {
      // The chunk held only rows already passed (a long run of one timestamp): read past the run.
      chunk *= 2;
    }
  }
}

async function joinReceptions(db: StationDb, rows: IssueRow[]): Promise<IssueSearchHit[]> {
  const ids = [...new Set(rows.map((r) => r.receptionId))];
  const receptions = await db.receptions.bulkGet(ids);
  const byId = new Map<string, Reception>();
  for (const r of receptions) if (r) byId.set(r.id, r);
  const hits: IssueSearchHit[] = [];
  for (const row of rows) {
    const reception = byId.get(row.receptionId);
    // An issue whose reception is gone is an orphan left by no current code path; never show it.
    if (!reception) continue;
    hits.push({
      issue: rowToIssue(row),
      receptionId: reception.id,
      receivedAt: reception.receivedAt,
      visitorNames: reception.visitors.map((v) => v.name),
      enterprises: [...new Set(reception.visitors.map((v) => v.enterprise).filter((e) => e !== ''))],
    });
  }
  return hits;
}
