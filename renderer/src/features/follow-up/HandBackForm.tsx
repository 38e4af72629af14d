/** 记录答复反馈: how the county's answer was passed on to the visitor, when and by which deputy. */
import { useState } from 'react';
import { HAND_BACK_LABELS, HAND_BACK_METHODS, type HandBackMethod } from '../../../../shared/domain/satisfaction';
import { Field } from '../../ui/Field';
import { followUpRepo, getDb } from '../../db';
import { fromInputValue, toInputValue } from './dates';
import { F } from './strings';
import { useSaveAction } from './useSaveAction';

const T = F.handBackForm;

export function HandBackForm({ issueId, deputyNames }: { issueId: string; deputyNames: string[] }) {
  const [method, setMethod] = useState<HandBackMethod>('phone');
  const [at, setAt] = useState(() => toInputValue(new Date()));
  const [deputy, setDeputy] = useState('');
  const [note, setNote] = useState('');
  const save = useSaveAction();
  const submit = () =>
    void save.run(async () => {
      await followUpRepo.recordHandBack(getDb(), { issueId, method, at: fromInputValue(at), deputyName: deputy, note });
      setNote('');
    });
  return (
    <form className="follow-up-form" aria-label={T.title} onSubmit={(e) => (e.preventDefault(), submit())}>
      <h3>{T.title}</h3>
      <fieldset className="choices">
        <legend>{T.method}</legend>
        {HAND_BACK_METHODS.map((m) => (
          <label key={m}>
            <input type="radio" name="handBackMethod" checked={method === m} onChange={() => setMethod(m)} /> {HAND_BACK_LABELS[m]}
          </label>
        ))}
      </fieldset>
      <Field label={T.at} required error={save.errors.at}>
        {(p) => <input {...p} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
      </Field>
      <Field label={T.deputy} required error={save.errors.deputyName}>
        {(p) => <input {...p} list={`deputies-${issueId}`} value={deputy} onChange={(e) => setDeputy(e.target.value)} />}
      </Field>
      <datalist id={`deputies-${issueId}`}>
        {deputyNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <Field label={T.note} error={save.errors.note}>
        {(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div>
        <button type="submit" className="primary" disabled={save.busy}>
          {T.save}
        </button>{' '}
        <span role="status">{save.message}</span>
      </div>
    </form>
  );
}
