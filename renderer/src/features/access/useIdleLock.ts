/**
 * Locks after `idleMinutes` without keyboard, mouse or touch input in any window of the
 * app. Input marks the shared session as used (at most every 2 s: a write per keystroke
 * would be waste); a one-second check compares with the idle period, so a PC left asleep
 * locks the moment it wakes.
 */
import { useEffect } from 'react';
import { sessionLastActive, touchSession, useSessionStore } from '../../state/session';
import { lockNow } from './lockNow';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const TOUCH_EVERY_MS = 2000;

export function useIdleLock(idleMinutes: number | null): void {
  useEffect(() => {
    if (idleMinutes === null) return;
    const idleMs = idleMinutes * 60_000;
    let lastTouch = 0;
    const onInput = () => {
      const now = Date.now();
      if (now - lastTouch < TOUCH_EVERY_MS) return;
      lastTouch = now;
      touchSession();
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const last = sessionLastActive();
      // No stored session: another window locked; its storage event locks this one.
      if (last === null) useSessionStore.getState().lock();
      else if (Date.now() - last >= idleMs) void lockNow('idle');
    }, 1000);
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      window.clearInterval(timer);
    };
  }, [idleMinutes]);
}
