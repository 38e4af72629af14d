/**
 * Nobody uses the app without an account (docs/access.md). Until someone signs in on this
 * page only the first-account or lock screen renders; once the app has been shown, a lock
 * hides it (made inert) under the lock screen instead of closing it, so nothing typed is lost.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useLiveQuery } from '../../db/startup';
import { accessAtBoot, readAccess, type AccessRead } from './accessPrefetch';
import { followOtherWindows, useSessionStore } from '../../state/session';
import { LockScreen } from './LockScreen';
import { useIdleLock } from './useIdleLock';
import { useRetention } from './useRetention';
import './access.css';

/** Shown on a first run or the first start after the upgrade only: its code (and its form's schemas) is fetched then. */
const FirstAccountScreen = lazy(() => import('./FirstAccountScreen').then((m) => ({ default: m.FirstAccountScreen })));

function shape({ everyone, settings }: AccessRead) {
  return { staff: everyone.filter((m) => m.active), stopped: new Set(everyone.filter((m) => !m.active).map((m) => m.id)), settings };
}

/** A station set up more than an hour ago and without accounts has just been updated. */
const UPGRADE_AFTER_MS = 60 * 60_000;

export function AccessGate({ stationCreatedAt, children }: { stationCreatedAt: string; children: ReactNode }) {
  const early = accessAtBoot.value();
  const data = useLiveQuery(async () => shape(await readAccess()), [], early && shape(early));
  const actor = useSessionStore((s) => s.actor);
  const unlockedOnce = useSessionStore((s) => s.unlockedOnce);
  // Set once the stored session (if any) has been resumed, with whether this is an upgrade.
  const [opened, setOpened] = useState<{ upgrade: boolean } | null>(null);

  useEffect(() => followOtherWindows(), []);
  useEffect(() => {
    let cancelled = false;
    const open = ({ everyone, settings }: AccessRead) => {
      if (cancelled) return;
      useSessionStore.getState().resume(settings.idleMinutes * 60_000, (id) => everyone.some((m) => m.active && m.id === id));
      setOpened({ upgrade: Date.now() - Date.parse(stationCreatedAt) > UPGRADE_AFTER_MS });
    };
    // Read at boot when the app starts here; read now when the station was just set up.
    const atBoot = accessAtBoot.value();
    if (atBoot) open(atBoot);
    else void readAccess().then(open);
    return () => {
      cancelled = true;
    };
  }, [stationCreatedAt]);
  // An account stopped in 设置 (here or in another window) is signed out at once. (Not
  // "missing from the list": an account just created signs in before the list catches up.)
  useEffect(() => {
    if (data && actor && data.stopped.has(actor.id)) useSessionStore.getState().lock();
  }, [data, actor]);
  // While locked, the app's keyboard shortcuts (Ctrl+Enter saves, Ctrl+N opens a form…)
  // listen on document and window: stop key combinations before they get there.
  const locked = actor === null;
  useEffect(() => {
    if (!locked) return;
    const stopShortcuts = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) e.stopPropagation();
    };
    window.addEventListener('keydown', stopShortcuts, true);
    return () => window.removeEventListener('keydown', stopShortcuts, true);
  }, [locked]);
  useIdleLock(actor && data ? data.settings.idleMinutes : null);
  useRetention(actor !== null);

  if (!data || !opened) return null;
  if (data.staff.length === 0) {
    return (
      <Suspense fallback={null}>
        <FirstAccountScreen upgrade={opened.upgrade} />
      </Suspense>
    );
  }
  if (!unlockedOnce) return <LockScreen staff={data.staff} />;
  return (
    <>
      <div className={locked ? 'access-hidden' : 'access-app'} inert={locked} aria-hidden={locked || undefined}>
        {children}
      </div>
      {locked ? <LockScreen staff={data.staff} /> : null}
    </>
  );
}
