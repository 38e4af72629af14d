/**
 * Time-ordered lists of issues: every index whose entries sort by recordedAt (ties by
 * primary key) for one value — a bigram's posting list in `issueTerms.*gramTimes`, a filter's
 * `[field+recordedAt]`, or `recordedAt` itself. Read newest first, in bulk
 * (getAll / getAllKeys with a limit), never one cursor step per entry.
 */
import { bigrams } from '../../../../../shared/domain/search';
import { gramTimeKey } from '../../convert';
import type { StationDb } from '../../database';
import type { IssueRow } from '../../rows';
import type { Plan } from './plan';

export interface TimeList {
  /** Primary keys newest first with recordedAt in [lo, hi], or (lo, hi] when `loOpen`. */
  keys: (lo: string, loOpen: boolean, hi: string, limit?: number) => Promise<string[]>;
  /** Up to `limit` rows newest first with recordedAt in [lo, hi]. */
  rows: (lo: string, hi: string, limit: number) => Promise<IssueRow[]>;
  /** True when every entry matches the query's text (not just one of its bigrams). */
  exact: boolean;
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
  };
}

/** A bigram's posting list in `issueTerms` (same primary keys as `issues`): rows are fetched by key. */
function gramList(db: StationDb, gram: string, exact: boolean): TimeList {
  const keys = (lo: string, loOpen: boolean, hi: string, limit?: number) => {
    const c = db.issueTerms.where('gramTimes').between(gramTimeKey(gram, lo), gramTimeKey(gram, hi), !loOpen, true).reverse();
    return (limit === undefined ? c : c.limit(limit)).primaryKeys();
  };
  return {
    keys,
    rows: async (lo, hi, limit) => {
      const rows = await db.issues.bulkGet(await keys(lo, false, hi, limit));
      return rows.filter((row): row is IssueRow => row !== undefined);
    },
    exact,
  };
}

/**
 * One list per query bigram and per filter; the recordedAt index when there is neither.
 * A text of exactly two characters is its own bigram, so that list is exact.
 */
export function listsFor(db: StationDb, plan: Plan): TimeList[] {
  const { query } = plan;
  const grams = bigrams(plan.text);
  const textExact = plan.text === '' || (grams.length === 1 && Array.from(plan.text).length === 2);
  const lists = grams.map((g) => gramList(db, g, textExact));
  const filters: [string, string | undefined][] = [
    ['[category+recordedAt]', query.category],
    ['[status+recordedAt]', query.status],
    ['[handling+recordedAt]', query.handling],
  ];
  for (const [index, value] of filters) {
    if (value) lists.push(issueList(db, index, (lo, hi) => [[value, lo], [value, hi]], textExact && grams.length === 0));
  }
  if (lists.length === 0) lists.push(issueList(db, 'recordedAt', (lo, hi) => [lo, hi], textExact));
  return lists;
}
