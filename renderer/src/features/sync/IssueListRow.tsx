/** One sealed list in the sync screen's table, with its issues folded away. */
import { Fragment, useState } from 'react';
import { Link } from 'wouter';
import { getDb, issueListsRepo, outboxRepo, useLiveQuery, type IssueListSummary, type OutboxItem } from '../../db';
import { MAX_ITEM_SERVER_FAILURES } from '../../sync/push';
import { LIST_ATTENTION_LABEL, LIST_STATE_LABELS, S } from './strings';
import { requestSync } from './useSyncStatus';

interface Props {
  list: IssueListSummary;
  item: OutboxItem | undefined;
  formatStamp: (iso: string) => string;
}

export function IssueListRow({ list, item, formatStamp }: Props) {
  const [open, setOpen] = useState(false);
  // The payload is read only when the row is opened: lists can hold 100 issues each.
  const payload = useLiveQuery(() => (open ? issueListsRepo.payloadOf(getDb(), list.id) : undefined), [open, list.id]);
  const setAside = list.state === 'rejected' || list.state === 'conflict';
  const explanation = list.problem || (list.state !== 'acknowledged' ? (item?.lastError ?? '') : '');
  const requeue = async () => {
    await outboxRepo.requeue(getDb(), list.id);
    requestSync();
  };
  return (
    <Fragment>
      <tr>
        <td className="num">
          {list.number}
          <div>
            <button type="button" className="link-button" onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? S.screen.hideIssues : S.screen.showIssues}
            </button>
            {' · '}
            <Link href={`/print/issueList/${list.id}`} aria-label={`${S.screen.printList} ${list.number}`}>
              {S.screen.printList}
            </Link>
          </div>
        </td>
        <td>{formatStamp(list.sealedAt)}</td>
        <td>
          {list.issueIds.length}
          {list.amendments > 0 ? <div className="muted">{S.screen.amendments(list.amendments)}</div> : null}
        </td>
        <td>
          <span className={`sync-state sync-state-${list.state}`}>
            {/* Set aside after the county failed on it again and again: not refused, but someone must look. */}
            {setAside && (item?.serverFailures ?? 0) >= MAX_ITEM_SERVER_FAILURES ? LIST_ATTENTION_LABEL : LIST_STATE_LABELS[list.state]}
          </span>
        </td>
        <td>
          {list.countyRef ?? '—'}
          {list.receivedAt ? <div className="muted">{S.screen.receivedAt(formatStamp(list.receivedAt))}</div> : null}
        </td>
        <td>
          {explanation ? <div className={setAside ? 'sync-problem' : 'muted'}>{explanation}</div> : null}
          {setAside ? (
            <button type="button" onClick={() => void requeue()}>
              {S.screen.requeue}
            </button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={6}>
            <ol className="sync-issues">
              {(payload?.issues ?? []).map((entry, i) => (
                <li key={entry.id}>
                  <Link href={`/issue/${list.issueIds[i] ?? entry.id}`}>
                    [{entry.category}] {entry.summary}
                  </Link>
                  {entry.amendsIssueId ? <span className="muted">（更正）</span> : null}
                </li>
              ))}
            </ol>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
