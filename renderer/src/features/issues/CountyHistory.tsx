/** The county's handling of one issue as a timeline: 交办 (department, deadline), 答复, 公示, 销号, 督办. */
import type { CountyUpdate } from '../../db';
import { S } from '../sync/strings';
import { formatStamp } from './format';

const T = S.issue;

export function CountyHistory({ history }: { history: CountyUpdate[] }) {
  if (history.length === 0) return <p className="muted">{T.noHistory}</p>;
  return (
    <ol className="county-history">
      {history.map((u) => (
        <li key={u.seq} className={`county-event county-event-${u.type}`}>
          <div className="county-event-head">
            <strong>{S.events[u.type]}</strong>
            <span className="muted">{formatStamp(u.at)}</span>
          </div>
          {u.department ? (
            <div>
              {T.department}：{u.department}
            </div>
          ) : null}
          {u.deadline ? (
            <div>
              {T.deadline}：{formatStamp(u.deadline)}
            </div>
          ) : null}
          {u.response ? (
            <div className="county-text">
              {T.response}：{u.response}
            </div>
          ) : null}
          {u.note ? (
            <div className="county-text">
              {T.note}：{u.note}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
