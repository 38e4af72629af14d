/** 历史查询: find any issue recorded at the station and open its reception. */
import { useMemo } from 'react';
import { normalizeForSearch } from '../../../../shared/domain/search';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import type { IssueSearchQuery } from '../../db/repositories/issueSearch';
import { FilterBar } from './FilterBar';
import { useHistoryStore, type HistoryFilters } from './historyStore';
import { ResultList } from './ResultList';
import { SearchBox } from './SearchBox';
import { T } from './strings';
import { useIssueSearch } from './useIssueSearch';
import './history.css';

function toQuery(text: string, f: HistoryFilters): IssueSearchQuery {
  const q: IssueSearchQuery = {};
  if (text.trim()) q.text = text.trim();
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.category) q.category = f.category;
  if (f.status) q.status = f.status;
  if (f.handling) q.handling = f.handling;
  return q;
}

export function HistoryScreen() {
  const { draft, text, filters, setDraft, commitText, setFilter, clear } = useHistoryStore();
  const dateError = filters.from && filters.to && filters.from > filters.to ? T.dateOrder : null;
  const query = useMemo(() => (dateError ? null : toQuery(text, filters)), [text, filters, dateError]);
  const search = useIssueSearch(query);
  const highlight = normalizeForSearch(text);
  const unfiltered = query !== null && Object.keys(query).length === 0;

  let status: string;
  if (search.loading) status = T.loading;
  else if (search.hasMore) status = T.shownMore(search.items.length);
  else status = T.shownAll(search.items.length);

  return (
    <section className="history">
      <PageHeader title={T.title} subtitle={T.subtitle} />
      <div className="history-conditions">
        <SearchBox value={draft} onChange={setDraft} onSearch={commitText} />
        <FilterBar filters={filters} dateError={dateError} onChange={setFilter} onClear={clear} />
      </div>
      {search.error ? <ErrorNotice message={T.error} error={search.error} /> : null}
      <p className="history-count" role="status" aria-live="polite">
        {dateError ? '' : status}
      </p>
      {!search.loading && !search.error && search.items.length === 0 && query ? (
        <div className="history-empty panel">
          {unfiltered ? (
            <p>{T.noRecords}</p>
          ) : (
            <>
              <p className="history-empty-title">{T.emptyTitle}</p>
              <p className="muted">{T.emptyHint}</p>
            </>
          )}
        </div>
      ) : search.items.length > 0 ? (
        <ResultList
          items={search.items}
          query={highlight}
          hasMore={search.hasMore}
          loadingMore={search.loadingMore}
          busy={search.loading}
          onLoadMore={search.loadMore}
        />
      ) : null}
    </section>
  );
}
