/** Shown after a save: what was saved, and the two usual next steps. */
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { ROUTES } from '../../routes';
import type { ReceptionWithIssues } from '../../db';
import { T } from './strings';
import { ReceptionIssues } from '../follow-up/ReceptionIssues';

interface Props {
  saved: ReceptionWithIssues;
  wasEdit: boolean;
  onNext: () => void;
  onView: () => void;
}

export function SavedPanel({ saved, wasEdit, onNext, onView }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const n = saved.issues.length;
  const names = saved.reception.visitors.map((v) => v.name).join('、');
  return (
    <section className="rc-panel rc-saved" aria-labelledby="rc-saved-title">
      <div role="status">
        <h1 id="rc-saved-title">✓ {wasEdit ? T.savedEdit(n) : T.saved(n)}</h1>
      </div>
      <p>
        {names}
        {saved.reception.visitors[0]?.enterprise ? ` · ${saved.reception.visitors[0].enterprise}` : ''}
      </p>
      <ReceptionIssues receptionId={saved.reception.id} />
      <div className="rc-actions">
        <button ref={first} type="button" className="primary big" onClick={onNext}>
          {T.nextVisitor}
        </button>
        <Link href={ROUTES.today} className="button big">
          {T.backToday}
        </Link>
        <button type="button" onClick={onView}>
          {T.viewSaved}
        </button>
        <a href={`#/print/reception/${saved.reception.id}`} className="button">
          {T.print}
        </a>
      </div>
    </section>
  );
}
