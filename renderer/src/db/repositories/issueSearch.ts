/**
 * History search over issues: one page at a time, newest first (recordedAt desc, then
 * id desc), never loading every record. Paging is keyset, not offset: the cursor is the
 * (recordedAt, id) of the last issue shown, which is also the order of every
 * time-ordered index (ties by primary key).
 *
 * Access paths (./issueSearch/):
 * - lists.ts: each query bigram and each filter is a time-ordered list (schema v3's
 *   `issueTerms.*gramTimes` posting lists (schema v4), the `[field+recordedAt]` indexes), or `recordedAt` alone.
 * - walk.ts: one list is walked newest first; the page comes off the index in order.
 * - probe.ts: the top of each list tells the rare lists from the common ones.
 * - windows.ts: the lists are intersected in time windows driven by the rarest, newest
 *   window first, stopping when the page is full. Dense matches end here.
 * - sets.ts: when the rarest list is expected to be short (≤ `smallList` keys), or the
 *   first windows leave the page short (sparse matches) and it is short enough, the rest is read whole and narrowed by the other lists read whole
 *   (those cheap enough), so few or no matches cost a few bulk reads.
 * Every row read is confirmed by `accepts` (plan.ts), so the paths differ only in speed.
 * Issues saved a moment ago whose search keys are still queued (`pendingTerms`) are read
 * directly and merged in, so a search never misses them; so are issues whose status comes
 * from county updates not yet folded into their state rows (`countyInbox`).
 */
import type { Issue, Reception } from '../../../../shared/domain/schemas';
import { normalizeForSearch } from '../../../../shared/domain/search';
import { rowToIssue } from '../convert';
import type { StationDb } from '../database';
import { inboxOverlay, waitingWithStatus } from '../countyInbox';
import { readStates, stateTables } from '../issueStates';
import type { IssueStateRow } from '../syncRows';
import { fetchRows, withStatus, type SearchRow } from './issueSearch/rows';
import type { IssueStatus } from '../../../../shared/domain/enums';
import { listsFor, type TimeList } from './issueSearch/lists';
import { DEFAULT_TUNING, accepts, newestFirst, type IssueSearchCursor, type IssueSearchQuery, type Plan, type SearchTuning } from './issueSearch/plan';
import { probe, querySpan } from './issueSearch/probe';
import { expected, intersectSets } from './issueSearch/sets';
import { walk } from './issueSearch/walk';
import { intersectWindows } from './issueSearch/windows';

export { DEFAULT_TUNING };
export type { IssueSearchCursor, IssueSearchQuery, SearchTuning };

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

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
/** Sorts after any time suffix, so `${day}${END_OF_DAY}` bounds the whole day. */
const END_OF_DAY = 'T\uffff';

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

  return db.transaction('r', [db.issues, db.issueTerms, db.pendingTerms, db.receptions, ...stateTables(db)], async () => {
    const lists = listsFor(db, plan);
    const found = lists.length === 1 ? await walk(plan, lists[0]!, limit + 1) : await intersect(db, plan, lists, limit + 1);
    const typed = plan.text === '' ? found : await withPending(db, plan, found, limit + 1);
    const rows = await withCountyWaiting(db, plan, typed, limit + 1);
    const hasMore = rows.length > limit;
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    // Statuses and receptions in parallel: both need only the rows.
    const [withStatuses, receptions] = await Promise.all([withStatus(db, shown), db.receptions.bulkGet([...new Set(shown.map((r) => r.receptionId))])]);
    return {
      items: joinReceptions(withStatuses, receptions),
      cursor: hasMore && last ? { recordedAt: last.recordedAt, id: last.id } : null,
      hasMore,
    };
  });
}

/**
 * Time windows first: when matches are dense near the top (a common word, a common
 * filter) the page is full after a window or two. If not, matches are sparse: the rest of
 * the range goes by whole lists when the rarest is short enough, else by more windows.
 */
