/** One issue in the history results: when, who, what, and where it stands. */
import { Link } from 'wouter';
import { HANDLING_LABELS, ISSUE_STATUS_LABELS } from '../../../../shared/domain/enums';
import { dayKeyOfIso, formatChineseDate, formatTime } from '../../../../shared/domain/time';
import type { IssueSearchHit } from '../../db/repositories/issueSearch';
import { ROUTES } from '../../routes';
import { containsQuery } from './highlight';
import { Highlight } from './Highlight';
import { T } from './strings';

export function ResultRow({ hit, query }: { hit: IssueSearchHit; query: string }) {
  const { issue } = hit;
  const names = hit.visitorNames.join('、') || T.anonymous;
  const enterprises = hit.enterprises.join('、');
  // Show the request when the match is there and not in the summary, so the user sees why it was found.
  const showRequest = issue.request !== '' && containsQuery(issue.request, query) && !containsQuery(issue.summary, query);
  return (
    <Link href={ROUTES.editReception(hit.receptionId)} className="history-row">
      <span className="history-col-date">
        {formatChineseDate(dayKeyOfIso(issue.recordedAt))}
        <small className="muted">{formatTime(issue.recordedAt)}</small>
      </span>
      <span className="history-col-visitor">
        <span className="history-clip">
          <Highlight text={names} query={query} />
        </span>
        {enterprises ? (
          <small className="muted history-clip">
            <Highlight text={enterprises} query={query} />
          </small>
        ) : null}
      </span>
      <span className="history-col-category">
        <span className="history-tag">{issue.category}</span>
      </span>
      <span className="history-col-summary">
        <span className="history-clamp">
          <Highlight text={issue.summary} query={query} />
        </span>
        {showRequest ? (
          <small className="muted history-clip">
            {T.requestPrefix}
            <Highlight text={issue.request} query={query} />
          </small>
        ) : null}
      </span>
      <span className="history-col-handling">{HANDLING_LABELS[issue.handling]}</span>
      <span className="history-col-status">
        <span className={`history-status history-status-${issue.status}`}>{ISSUE_STATUS_LABELS[issue.status]}</span>
      </span>
    </Link>
  );
}
