/** Sign-in: user name and password; lockout and wrong-password messages come from the server. */
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api, messageOf } from '../api';
import type { SessionInfo } from '../apiTypes';
import { useSession } from '../session';
import { S } from '../strings';
import { Field, Message } from '../ui/Form';

export function LoginScreen({ notice }: { notice: string | null }) {
  const { signedIn } = useSession();
  const [, navigate] = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api<SessionInfo>('POST', '/login', { username, password }, { quiet401: true });
      // After an expired session the user goes on where they were; after a logout, from home
      // (the last screen may belong to another role).
      if (!notice) navigate('/');
      signedIn(session);
    } catch (err) {
      setError(messageOf(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="card-page">
      <form className="card" onSubmit={(e) => void submit(e)}>
        <p className="brand-sub">{S.appSubtitle}</p>
        <h1>
          {S.appTitle} · {S.login.title}
        </h1>
        {notice && !error && <Message kind="error">{notice}</Message>}
        <Message kind="error">{error}</Message>
        <Field label={S.login.username} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <Field label={S.login.password} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        <button type="submit" disabled={busy}>
          {S.login.submit}
        </button>
      </form>
    </main>
  );
}
