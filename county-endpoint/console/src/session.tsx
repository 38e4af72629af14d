/**
 * Who is signed in. Loads the session once at start (GET /session), keeps its CSRF token
 * in the API client, and drops back to login when any call answers 401.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setAuthHandlers, setCsrfToken, type ApiError } from './api';
import type { SessionInfo } from './apiTypes';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'signedOut'; notice: string | null }
  | { kind: 'signedIn'; session: SessionInfo };

interface SessionApi {
  state: SessionState;
  signedIn: (session: SessionInfo) => void;
  signOut: () => Promise<void>;
  reload: () => Promise<void>;
}

const Ctx = createContext<SessionApi | null>(null);

async function fetchState(): Promise<SessionState> {
  try {
    const session = await api<SessionInfo>('GET', '/session', undefined, { quiet401: true });
    setCsrfToken(session.csrfToken);
    return { kind: 'signedIn', session };
  } catch {
    setCsrfToken(null);
    const setup = await api<{ needed: boolean }>('GET', '/setup').catch(() => ({ needed: false }));
    return setup.needed ? { kind: 'setup' } : { kind: 'signedOut', notice: null };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  const signedIn = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setState({ kind: 'signedIn', session });
  }, []);

  /** Asks the server who is signed in; without a session, whether the county still needs its first admin. */
  const reload = useCallback(async () => {
    setState(await fetchState());
  }, []);

  const signOut = useCallback(async () => {
    await api('POST', '/logout').catch(() => undefined);
    setCsrfToken(null);
    setState({ kind: 'signedOut', notice: null });
  }, []);

  useEffect(() => {
    setAuthHandlers({
      unauthorized: (error: ApiError) => {
        setCsrfToken(null);
        setState({ kind: 'signedOut', notice: error.message });
      },
      mustChangePassword: () => void reload(),
    });
    let live = true;
    void fetchState().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [reload]);

  const value = useMemo(() => ({ state, signedIn, signOut, reload }), [state, signedIn, signOut, reload]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in session, for screens that only render when someone is signed in. */
export function useSignedIn(): SessionInfo {
  const { state } = useSession();
  if (state.kind !== 'signedIn') throw new Error('screen rendered without a session');
  return state.session;
}
