/** A department's inbox: the issues assigned to it, soonest deadline first, with 三色. */
import { Link } from 'wouter';
import { Message } from '../../ui/Form';
import { useLoad } from '../../ui/useLoad';
import { ColourBadge } from './ColourBadge';
import { formatDay } from './format';
import { W } from './strings';
import type { InboxRow } from './types';
import './work.css';

export function InboxScreen() {
  const { data, error } = useLoad<{ issues: InboxRow[] }>('/inbox');
  return (
    <section>
      <h1>{W.inbox.title}</h1>
      <p>{W.inbox.intro}</p>
      <Message kind="error">{error}</Message>
      {data && data.issues.length === 0 && <p>{W.inbox.none}</p>}
      {data && data.issues.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{W.cols.colour}</th>
              <th scope="col">{W.cols.summary}</th>
              <th scope="col">{W.cols.station}</th>
              <th scope="col">{W.cols.category}</th>
              <th scope="col">{W.cols.role}</th>
              <th scope="col">{W.cols.accept}</th>
              <th scope="col">{W.cols.deadline}</th>
              <th scope="col">{W.cols.status}</th>
            </tr>
          </thead>
          <tbody>
            {data.issues.map((r) => (
              <tr key={r.id}>
                <td>
                  <ColourBadge colour={r.colour} />
                </td>
                <td>
                  <Link href={`/inbox/${encodeURIComponent(r.id)}`} aria-label={W.board.open(r.summary)}>
                    {r.summary}
                  </Link>
                  <div className="muted mono">{r.countyRef}</div>
                </td>
                <td>{r.stationName}</td>
                <td>{r.category}</td>
                <td>{r.isLead ? W.inbox.lead : W.inbox.co}</td>
                <td>
                  {W.assignment[r.assignmentState]}
                  {r.hasDraft && <div className="muted">{W.inbox.draft}</div>}
                </td>
                <td>{formatDay(r.deadline, '')}</td>
                <td>{W.status[r.status] ?? r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
