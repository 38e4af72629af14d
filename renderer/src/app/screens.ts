/**
 * The screens, each compiled when first needed: a cold start compiles only the shell and
 * the first screen's code instead of one large bundle (most of a cold start was V8
 * compiling it, docs/benchmarks.md). The first screen's code is fetched at boot, beside the
 * database's opening (`preloadInitialScreen`); right after the first screen shows, the
 * others are fetched in the background (`preloadScreens`), with the code the data layer
 * loads on first use (PIN hashing, the export library), so a screen opened later — offline,
 * in the browser build too — never waits for the network. The home screen's chunk is
 * preloaded by index.html itself (build/vite/preloadHomeScreen.mts).
 *
 * A screen whose code is already here renders at once instead of suspending: React holds a
 * suspended screen back for a moment after its fallback showed (so a fast load does not
 * flash), which on a cold start cost a quarter of a second of blank screen.
 */
import { createElement, lazy, type ComponentType } from 'react';
import { preloadOnDemandCode } from '../db/startup';

const loaders = {
  today: () => import('../features/duty-day/TodayScreen').then((m) => m.TodayScreen),
  openDutyDay: () => import('../features/duty-day/OpenDutyDayScreen').then((m) => m.OpenDutyDayScreen),
  closeDutyDay: () => import('../features/duty-day/CloseDutyDayScreen').then((m) => m.CloseDutyDayScreen),
  reception: () => import('../features/reception/ReceptionScreen').then((m) => m.ReceptionScreen),
  history: () => import('../features/history/HistoryScreen').then((m) => m.HistoryScreen),
  settings: () => import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen),
  sync: () => import('../features/sync/SyncScreen').then((m) => m.SyncScreen),
  issue: () => import('../features/issues/IssueScreen').then((m) => m.IssueScreen),
  print: () => import('../features/printing/PrintScreen').then((m) => m.PrintScreen),
  // Its chunk alone carries the chart library (ECharts) and the spreadsheet writer's caller.
  statistics: () => import('../features/statistics/StatisticsScreen').then((m) => m.StatisticsScreen),
} as const;

type ScreenName = keyof typeof loaders;
type Loaded<K extends ScreenName> = Awaited<ReturnType<(typeof loaders)[K]>>;

const loaded: Partial<Record<ScreenName, unknown>> = {};
const loading: Partial<Record<ScreenName, Promise<unknown>>> = {};

function load<K extends ScreenName>(name: K): Promise<Loaded<K>> {
  loading[name] ??= loaders[name]().then(
    (component) => {
      loaded[name] = component;
      return component;
    },
    (error: unknown) => {
      // Offline at the very first start of the browser build: let a later attempt retry.
      delete loading[name];
      throw error;
    },
  );
  return loading[name] as Promise<Loaded<K>>;
}

/** The screen `name`: rendered directly once its code is here, through React.lazy before. */
function screen<K extends ScreenName>(name: K): Loaded<K> {
  const Lazy = lazy(() => load(name).then((component) => ({ default: component as ComponentType<object> })));
  function Screen(props: object) {
    const Ready = loaded[name] as ComponentType<object> | undefined;
    return createElement(Ready ?? Lazy, props);
  }
  Screen.displayName = `Screen(${name})`;
  return Screen as unknown as Loaded<K>;
}

export const TodayScreen = screen('today');
export const OpenDutyDayScreen = screen('openDutyDay');
export const CloseDutyDayScreen = screen('closeDutyDay');
export const ReceptionScreen = screen('reception');
export const HistoryScreen = screen('history');
export const SettingsScreen = screen('settings');
export const SyncScreen = screen('sync');
export const IssueScreen = screen('issue');
export const PrintScreen = screen('print');
export const StatisticsScreen = screen('statistics');

/** Which screen a path opens (the routes in App.tsx); undefined for an unknown path. */
function screenForPath(path: string): ScreenName | undefined {
  if (path === '/') return 'today';
  if (path === '/duty/open') return 'openDutyDay';
  if (path === '/duty/close') return 'closeDutyDay';
  if (path.startsWith('/reception/')) return 'reception';
  if (path === '/history') return 'history';
  if (path === '/settings') return 'settings';
  if (path === '/sync') return 'sync';
  if (path.startsWith('/issue/')) return 'issue';
  if (path === '/print' || path.startsWith('/print/')) return 'print';
  if (path === '/statistics') return 'statistics';
  return undefined;
}

/** At boot: starts fetching the code of the screen the app opens on (`hash` is `location.hash`). */
export function preloadInitialScreen(hash: string): void {
  const name = screenForPath(hash.replace(/^#/, '').split('?')[0] || '/');
  if (name) load(name).catch((error: unknown) => console.warn('Preloading the first screen failed', error));
}

let preloading: Promise<unknown> | null = null;

/** Fetches every screen's code once, after the first screen has shown (idempotent). */
export function preloadScreens(): Promise<unknown> {
  preloading ??= Promise.all([
    ...(Object.keys(loaders) as ScreenName[]).map((name) => load(name)),
    preloadOnDemandCode(),
    // What screens fetch when first used (tests/unit/build/offlineCode.test.ts lists them).
    import('../features/access/FirstAccountScreen'),
    import('../features/printing/PrintPreview'),
    import('../sync/runner'),
  ])
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
