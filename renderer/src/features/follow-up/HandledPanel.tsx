/** What the station did on its issues since a duty day opened: answers handed back, progress, ratings. */
import { Link } from 'wouter';
import { HAND_BACK_LABELS, RATING_LABELS } from '../../../../shared/domain/satisfaction';
import { toLocalIso } from '../../../../shared/domain/time';
import { followUpRepo, getDb, useLiveQuery } from '../../db';
import { F } from './strings';
import './followUp.css';

const T = F.dutyClose;

export function HandledPanel({ since }: { since: string }) {
  const data = useLiveQuery(async () => {
    const db = getDb();
    const handled = await followUpRepo.handledBetween(db, since, toLocalIso(new Date()));
    const ids = [...new Set([...handled.actions, ...handled.ratings].map((x) => x.issueId))];
    const summaries = new Map((await db.issues.bulkGet(ids)).flatMap((i) => (i ? [[i.id, i.summary] as const] : [])));
    return { ...handled, summaries };
  }, [since]);
  if (!data) return null;
  const handBacks = data.actions.filter((a) => a.kind === 'handBack');
  const progress = data.actions.filter((a) => a.kind !== 'handBack');
  const empty = data.actions.length === 0 && data.ratings.length === 0;
  return (
    <section className="panel handled" aria-label={T.title}>
      <h2>{T.title}</h2>
      {empty ? <p className="muted">{T.none}</p> : <p>{[T.handBacks(handBacks.length), T.progress(progress.length), T.ratings(data.ratings.length)].join(',')}</p>}
      <ul>
        {handBacks.map((a) => (
          <li key={a.id}>
            <Link href={`/issue/${a.issueId}`}>{data.summaries.get(a.issueId) ?? a.issueId}</Link> · {a.method ? HAND_BACK_LABELS[a.method] : ''} · {a.by}
          </li>
        ))}
        {progress.map((a) => (
          <li key={a.id}>
            <Link href={`/issue/${a.issueId}`}>{data.summaries.get(a.issueId) ?? a.issueId}</Link> · {a.kind === 'result' ? F.progressForm.result : F.progressForm.progress} · {a.by}
          </li>
        ))}
        {data.ratings.map((r) => (
          <li key={r.id}>
            <Link href={`/issue/${r.issueId}`}>{data.summaries.get(r.issueId) ?? r.issueId}</Link> · {RATING_LABELS[r.rating]} · {r.ratedBy}
          </li>
        ))}
      </ul>
    </section>
  );
}
