/**
 * 初始化: the first admin, created with the one-time code the server printed to its log.
 * The code is the admin's temporary password; the forced password change follows at once.
 */
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api, messageOf } from '../api';
import type { SessionInfo } from '../apiTypes';
import { useSession } from '../session';
import { S } from '../strings';
import { Field, Message } from '../ui/Form';

export function SetupScreen() {
  const { signedIn } = useSession();
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api<SessionInfo>('POST', '/setup', { code, username, displayName }, { quiet401: true });
      navigate('/');
      signedIn(session);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="card-page">
      <form className="card" onSubmit={(e) => void submit(e)}>
        <p className="brand-sub">{S.appSubtitle}</p>
        <h1>
          {S.appTitle} · {S.setup.title}
        </h1>
        <p>{S.setup.intro}</p>
        <Message kind="error">{error}</Message>
        <Field label={S.setup.code} hint={S.setup.codeHint} autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
        <Field label={S.setup.username} hint={S.setup.usernameHint} autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <Field label={S.setup.displayName} autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
        <button type="submit" disabled={busy}>
          {S.setup.submit}
        </button>
      </form>
    </main>
  );
}