async function intersect(db: StationDb, plan: Plan, lists: TimeList[], want: number): Promise<SearchRow[]> {
  // The span (one key read) is needed by the whole-list path; read it beside the probes.
  const [probed, span] = await Promise.all([probe(db, plan, lists), querySpan(db, plan)]);
  if (!probed) return [];
  const rarest = probed[0]!;
  if (!rarest.list.skewed && rarest.reach !== null) {
    // A short rarest list (a name, an enterprise): windows would read most of it anyway.
    const all = expected(rarest, span) <= plan.tuning.smallList ? await intersectSets(db, plan, probed, span, want) : null;
    if (all) return all;
  }
  const top = await intersectWindows(db, plan, probed, want, plan.tuning.denseWindows);
  if (top.rest === null) return top.rows;
  const below: Plan = { ...plan, upper: top.rest };
  const reprobed = await probe(db, below, lists);
  if (!reprobed) return top.rows;
  const more = (await intersectSets(db, below, reprobed, await querySpan(db, below), want - top.rows.length)) ?? (await intersectWindows(db, below, reprobed, want - top.rows.length)).rows;
  return [...top.rows, ...more];
}

/**
 * Adds the issues whose search keys are not written yet (saved a moment ago, see
 * ../termIndex.ts): they are few, so each is read and checked directly.
 */
async function withPending(db: StationDb, plan: Plan, found: SearchRow[], want: number): Promise<SearchRow[]> {
  const ids = await db.pendingTerms.toCollection().primaryKeys();
  if (ids.length === 0) return found;
  const seen = new Set(found.map((r) => r.id));
  const extra = (await fetchRows(db, ids, plan.query.status !== undefined)).filter((row) => !seen.has(row.id) && accepts(plan, row));
  return extra.length === 0 ? found : [...found, ...extra].sort(newestFirst).slice(0, want);
}

/**
 * With a status filter, adds the issues whose status comes from county updates still
 * waiting in the inbox (../countyInbox.ts): until they are folded, the state index lists
 * them under their former status (rows read off it are confirmed on the overlaid status,
 * so the former status no longer matches). Usually the inbox is empty; right after a
 * large pull these issues are checked newest first on their small state rows.
 */
async function withCountyWaiting(db: StationDb, plan: Plan, found: SearchRow[], want: number): Promise<SearchRow[]> {
  const status = plan.query.status;
  if (status === undefined) return found;
  const inbox = await inboxOverlay(db);
  if (inbox.size === 0) return found;
  const seen = new Set(found.map((r) => r.id));
  const ids = waitingWithStatus(inbox, status).filter((id) => !seen.has(id));
  if (ids.length === 0) return found;
  const states = (await readStates(db, ids))
    .filter((s): s is IssueStateRow => s !== undefined && s.status === status && s.recordedAt >= plan.lower && s.recordedAt <= plan.upper)
    .sort(newestFirst);
  const extra: SearchRow[] = [];
  for (let at = 0; at < states.length && extra.length < want; at += want) {
    const rows = await fetchRows(db, states.slice(at, at + want).map((s) => s.id), true);
    extra.push(...rows.filter((row) => accepts(plan, row)));
  }
  return extra.length === 0 ? found : [...found, ...extra].sort(newestFirst).slice(0, want);
}

function joinReceptions(rows: (SearchRow & { status: IssueStatus })[], receptions: readonly (Reception | undefined)[]): IssueSearchHit[] {
  const byId = new Map<string, Reception>();
  for (const r of receptions) if (r) byId.set(r.id, r);
  const hits: IssueSearchHit[] = [];
  for (const row of rows) {
    const reception = byId.get(row.receptionId);
    // An issue whose reception is gone is an orphan left by no current code path; never show it.
    if (!reception) continue;
    hits.push({
      issue: rowToIssue(row, row),
      receptionId: reception.id,
      receivedAt: reception.receivedAt,
      visitorNames: reception.visitors.map((v) => v.name),
      enterprises: [...new Set(reception.visitors.map((v) => v.enterprise).filter((e) => e !== ''))],
    });
  }
  return hits;
}
