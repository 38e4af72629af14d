/**
 * The first account: right after first-run setup, or on the first open after the update
 * that brought accounts (an existing station is walked through it, never locked out).
 */
import { useState, type FormEvent } from 'react';
import { pinSchema, staffNameSchema } from '../../../../shared/domain/accessSchemas';
import { Field } from '../../ui/Field';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { getDb, staffRepo } from '../../db/startup';
import { useSessionStore } from '../../state/session';
import { T } from './strings';
import './access.css';

interface Errors {
  name?: string;
  pin?: string;
  again?: string;
}

export function FirstAccountScreen({ upgrade }: { upgrade: boolean }) {
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const signIn = useSessionStore((s) => s.signIn);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Errors = {};
    const n = staffNameSchema.safeParse(name);
    if (!n.success) next.name = n.error.issues[0]?.message;
    if (!pinSchema.safeParse(pin).success) next.pin = T.pinShape;
    else if (pin !== again) next.again = T.pinMismatch;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const member = await staffRepo.addStaff(getDb(), { name, pin }, { firstOnly: true });
      signIn(member);
    } catch (err) {
      console.error('Creating the first account failed', err);
      setFailure(err);
      setBusy(false);
    }
  }

  return (
    <div className="access-screen" aria-labelledby="first-account-title">
      <form className="access-card panel" onSubmit={(e) => void submit(e)} noValidate>
        <h1 id="first-account-title">{T.firstTitle}</h1>
        {upgrade ? <p>{T.firstIntroUpgrade}</p> : null}
        <p className="muted">{T.firstIntro}</p>
        <Field label={T.name} error={errors.name} required>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" autoFocus />}
        </Field>
        <Field label={T.pin} error={errors.pin} required>
          {(p) => <input {...p} type="password" inputMode="numeric" maxLength={6} autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value.trim())} />}
        </Field>
        <Field label={T.pinAgain} error={errors.again} required>
          {(p) => <input {...p} type="password" inputMode="numeric" maxLength={6} autoComplete="off" value={again} onChange={(e) => setAgain(e.target.value.trim())} />}
        </Field>
        {failure ? <ErrorNotice message={T.createFailed} error={failure} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? T.creating : T.createAndEnter}
        </button>
      </form>
    </div>
  );
}
