/**
 * Who is signed in on this PC (docs/access.md). The session lives in localStorage so that
 * a reload and the app's other windows share it, and only while someone keeps using the
 * app: it ends with the 锁定 button or after the idle minutes set in 设置, whichever
 * comes first, in every window at once (the storage event). The audit log's actor follows
 * the session (auditRepo.setAuditActor).
 */
import { create } from 'zustand';
import type { Actor } from '../../../shared/domain/access';
import { auditRepo } from '../db/startup';

const KEY = 'station-desk.session';

interface StoredSession extends Actor {
  lastActiveAt: number;
}

function readStored(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (value && typeof value === 'object' && 'id' in value && 'name' in value && 'lastActiveAt' in value) {
      const { id, name, lastActiveAt } = value;
      if (typeof id === 'string' && typeof name === 'string' && typeof lastActiveAt === 'number') return { id, name, lastActiveAt };
    }
  } catch {
    // An unreadable session is no session: the lock screen shows.
  }
  return null;
}

function writeStored(session: StoredSession | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

interface SessionState {
  actor: Actor | null;
  /** False until someone signs in on this page: nothing but the lock screen renders before. */
  unlockedOnce: boolean;
  /** A session stored by this or another window, resumed if it was active within `idleMs`. */
  resume: (idleMs: number, isActive: (id: string) => boolean) => void;
  signIn: (actor: Actor) => void;
  lock: () => void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  actor: null,
  unlockedOnce: false,
  resume: (idleMs, isActive) => {
    const stored = readStored();
    if (stored && Date.now() - stored.lastActiveAt < idleMs && isActive(stored.id)) {
      auditRepo.setAuditActor(stored);
      set({ actor: { id: stored.id, name: stored.name }, unlockedOnce: true });
    } else if (stored) {
      writeStored(null);
    }
  },
  signIn: (actor) => {
    writeStored({ id: actor.id, name: actor.name, lastActiveAt: Date.now() });
    auditRepo.setAuditActor(actor);
    set({ actor: { id: actor.id, name: actor.name }, unlockedOnce: true });
  },
  lock: () => {
    writeStored(null);
    auditRepo.setAuditActor(null);
    set({ actor: null });
  },
}));

/** Marks the session used now (throttled by the caller). */
export function touchSession(): void {
  const stored = readStored();
  if (stored) writeStored({ ...stored, lastActiveAt: Date.now() });
}

/** When the session was last used in any window, or null when there is none. */
export function sessionLastActive(): number | null {
  return readStored()?.lastActiveAt ?? null;
}

/** Another window locked or signed in: follow it. */
export function followOtherWindows(): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY) return;
    const stored = readStored();
    const { actor, lock } = useSessionStore.getState();
    if (!stored && actor) lock();
    else if (stored && (!actor || actor.id !== stored.id)) {
      auditRepo.setAuditActor(stored);
      useSessionStore.setState({ actor: { id: stored.id, name: stored.name }, unlockedOnce: true });
    }
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
