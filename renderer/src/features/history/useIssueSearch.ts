/**
 * Runs a history search page by page. A new query starts over; "load more" continues
 * from the keyset cursor. Answers to an older query are dropped, so a slow search never
 * overwrites the results of the one typed after it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { getDb, issueSearchRepo } from '../../db';
import type { IssueSearchCursor, IssueSearchHit, IssueSearchQuery } from '../../db/repositories/issueSearch';

export const PAGE_SIZE = 50;

interface Results {
  /** The query these results answer (JSON of it). */
  key: string;
  items: IssueSearchHit[];
  cursor: IssueSearchCursor | null;
  hasMore: boolean;
  error: unknown;
  loadingMore: boolean;
}

export interface IssueSearchState {
  items: IssueSearchHit[];
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
}

export function useIssueSearch(query: IssueSearchQuery | null): IssueSearchState {
  const key = query ? JSON.stringify(query) : '';
  const [results, setResults] = useState<Results | null>(null);
  const latestKey = useRef(key);

  useEffect(() => {
    latestKey.current = key;
    if (!query) return;
    issueSearchRepo
      .searchIssues(getDb(), query, { limit: PAGE_SIZE })
      .then((page) => {
        if (latestKey.current === key) setResults({ key, ...page, error: null, loadingMore: false });
      })
      .catch((error: unknown) => {
        console.error('History search failed', error);
        if (latestKey.current === key) setResults({ key, items: [], cursor: null, hasMore: false, error, loadingMore: false });
      });
    // The key is the query's identity; the object itself changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const loadMore = useCallback(() => {
    if (!query || !results || results.key !== key || !results.cursor || results.loadingMore) return;
    const cursor = results.cursor;
    setResults({ ...results, loadingMore: true });
    issueSearchRepo
      .searchIssues(getDb(), query, { limit: PAGE_SIZE, cursor })
      .then((page) => {
        if (latestKey.current !== key) return;
        setResults((r) => (r && r.key === key ? { ...r, ...page, items: [...r.items, ...page.items], loadingMore: false } : r));
      })
      .catch((error: unknown) => {
        console.error('History search (next page) failed', error);
        setResults((r) => (r && r.key === key ? { ...r, error, loadingMore: false } : r));
      });
  }, [query, results, key]);

  const current = results && results.key === key ? results : null;
  return {
    // While a new query runs, the previous answer stays on screen instead of flashing empty.
    items: (current ?? results)?.items ?? [],
    hasMore: current?.hasMore ?? false,
    loading: query !== null && current === null,
    loadingMore: current?.loadingMore ?? false,
    error: current?.error ?? null,
    loadMore,
  };
}
