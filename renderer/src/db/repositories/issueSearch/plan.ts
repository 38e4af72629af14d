/**
 * What one search asks for, normalized once: the query, its time bounds, the keyset
 * cursor and the tuning. `accepts` is the one definition of a match; every access path
 * confirms each row it reads with it, so paths differ only in speed.
 */
import type { HandlingMode, IssueStatus } from '../../../../../shared/domain/enums';
import type { SearchRow } from './rows';

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

/** Sizes that trade reads for round trips; tests shrink them to reach every path with little data. */
export interface SearchTuning {
  /** Keys read from the top of each posting list to tell the rare lists from the common ones. */
  probe: number;
  /** Longest rarest list read whole and intersected with the others in one pass (sets.ts); longer ones go by time windows. */
  fullList: number;
  /** Time windows tried first; if they do not fill the page, matches are sparse and the rest goes by whole lists. */
  denseWindows: number;
  /** A rarest list expected to hold at most this many keys in the range is read whole at once, without windows first. */
  smallList: number;
  /** Largest window of the rarest list read at once (windows double up to this). */
  maxWindow: number;
  /**
   * A list is intersected only if reading its keys costs less than reading the candidates'
   * rows: one row in a bulk read costs about as much as this many keys in a getAllKeys
   * (traced on a 100,000-issue history: ≈ 10 µs a key, 40–80 µs a row).
   */
  keysPerRow: number;
  /** Rows read first when walking one list (later chunks double up to maxChunk). */
  firstChunk: number;
  maxChunk: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  probe: 128,
  fullList: 8192,
  denseWindows: 2,
  smallList: 1024,
  maxWindow: 4096,
  keysPerRow: 4,
  firstChunk: 16,
  maxChunk: 4096,
};

export interface Plan {
  /** Normalized query text. */
  text: string;
  /** Inclusive recordedAt bounds. */
  lower: string;
  upper: string;
  query: IssueSearchQuery;
  cursor: IssueSearchCursor | null;
  tuning: SearchTuning;
}

/** Everything a row must satisfy besides being on the chosen index range. */
export function accepts(plan: Plan, row: SearchRow): boolean {
  const { query, cursor } = plan;
  if (row.recordedAt < plan.lower || row.recordedAt > plan.upper) return false;
  if (cursor && row.recordedAt === cursor.recordedAt && row.id >= cursor.id) return false;
  if (query.category && row.category !== query.category) return false;
  if (query.status && row.status !== query.status) return false;
  if (query.handling && row.handling !== query.handling) return false;
  return plan.text === '' || row.searchText.includes(plan.text);
}

/** Newest first, ties by id descending: the order of a reversed recordedAt index. */
export function newestFirst(a: Pick<SearchRow, 'recordedAt' | 'id'>, b: Pick<SearchRow, 'recordedAt' | 'id'>): number {
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
