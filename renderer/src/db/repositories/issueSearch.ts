/**
 * History search over issues: one page at a time, newest first, never loading every
 * record. Owns the choice of access path:
 *
 * - text of 2+ characters: read the posting list (primary keys of the multi-entry
 *   `*grams` index) of each query bigram, capped at POSTING_CAP keys. A list shorter
 *   than the cap is complete, so intersecting the complete lists (smallest first,
 *   stopping as soon as it is empty) gives a bounded candidate set that is read with
 *   one bulkGet, confirmed by substring on `searchText`, filtered and sorted.
 *   When every bigram is common (no list is complete) matches are dense, and walking
 *   the time index newest first finds a page after a short scan.
 * - no text or 1 character: walk the most selective index in recordedAt order
 *   ([category|status|handling+recordedAt] or recordedAt) with `.filter()` + `limit`.
 *
 * Paging is keyset, not offset: the cursor is the (recordedAt, id) of the last issue
 * shown, which is also the order of every recordedAt index (ties broken by primary key).
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

/**
 * A posting list with fewer keys than this is read whole. Above it, a bigram is
 * common enough that walking the time index finds matches faster than reading its list.
 */
export const POSTING_CAP = 1500;

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
/** Sorts after any time suffix, so `${day}${END_OF_DAY}` bounds the whole day. */
const END_OF_DAY = 'T\uffff';

interface Plan {
  text: string;
  lower: string;
  upper: string;
  query: IssueSearchQuery;
  cursor: IssueSearchCursor | null;
  postingCap: number;
}

export async function searchIssues(
  db: StationDb,
  query: IssueSearchQuery,
  page: { limit?: number; cursor?: IssueSearchCursor | null; postingCap?: number } = {},
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
    postingCap: Math.max(1, page.postingCap ?? POSTING_CAP),
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
  const lists = await Promise.all(
    grams.map((g) => db.issues.where('grams').equals(g).limit(plan.postingCap).primaryKeys()),
  );
  const complete = lists.filter((l) => l.length < plan.postingCap).sort((a, b) => a.length - b.length);
  // All bigrams common: matches are dense, so a filtered walk of the time index is short.
  if (complete.length === 0) return walk(db, plan, want);

  let candidates = complete[0]!;
  for (const list of complete.slice(1)) {
    if (candidates.length === 0) break;
    const keep = new Set(list);
    candidates = candidates.filter((id) => keep.has(id));
  }
  if (candidates.length === 0) return [];
  const rows = await db.issues.bulkGet(candidates);
  return rows
    .filter((r): r is IssueRow => r !== undefined && accepts(plan, r))
    .sort(newestFirst)
    .slice(0, want);
}

type WalkIndex = '[category+recordedAt]' | '[status+recordedAt]' | '[handling+recordedAt]';

/** Walks recordedAt order newest first on the narrowest index the filters allow. */
async function walk(db: StationDb, plan: Plan, want: number): Promise<IssueRow[]> {
  const { query } = plan;
  const options: { index: WalkIndex; value: string }[] = [];
  if (query.category) options.push({ index: '[category+recordedAt]', value: query.category });
  if (query.status) options.push({ index: '[status+recordedAt]', value: query.status });
  if (query.handling) options.push({ index: '[handling+recordedAt]', value: query.handling });

  let collection;
  if (options.length === 0) {
    collection = db.issues.where('recordedAt').between(plan.lower, plan.upper, true, true);
  } else {
    const ranges = options.map((o) =>
      db.issues.where(o.index).between([o.value, plan.lower], [o.value, plan.upper], true, true),
    );
    // With several filters, counting each range (keys only) is far cheaper than a walk on a poor index.
    const counts = ranges.length > 1 ? await Promise.all(ranges.map((r) => r.count())) : [0];
    const best = counts.indexOf(Math.min(...counts));
    collection = ranges[best]!;
    if (counts[best] === 0 && ranges.length > 1) return [];
  }
  return collection
    .reverse()
    .filter((row) => accepts(plan, row))
    .limit(want)
    .toArray();
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
