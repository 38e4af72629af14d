/**
 * The results, virtualized: only the rows in view are in the DOM, so a long session of
 * "加载更多" stays smooth on an old PC. Rows are measured, since a summary may wrap.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { IssueSearchHit } from '../../db/repositories/issueSearch';
import { Link } from 'wouter';
import { ResultRow } from './ResultRow';
import { T } from './strings';

interface ResultListProps {
  items: IssueSearchHit[];
  query: string;
  hasMore: boolean;
  loadingMore: boolean;
  busy: boolean;
  onLoadMore: () => void;
}

const ESTIMATED_ROW_HEIGHT = 64;

export function ResultList({ items, query, hasMore, loadingMore, busy, onLoadMore }: ResultListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => items[index]!.issue.id,
  });

  return (
    <div className="history-table" aria-busy={busy}>
      <div className="history-scroll" ref={scroller} tabIndex={-1}>
        {/* Inside the scroller (sticky), so its columns line up with the rows whether or not a scrollbar shows. */}
        <div className="history-row history-head" aria-hidden="true">
          <span>{T.columns.date}</span>
          <span>{T.columns.visitor}</span>
          <span>{T.columns.category}</span>
          <span>{T.columns.summary}</span>
          <span>{T.columns.handling}</span>
          <span>{T.columns.status}</span>
        </div>
        <ul className="history-list" aria-label={T.resultsLabel} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              aria-setsize={hasMore ? -1 : items.length}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <ResultRow hit={items[row.index]!} query={query} />
              {/* The row opens the reception; the issue itself is one click too (a link cannot sit inside a link). */}
              <Link href={`/issue/${items[row.index]!.issue.id}`} className="history-issue-link" aria-label={T.openIssue(items[row.index]!.issue.summary)}>
                {T.issueLink}
              </Link>
            </li>
          ))}
        </ul>
        {hasMore ? (
          <div className="history-more">
            <button type="button" onClick={onLoadMore} disabled={loadingMore}>
              {loadingMore ? T.loadingMore : T.loadMore}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
