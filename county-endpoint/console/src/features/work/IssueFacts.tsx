/** What an issue says and where it stands: shown alike to the clerk and to the department. */
import { ColourBadge } from './ColourBadge';
import { formatDay, formatMinute } from './format';
import { W } from './strings';
import type { IssueDetail } from './types';

export function IssueFacts({ issue }: { issue: IssueDetail }) {
  return (
    <div className="panel">
      <h2>{W.issue.facts}</h2>
      <dl className="facts">
        <dt>{W.cols.ref}</dt>
        <dd className="mono">{issue.countyRef}</dd>
        <dt>{W.cols.station}</dt>
        <dd>
          {issue.stationName} {W.common.listNo(issue.listYear, issue.listSeq)} {W.cols.seq} {issue.seq}
        </dd>
        <dt>{W.cols.category}</dt>
        <dd>{issue.category}</dd>
        <dt>{W.cols.summary}</dt>
        <dd>{issue.summary}</dd>
        <dt>{W.issue.request}</dt>
        <dd>{issue.request || W.common.none}</dd>
        <dt>{W.issue.onSpot}</dt>
        <dd>{issue.onSpotAnswer || W.common.none}</dd>
        <dt>{W.issue.visitors}</dt>
        <dd>
          {issue.visitors.map((v, i) => (
            <div key={i}>{W.issue.visitor(v.name, v.enterprise, v.position, v.phone)}</div>
          ))}
        </dd>
        <dt>{W.cols.suggested}</dt>
        <dd>{issue.suggestedDepartment || W.common.none}</dd>
        <dt>{W.issue.recordedAt}</dt>
        <dd>{formatMinute(issue.recordedAt, W.common.none)}</dd>
        <dt>{W.issue.receivedAt}</dt>
        <dd>{formatMinute(issue.receivedAt, W.common.none)}</dd>
        <dt>{W.cols.status}</dt>
        <dd>{W.status[issue.status] ?? issue.status}</dd>
        <dt>{W.cols.deadline}</dt>
        <dd>
          {formatDay(issue.deadline, W.common.noDeadline)} {issue.colour && <ColourBadge colour={issue.colour} />}
        </dd>
        {issue.satisfaction && (
          <>
            <dt>{W.cols.satisfaction}</dt>
            <dd>
              {W.satisfaction[issue.satisfaction] ?? issue.satisfaction}
              {issue.satisfactionNote ? `（${W.issue.satisfactionNote}：${issue.satisfactionNote}）` : ''}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

export function Assignments({ issue }: { issue: IssueDetail }) {
  return (
    <div className="panel">
      <h2>{W.issue.assignments}</h2>
      {issue.assignments.length === 0 && <p>{W.issue.noAssignments}</p>}
      {issue.assignments.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{W.cols.department}</th>
              <th scope="col">{W.cols.role}</th>
              <th scope="col">{W.cols.deadline}</th>
              <th scope="col">{W.cols.status}</th>
            </tr>
          </thead>
          <tbody>
            {issue.assignments.map((a, i) => (
              <tr key={i}>
                <td>{a.departmentName}</td>
                <td>{a.isLead ? W.issue.lead : W.issue.co}</td>
                <td>
                  {formatDay(a.deadline, '')}（{W.common.workingDays(a.workingDays)}）
                </td>
                <td>
                  {W.assignment[a.state] ?? a.state}
                  {a.returnReason && <div className="returned">{W.issue.returnReason(a.returnReason)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function Answers({ issue }: { issue: IssueDetail }) {
  return (
    <div className="panel">
      <h2>{W.issue.answers}</h2>
      {issue.answers.length === 0 && <p>{W.issue.noAnswers}</p>}
      {issue.answers.map((a) => (
        <dl className="facts" key={a.id}>
          <dt>{W.cols.department}</dt>
          <dd>
            {a.departmentName}
            {a.state === 'draft' ? `（${W.issue.draft}）` : ''}
          </dd>
          <dt>{W.issue.progress}</dt>
          <dd>{a.progress}</dd>
          <dt>{W.issue.reply}</dt>
          <dd>{a.reply}</dd>
          <dt>{W.issue.result}</dt>
          <dd>{a.result ? W.result[a.result] : W.common.none}</dd>
          {a.explanation && (
            <>
              <dt>{W.issue.explanation}</dt>
              <dd>{a.explanation}</dd>
            </>
          )}
          <dt>{W.issue.handler}</dt>
          <dd>
            {a.handlerName} {a.handlerPhone}
          </dd>
          <dt>{W.issue.submittedAt}</dt>
          <dd>{formatMinute(a.submittedAt, W.issue.draft)}</dd>
        </dl>
      ))}
    </div>
  );
}
