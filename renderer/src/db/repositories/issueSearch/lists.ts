/**
 * Time-ordered lists of issues: every index whose entries sort by recordedAt (ties by
 * primary key) for one value — a bigram's posting list in `issueTerms.*gramTimes`, a filter's
 * `[field+recordedAt]`, or `recordedAt` itself. Read newest first, in bulk
 * (getAll / getAllKeys with a limit), never one cursor step per entry.
 */
import { queryGrams } from '../../../../../shared/domain/search';
import { gramTimeKey } from '../../convert';
import type { StationDb } from '../../database';
import { storedStatus } from '../../issueStates';
import type { Table } from 'dexie';
import type { Plan } from './plan';
import { fetchRows, type SearchRow } from './rows';

export interface TimeList {
  /** Primary keys newest first with recordedAt in [lo, hi], or (lo, hi] when `loOpen`. */
  keys: (lo: string, loOpen: boolean, hi: string, limit?: number) => Promise<string[]>;
  /** Up to `limit` rows newest first with recordedAt in [lo, hi]. */
  rows: (lo: string, hi: string, limit: number) => Promise<SearchRow[]>;
  /** True when every entry matches the query's text (not just one of its bigrams). */
  exact: boolean;
  /** True for a word's posting list, false for a filter. */
  text: boolean;
  /**
   * True when the list's density changes strongly with time (a status: recent issues are
   * seldom closed, old ones mostly are), so how far back its newest entries reach says
   * little about its length.
   */
  skewed?: boolean;
}

type Bounds = (lo: string, hi: string) => [unknown, unknown];

/** A list on an index of `issues` itself: rows come straight off the index. */
function issueList(db: StationDb, index: string, bounds: Bounds, exact: boolean): TimeList {
  const range = (lo: string, loOpen: boolean, hi: string) => {
    const [from, to] = bounds(lo, hi);
    return db.issues.where(index).between(from, to, !loOpen, true).reverse();
  };
  return {
    keys: (lo, loOpen, hi, limit) => {
      const c = range(lo, loOpen, hi);
      return (limit === undefined ? c : c.limit(limit)).primaryKeys();
    },
    rows: (lo, hi, limit) => range(lo, false, hi).limit(limit).toArray(),
    exact,
    text: false,
  };
}

/** A list on another table keyed by issue id (`issueTerms`, `issueStates`): rows are fetched by key. */
function keyedList(db: StationDb, table: Table<unknown, string>, index: string, bounds: Bounds, exact: boolean, status: boolean, text: boolean): TimeList {
  const keys = (lo: string, loOpen: boolean, hi: string, limit?: number) => {
    const [from, to] = bounds(lo, hi);
    const c = table.where(index).between(from, to, !loOpen, true).reverse();
    return (limit === undefined ? c : c.limit(limit)).primaryKeys();
  };
  return { keys, rows: async (lo, hi, limit) => fetchRows(db, await keys(lo, false, hi, limit), status), exact, text };
}

/**
 * One list per query bigram and per filter; the recordedAt index when there is neither.
 * A text of two or three characters is its own bigram or trigram, so that list is exact.
 */
export function listsFor(db: StationDb, plan: Plan): TimeList[] {
  const { query } = plan;
  // States are read with the rows only when a status filter must be confirmed on them.
  const status = query.status !== undefined;
  const grams = queryGrams(plan.text);
  // A text of two or three characters is its own bigram or trigram: that list alone decides.
  const textExact = plan.text === '' || (grams.length === 1 && Array.from(plan.text).length <= 3);
  const lists = grams.map((g) => keyedList(db, db.issueTerms, 'gramTimes', (lo, hi) => [gramTimeKey(g, lo), gramTimeKey(g, hi)], textExact, status, true));
  const filterExact = textExact && grams.length === 0;
  const filter = (value: string) => (lo: string, hi: string): [unknown, unknown] => [[value, lo], [value, hi]];
  if (query.category) lists.push(issueList(db, '[category+recordedAt]', filter(query.category), filterExact));
  if (query.status) {
    // Submitted is stored as recorded (issueStates.ts): both read the recorded list, and the rows decide.
    const stored = storedStatus(query.status);
    const exact = filterExact && stored === query.status && stored !== 'recorded';
    lists.push({ ...keyedList(db, db.issueStates, '[status+recordedAt]', filter(stored), exact, true, false), skewed: true });
  }
  if (query.handling) lists.push(issueList(db, '[handling+recordedAt]', filter(query.handling), filterExact));
  if (lists.length === 0) lists.push(issueList(db, 'recordedAt', (lo, hi) => [lo, hi], textExact));
  return lists;
}
