/**
 * The issue's follow-up at the station: the county's deadline in its colour, the answer
 * handed back, the visitor's ratings (corrections kept) and, for 联络站协调 issues, the
 * station's own progress and result. Every form works offline; ratings are sent with the
 * next sync.
 */
import { HAND_BACK_LABELS, RATING_LABELS } from '../../../../shared/domain/satisfaction';
import type { HandlingMode, IssueStatus } from '../../../../shared/domain/enums';
import { deadlineColour } from '../../../../shared/domain/workingDays';
import { followUpRepo, getDb, stationRepo, useLiveQuery, type CountyUpdate } from '../../db';
import { formatStamp } from '../issues/format';
import { useStationCalendar } from './calendar';
import { formatDay } from './format';
import { HandBackForm } from './HandBackForm';
import { ProgressForm } from './ProgressForm';
import { RatingForm } from './RatingForm';
import { F } from './strings';
import './followUp.css';

const T = F.panel;

interface Props {
  issueId: string;
  status: IssueStatus;
  handling: HandlingMode;
  history: CountyUpdate[];
  visitorName: string;
}

export function FollowUpPanel({ issueId, status, handling, history, visitorName }: Props) {
  const calendar = useStationCalendar();
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [follow, deputies] = await Promise.all([followUpRepo.issueFollowUp(db, issueId), stationRepo.listDeputies(db)]);
    return { follow, deputyNames: deputies.map((d) => d.name) };
  }, [issueId]);
  if (!data) return null;
  const { follow, deputyNames } = data;
  const answered = history.some((u) => u.type === 'responded');
  const deadline = [...history].reverse().find((u) => u.type === 'assigned' && u.deadline)?.deadline ?? null;
  const waitingForDepartment = status === 'assigned' || status === 'reopened';
  const colour = deadline && waitingForDepartment ? deadlineColour(calendar, deadline, new Date()) : null;
  const handBacks = follow.actions.filter((a) => a.kind === 'handBack');
  const progress = follow.actions.filter((a) => a.kind !== 'handBack');
  const stationFollowUp = handling === 'stationFollowUp' && !answered;
  const canRate = answered || (stationFollowUp && (follow.track.resultAt !== null || follow.track.closedAt !== null));
  const last = follow.ratings.at(-1);
  return (
    <section className="panel follow-up" aria-label={T.title}>
      <h2>{T.title}</h2>
      {deadline ? (
        <p>
          {T.deadline}：{formatDay(deadline)}
          {colour ? <span className={`deadline-badge deadline-${colour}`}>{F.colours[colour]}</span> : null}
        </p>
      ) : null}
      {last?.rating === 'unsatisfied' && (status === 'responded' || status === 'published') ? (
        <p className="warning" role="status">
          {T.supervisionAsked}
        </p>
      ) : null}
      {answered ? (
        <>
          <h3>{T.handBacks}</h3>
          {handBacks.length === 0 ? (
            <p className="muted">{T.noHandBack}</p>
          ) : (
            <ul className="follow-up-list" aria-label={T.handBacks}>
              {handBacks.map((a) => (
                <li key={a.id}>
                  {formatStamp(a.at)} · {a.method ? HAND_BACK_LABELS[a.method] : ''} · {a.by}
                  {a.text ? ` · ${a.text}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {handling === 'stationFollowUp' ? (
        <>
          <h3>{T.progress}</h3>
          {follow.track.closedAt ? <p className="issue-status issue-status-closed">{T.closedAtStation}</p> : null}
          {progress.length === 0 ? (
            <p className="muted">{T.noProgress}</p>
          ) : (
            <ul className="follow-up-list" aria-label={T.progress}>
              {progress.map((a) => (
                <li key={a.id}>
                  {formatStamp(a.at)} · {a.kind === 'result' ? F.progressForm.result : F.progressForm.progress} · {a.by} · {a.text}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <h3>{T.ratings}</h3>
      {follow.ratings.length === 0 ? (
        <p className="muted">{T.noRating}</p>
      ) : (
        <ul className="follow-up-list" aria-label={T.ratings}>
          {follow.ratings.map((r) => (
            <li key={r.id}>
              <span className={r.rating === 'unsatisfied' ? 'rating-unsatisfied' : ''}>{RATING_LABELS[r.rating]}</span> · {r.ratedBy} · {formatStamp(r.ratedAt)}
              {r.reason ? ` · 原因：${r.reason}` : ''}
              {r.note ? ` · ${r.note}` : ''}
              {r.supersedes ? ` ${T.supersedes}` : ''} <span className="muted">· {T.delivery[r.delivery]}</span>
              {r.lastError ? <span className="muted"> · {T.lastTry(r.lastError)}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {answered ? <HandBackForm issueId={issueId} deputyNames={deputyNames} /> : null}
      {stationFollowUp && !follow.track.closedAt ? <ProgressForm issueId={issueId} deputyNames={deputyNames} /> : null}
      {canRate ? <RatingForm issueId={issueId} visitorName={visitorName} correcting={follow.ratings.length > 0} /> : null}
    </section>
  );
}
