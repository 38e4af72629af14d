/** The user's own password: forced at first login (own page, nothing else reachable), or from the header. */
import { useState, type FormEvent } from 'react';
import { api, messageOf } from '../api';
import type { SessionInfo } from '../apiTypes';
import { useSession } from '../session';
import { S } from '../strings';
import { Field, Message } from '../ui/Form';

export function ChangePasswordScreen({ forced }: { forced: boolean }) {
  const { signedIn, signOut } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (next !== repeat) {
      setError(S.password.mismatch);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await api<SessionInfo>('POST', '/password', { current, next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      signedIn(session);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const form = (
    <form className={forced ? 'card' : 'panel narrow'} onSubmit={(e) => void submit(e)}>
      <h1>{S.password.title}</h1>
      {forced && <p>{S.password.forced}</p>}
      <Message kind="error">{error}</Message>
      <Message kind="ok">{done ? S.password.done : null}</Message>
      <Field label={S.password.current} hint={forced ? S.password.currentSetupHint : undefined} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
      <Field label={S.password.next} hint={S.password.nextHint} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
      <Field label={S.password.repeat} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {S.password.submit}
        </button>
        {forced && (
          <button type="button" className="secondary" onClick={() => void signOut()}>
            {S.account.logout}
          </button>
        )}
      </div>
    </form>
  );
  return forced ? <main className="card-page">{form}</main> : form;
}
