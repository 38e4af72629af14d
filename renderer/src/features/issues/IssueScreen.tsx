/** One issue with what the station recorded, the lists that carried it and the county's handling history. */
import { Link } from 'wouter';
import { HANDLING_LABELS, ISSUE_STATUS_LABELS } from '../../../../shared/domain/enums';
import { PageHeader } from '../../ui/PageHeader';
import { countyStatusRepo, getDb, issueListsRepo, useLiveQuery } from '../../db';
import { LIST_STATE_LABELS, S } from '../sync/strings';
import { useRecordView } from '../access/useRecordView';
import { CountyHistory } from './CountyHistory';
import { FollowUpPanel } from '../follow-up/FollowUpPanel';
import { formatStamp } from './format';
import './issues.css';

const T = S.issue;

export function IssueScreen({ issueId }: { issueId: string }) {
  useRecordView('issue', issueId);
  const data = useLiveQuery(async () => {
    const db = getDb();
    const detail = await countyStatusRepo.issueDetail(db, issueId);
    return detail ? { detail, lists: await issueListsRepo.listsOfIssue(db, issueId) } : null;
  }, [issueId]);
  if (data === undefined) return <p className="loading">正在读取…</p>;
  if (data === null) return <p role="alert">{T.notFound}</p>;
  const { issue, seal, reception, history } = data.detail;
  const enterprises = [...new Set((reception?.visitors ?? []).map((v) => v.enterprise).filter(Boolean))].join('、');
  const rows: [string, string][] = [
    [T.fields.category, issue.category],
    [T.fields.summary, issue.summary],
    [T.fields.request, issue.request || '—'],
    [T.fields.onSpotAnswer, issue.onSpotAnswer || '—'],
    [T.fields.handling, HANDLING_LABELS[issue.handling]],
    [T.fields.suggestedDepartment, issue.suggestedDepartment || '—'],
    [T.fields.enterprise, enterprises || '—'],
    [T.fields.recordedAt, formatStamp(issue.recordedAt)],
    [T.fields.countyRef, seal.countyRef ?? '—'],
  ];
  return (
    <>
      <PageHeader
        title={T.title}
        subtitle={
          <>
            <span className={`issue-status issue-status-${issue.status}`}>{ISSUE_STATUS_LABELS[issue.status]}</span>
            {seal.sealState === 'open' ? <span className="muted"> · {T.notSealed}</span> : null}
            {seal.sealState === 'amended' ? <span className="muted"> · {T.amendedPending}</span> : null}
          </>
        }
        actions={
          <>
            <Link href={`/print/assignment/${issue.id}`} className="button">
              {T.printAssignment}
            </Link>
            <button type="button" onClick={() => window.history.back()}>
              {T.back}
            </button>
          </>
        }
      />
      <div className="issue-layout">
        <section className="panel">
          <dl className="issue-fields">
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {reception ? (
            <p>
              <Link href={`/reception/${reception.id}`}>查看来访登记</Link>
            </p>
          ) : null}
        </section>
        <div>
          <FollowUpPanel issueId={issue.id} status={issue.status} handling={issue.handling} history={history} visitorName={reception?.visitors[0]?.name ?? ''} />
          <section className="panel">
            <h2>{T.history}</h2>
            <CountyHistory history={history} />
          </section>
          <section className="panel">
            <h2>{T.lists}</h2>
            {data.lists.length === 0 ? (
              <p className="muted">{T.notSealed}</p>
            ) : (
              <ul className="issue-lists">
                {data.lists.map((l) => (
                  <li key={l.id}>
                    <strong>{l.number}</strong> {l.id === seal.listId ? '' : '（更正）'} · {LIST_STATE_LABELS[l.state]}
                    {l.countyRef ? ` · ${l.countyRef}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
