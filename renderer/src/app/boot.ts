/**
 * What a cold start begins before React's first render, so it runs beside the shell's own
 * start instead of after it: the first screen's code, the station and its accounts (which
 * every screen waits for), and on Today its 待办 and duty day.
 */
import { accessAtBoot } from '../features/access/accessPrefetch';
import { prefetchToday } from '../features/duty-day/todayPrefetch';
import { prefetchTodo } from '../features/follow-up/todoPrefetch';
import { stationAtBoot } from '../state/useStation';
import { preloadInitialScreen } from './screens';

export function startEarly(hash: string): void {
  preloadInitialScreen(hash);
  // What the gate waits for before any screen: the station, then the accounts.
  stationAtBoot.start();
  accessAtBoot.start();
  if (hash === '' || hash === '#' || hash === '#/') {
    prefetchTodo();
    prefetchToday();
  }
}
