/**
 * The lead department's written answer: saved as a draft as often as needed, submitted
 * once (after a confirmation), when it goes to the station as the issue's answer.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api, messageOf } from '../../api';
import { Field, Message, SelectField } from '../../ui/Form';
import { W } from './strings';
import { TextArea } from './TextArea';
import type { AnswerView } from './types';

const LIMITS = { progress: 600, reply: 800, explanation: 300, handlerName: 20, handlerPhone: 30 };

export function AnswerForm({ issueId, draft, onDone }: { issueId: string; draft: AnswerView | null; onDone: (message: string) => void }) {
  const [progress, setProgress] = useState(draft?.progress ?? '');
  const [reply, setReply] = useState(draft?.reply ?? '');
  const [result, setResult] = useState(draft?.result ?? '');
  const [explanation, setExplanation] = useState(draft?.explanation ?? '');
  const [handlerName, setHandlerName] = useState(draft?.handlerName ?? '');
  const [handlerPhone, setHandlerPhone] = useState(draft?.handlerPhone ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const body = () => ({ progress, reply, result: result || null, explanation, handlerName, handlerPhone });
  const base = `/inbox/${encodeURIComponent(issueId)}/answer`;

  async function save() {
    setError(null);
    setSaved(null);
    try {
      await api('POST', `${base}/draft`, body());
      setSaved(W.answer.saved);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function submit() {
    confirmRef.current?.close();
    setError(null);
    try {
      await api('POST', `${base}/submit`, body());
      onDone(W.answer.submitted);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  function ask(e: FormEvent) {
    e.preventDefault();
    confirmRef.current?.showModal();
  }

  return (
    <form className="panel" onSubmit={ask} aria-labelledby="answer-title">
      <h2 id="answer-title">{W.inbox.answerTitle}</h2>
      <Message kind="error">{error}</Message>
      <Message kind="ok">{saved}</Message>
      <TextArea label={W.answer.progress} hint={W.answer.limit(LIMITS.progress)} maxLength={LIMITS.progress} value={progress} onChange={(e) => setProgress(e.target.value)} required />
      <TextArea label={W.answer.reply} hint={W.answer.limit(LIMITS.reply)} maxLength={LIMITS.reply} value={reply} onChange={(e) => setReply(e.target.value)} required />
      <div className="row">
        <SelectField label={W.answer.result} value={result} onChange={(e) => setResult(e.target.value)} required>
          <option value="">{W.answer.chooseResult}</option>
          {Object.entries(W.result).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </SelectField>
        <Field label={W.answer.handlerName} maxLength={LIMITS.handlerName} value={handlerName} onChange={(e) => setHandlerName(e.target.value)} required />
        <Field label={W.answer.handlerPhone} maxLength={LIMITS.handlerPhone} value={handlerPhone} onChange={(e) => setHandlerPhone(e.target.value)} required />
      </div>
      <TextArea
        label={W.answer.explanation}
        hint={W.answer.explanationHint}
        maxLength={LIMITS.explanation}
        value={explanation}
        onChange={(e) => setExplanation(e.target.value)}
        required={result === 'partlySolved' || result === 'policyUnable'}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void save()}>
          {W.answer.saveDraft}
        </button>
        <button type="submit">{W.answer.submit}</button>
      </div>
      <dialog ref={confirmRef} className="dialog" aria-labelledby="confirm-submit">
        <p id="confirm-submit">{W.answer.confirm}</p>
        <div className="actions">
          <button type="button" onClick={() => void submit()}>
            {W.answer.submit}
          </button>
          <button type="button" className="secondary" onClick={() => confirmRef.current?.close()}>
            {W.common.back}
          </button>
        </div>
      </dialog>
    </form>
  );
}
