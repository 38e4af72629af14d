/** 联络站协调: a progress note or the result of the station's own follow-up. */
import { useState } from 'react';
import { Field } from '../../ui/Field';
import { followUpRepo, getDb } from '../../db';
import { fromInputValue, toInputValue } from './dates';
import { F } from './strings';
import { useSaveAction } from './useSaveAction';

const T = F.progressForm;

export function ProgressForm({ issueId, deputyNames }: { issueId: string; deputyNames: string[] }) {
  const [kind, setKind] = useState<'progress' | 'result'>('progress');
  const [at, setAt] = useState(() => toInputValue(new Date()));
  const [by, setBy] = useState('');
  const [text, setText] = useState('');
  const save = useSaveAction();
  const submit = () =>
    void save.run(async () => {
      await followUpRepo.recordProgress(getDb(), { issueId, kind, at: fromInputValue(at), by, text });
      setText('');
    });
  return (
    <form className="follow-up-form" aria-label={T.title} onSubmit={(e) => (e.preventDefault(), submit())}>
      <h3>{T.title}</h3>
      <fieldset className="choices">
        <legend>{T.kind}</legend>
        <label>
          <input type="radio" name="progressKind" checked={kind === 'progress'} onChange={() => setKind('progress')} /> {T.progress}
        </label>
        <label>
          <input type="radio" name="progressKind" checked={kind === 'result'} onChange={() => setKind('result')} /> {T.result}
        </label>
      </fieldset>
      <Field label={T.text} required error={save.errors.text}>
        {(p) => <textarea {...p} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field label={T.at} required error={save.errors.at}>
        {(p) => <input {...p} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
      </Field>
      <Field label={T.by} required error={save.errors.by}>
        {(p) => <input {...p} list={`progress-deputies-${issueId}`} value={by} onChange={(e) => setBy(e.target.value)} />}
      </Field>
      <datalist id={`progress-deputies-${issueId}`}>
        {deputyNames.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <div>
        <button type="submit" className="primary" disabled={save.busy}>
          {T.save}
        </button>{' '}
        <span role="status">{save.message}</span>
      </div>
    </form>
  );
}
