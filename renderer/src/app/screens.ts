/**
 * The screens, each compiled when first needed: a cold start compiles only the shell and
 * the first screen's code instead of one large bundle (most of a cold start was V8
 * compiling it, docs/benchmarks.md). Right after the first screen shows, the others are
 * fetched in the background (`preloadScreens`), so a screen opened later — offline, in the
 * browser build too — never waits for the network.
 */
import { lazy } from 'react';

const loaders = {
  today: () => import('../features/duty-day/TodayScreen'),
  openDutyDay: () => import('../features/duty-day/OpenDutyDayScreen'),
  closeDutyDay: () => import('../features/duty-day/CloseDutyDayScreen'),
  reception: () => import('../features/reception/ReceptionScreen'),
  history: () => import('../features/history/HistoryScreen'),
  settings: () => import('../features/settings/SettingsScreen'),
  sync: () => import('../features/sync/SyncScreen'),
  issue: () => import('../features/issues/IssueScreen'),
  print: () => import('../features/printing/PrintScreen'),
} as const;

export const TodayScreen = lazy(() => loaders.today().then((m) => ({ default: m.TodayScreen })));
export const OpenDutyDayScreen = lazy(() => loaders.openDutyDay().then((m) => ({ default: m.OpenDutyDayScreen })));
export const CloseDutyDayScreen = lazy(() => loaders.closeDutyDay().then((m) => ({ default: m.CloseDutyDayScreen })));
export const ReceptionScreen = lazy(() => loaders.reception().then((m) => ({ default: m.ReceptionScreen })));
export const HistoryScreen = lazy(() => loaders.history().then((m) => ({ default: m.HistoryScreen })));
export const SettingsScreen = lazy(() => loaders.settings().then((m) => ({ default: m.SettingsScreen })));
export const SyncScreen = lazy(() => loaders.sync().then((m) => ({ default: m.SyncScreen })));
export const IssueScreen = lazy(() => loaders.issue().then((m) => ({ default: m.IssueScreen })));
export const PrintScreen = lazy(() => loaders.print().then((m) => ({ default: m.PrintScreen })));

let preloading: Promise<unknown> | null = null;

/** Fetches every screen's code once, after the first screen has shown (idempotent). */
export function preloadScreens(): Promise<unknown> {
  preloading ??= Promise.all(Object.values(loaders).map((load) => load()))
    .then(() => {
      // Marks the page as able to open every screen without the network (read by the
      // end-to-end tests before they cut it, and handy when checking the browser build).
      document.documentElement.dataset['screensLoaded'] = 'true';
    })
    .catch((error: unknown) => {
      // Offline at the very first start of the browser build: try again next time.
      preloading = null;
      console.warn('Preloading screens failed', error);
    });
  return preloading;
}
