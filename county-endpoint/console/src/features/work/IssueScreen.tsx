/**
 * One issue for the clerk: its facts, assignments, answers and follow-ups, and what can be
 * done next — 公示 (with the masked text the station will post), 销号, 持续督办, a note of
 * a follow-up. Each action reloads the issue; the server refuses what is out of order.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { api, messageOf } from '../../api';
import { useSignedIn } from '../../session';
import { Field, Message, SelectField } from '../../ui/Form';
import { useLoad } from '../../ui/useLoad';
import { formatMinute } from './format';
import { Answers, Assignments, IssueFacts } from './IssueFacts';
import { W } from './strings';
import { TextArea } from './TextArea';
import type { IssueDetail } from './types';
import './work.css';

export function IssueScreen() {
  const { id = '' } = useParams<{ id: string }>();
  const { user } = useSignedIn();
  const { data, error, reload } = useLoad<{ issue: IssueDetail }>(`/work/issues/${encodeURIComponent(id)}`);
  const [ok, setOk] = useState<string | null>(null);
  const [fail, setFail] = useState<string | null>(null);
  const [closeNote, setCloseNote] = useState('');
  const [reopenNote, setReopenNote] = useState('');
  const [reopenDays, setReopenDays] = useState('7');
  const [followReason, setFollowReason] = useState('overdue');
  const [followNote, setFollowNote] = useState('');
  const clerk = user.role === 'clerk';

  async function act(path: string, body: unknown, message: string, after?: () => void) {
    setOk(null);
    setFail(null);
    try {
      await api('POST', `/work/issues/${encodeURIComponent(id)}${path}`, body);
      setOk(message);
      after?.();
      reload();
    } catch (err) {
      setFail(messageOf(err));
    }
  }

  const issue = data?.issue;
  const satisfied = issue?.satisfaction === 'satisfied' || issue?.satisfaction === 'basicallySatisfied';
  const submit = (fn: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    void fn();
  };

  return (
    <section>
      <p>
        <Link href="/work/board">{W.common.back}</Link>
      </p>
      <h1>{W.issue.title}</h1>
      <Message kind="error">{error ? W.issue.notFound : fail}</Message>
      <Message kind="ok">{ok}</Message>
      {issue && (
        <>
          <IssueFacts issue={issue} />
          <Assignments issue={issue} />
          <Answers issue={issue} />
          {clerk && (issue.status === 'responded' || issue.status === 'published') && (
            <div className="panel">
              <h2>{W.issue.notice}</h2>
              <dl className="facts">
                <dt>{W.issue.noticeSummary}</dt>
                <dd>{issue.notice.summary}</dd>
                <dt>{W.issue.noticeResponse}</dt>
                <dd>{issue.notice.response}</dd>
              </dl>
              {issue.status === 'responded' && (
                <div className="actions">
                  <button type="button" onClick={() => void act('/publish', {}, W.issue.published)}>
                    {W.issue.publish}
                  </button>
                </div>
              )}
            </div>
          )}
          {clerk && (issue.status === 'responded' || issue.status === 'published') && (
            <div className="two-col">
              {satisfied ? (
                <form className="panel" onSubmit={submit(() => act('/close', { note: closeNote }, W.issue.closed, () => setCloseNote('')))} aria-labelledby="close-title">
                  <h2 id="close-title">{W.issue.close}</h2>
                  <Field label={W.issue.closeNote} value={closeNote} maxLength={500} onChange={(e) => setCloseNote(e.target.value)} />
                  <button type="submit">{W.issue.close}</button>
                </form>
              ) : (
                <div className="panel">
                  <h2>{W.issue.close}</h2>
                  <p>{W.issue.closeWaits}</p>
                </div>
              )}
              <form
                className="panel"
                onSubmit={submit(() => act('/reopen', { note: reopenNote, days: Number(reopenDays) }, W.issue.reopened, () => setReopenNote('')))}
                aria-labelledby="reopen-title"
              >
                <h2 id="reopen-title">{W.issue.reopen}</h2>
                <TextArea label={W.issue.reopenNote} value={reopenNote} maxLength={500} required onChange={(e) => setReopenNote(e.target.value)} />
                <Field label={W.issue.reopenDays} type="number" min={1} max={90} value={reopenDays} onChange={(e) => setReopenDays(e.target.value)} required />
                <button type="submit">{W.issue.reopenSubmit}</button>
              </form>
            </div>
          )}
          <div className="panel">
            <h2>{W.issue.followUps}</h2>
            {issue.followUps.length === 0 && <p>{W.issue.noFollowUps}</p>}
            {issue.followUps.length > 0 && (
              <ul>
                {issue.followUps.map((f, i) => (
                  <li key={i}>
                    {formatMinute(f.at, '')} {W.followReason[f.reason]} · {f.byName}：<span className="pre">{f.note}</span>
                  </li>
                ))}
              </ul>
            )}
            {clerk && issue.status !== 'closed' && issue.status !== 'received' && (
              <form onSubmit={submit(() => act('/follow-ups', { reason: followReason, note: followNote }, W.issue.followed, () => setFollowNote('')))} aria-label={W.issue.followUp}>
                <div className="row">
                  <SelectField label={W.issue.followReason} value={followReason} onChange={(e) => setFollowReason(e.target.value)}>
                    {Object.entries(W.followReason).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <TextArea label={W.issue.followNote} value={followNote} maxLength={500} required onChange={(e) => setFollowNote(e.target.value)} />
                <button type="submit">{W.issue.followSubmit}</button>
              </form>
            )}
          </div>
        </>
      )}
    </section>
  );
}
