/**
 * 记录满意度: the visitor's rating with a note, who gave it and when. 不满意 asks for the
 * reason and requests 持续督办. A later rating corrects an earlier one; both are kept.
 */
import { useState } from 'react';
import { RATING_LABELS, SATISFACTION_RATINGS, type SatisfactionRating } from '../../../../shared/domain/satisfaction';
import { Field } from '../../ui/Field';
import { followUpRepo, getDb } from '../../db';
import { fromInputValue, toInputValue } from './dates';
import { F } from './strings';
import { useSaveAction } from './useSaveAction';

const T = F.ratingForm;

export function RatingForm({ issueId, visitorName, correcting }: { issueId: string; visitorName: string; correcting: boolean }) {
  const [rating, setRating] = useState<SatisfactionRating | null>(null);
  const [ratedBy, setRatedBy] = useState(visitorName);
  const [at, setAt] = useState(() => toInputValue(new Date()));
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const save = useSaveAction();
  const submit = () =>
    void save.run(async () => {
      await followUpRepo.recordRating(getDb(), { issueId, rating: rating ?? ('' as SatisfactionRating), ratedBy, ratedAt: fromInputValue(at), reason: rating === 'unsatisfied' ? reason : '', note });
      setRating(null);
      setReason('');
      setNote('');
    });
  const title = correcting ? T.correctTitle : T.title;
  return (
    <form className="follow-up-form" aria-label={title} onSubmit={(e) => (e.preventDefault(), submit())}>
      <h3>{title}</h3>
      <fieldset className="choices" aria-invalid={Boolean(save.errors.rating)}>
        <legend>{T.rating}</legend>
        {SATISFACTION_RATINGS.map((r) => (
          <label key={r}>
            <input type="radio" name="rating" checked={rating === r} onChange={() => setRating(r)} /> {RATING_LABELS[r]}
          </label>
        ))}
        {save.errors.rating ? <span className="ui-error">{save.errors.rating}</span> : null}
      </fieldset>
      {rating === 'unsatisfied' ? (
        <Field label={T.reason} required hint={T.reasonHint} error={save.errors.reason}>
          {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      ) : null}
      <Field label={T.ratedBy} required error={save.errors.ratedBy}>
        {(p) => <input {...p} value={ratedBy} onChange={(e) => setRatedBy(e.target.value)} />}
      </Field>
      <Field label={T.ratedAt} required error={save.errors.ratedAt}>
        {(p) => <input {...p} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />}
      </Field>
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
