/**
 * One issue assigned to the department: 接单 or 退回 with a reason, then the written answer.
 * Another department's issue is "not found" here, as on the server.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { api, messageOf } from '../../api';
import { Message } from '../../ui/Form';
import { useLoad } from '../../ui/useLoad';
import { AnswerForm } from './AnswerForm';
import { Answers, Assignments, IssueFacts } from './IssueFacts';
import { W } from './strings';
import { TextArea } from './TextArea';
import type { IssueDetail } from './types';
import './work.css';

export function InboxIssueScreen() {
  const { id = '' } = useParams<{ id: string }>();
  const path = `/inbox/${encodeURIComponent(id)}`;
  const { data, error, reload } = useLoad<{ issue: IssueDetail }>(path);
  const [ok, setOk] = useState<string | null>(null);
  const [fail, setFail] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const issue = data?.issue;

  async function act(suffix: string, body: unknown, message: string) {
    setOk(null);
    setFail(null);
    try {
      await api('POST', `${path}${suffix}`, body);
      setOk(message);
      reload();
    } catch (err) {
      setFail(messageOf(err));
    }
  }

  function done(message: string) {
    setOk(message);
    reload();
  }

  function giveBack(e: FormEvent) {
    e.preventDefault();
    void act('/return', { reason }, W.inbox.returned);
  }

  const awaiting = issue && (issue.status === 'assigned' || issue.status === 'reopened');
  const draft = issue?.answers.find((a) => a.state === 'draft') ?? null;
  return (
    <section>
      <p>
        <Link href="/inbox">{W.common.back}</Link>
      </p>
      <h1>{W.issue.title}</h1>
      <Message kind="error">{error ? W.issue.notFound : fail}</Message>
      <Message kind="ok">{ok}</Message>
      {issue && (
        <>
          <IssueFacts issue={issue} />
          {issue.mine && awaiting && (
            <div className="two-col">
              {issue.mine.state === 'pending' && (
                <div className="panel">
                  <h2>{W.inbox.accept}</h2>
                  <button type="button" onClick={() => void act('/accept', {}, W.inbox.accepted)}>
                    {W.inbox.accept}
                  </button>
                </div>
              )}
              <form className="panel" onSubmit={giveBack} aria-labelledby="return-title">
                <h2 id="return-title">{W.inbox.returnTitle}</h2>
                <TextArea label={W.inbox.returnReason} value={reason} maxLength={300} required onChange={(e) => setReason(e.target.value)} />
                <button type="submit" className="secondary">
                  {W.inbox.returnSubmit}
                </button>
              </form>
            </div>
          )}
          {issue.mine && !issue.mine.isLead && <Message kind="ok">{W.inbox.coNote}</Message>}
          {issue.mine?.isLead && issue.mine.state === 'accepted' && awaiting && <AnswerForm key={draft?.id ?? 'new'} issueId={issue.id} draft={draft} onDone={done} />}
          {issue.mine?.isLead && !awaiting && <Message kind="ok">{W.inbox.answered}</Message>}
          <Assignments issue={issue} />
          <Answers issue={issue} />
        </>
      )}
    </section>
  );
}
