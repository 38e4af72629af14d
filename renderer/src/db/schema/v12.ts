/**
 * Schema version 12: `statDays`, the statistics' own compact copy of the history, one row per
 * local day keyed by the day (../statRows.ts), so the 统计 screen reads a year as one range of
 * 365 small rows instead of every reception, issue and state row of the year.
 * No upgrade function: an existing history's rows are built in the background after start
 * (../statDays.ts buildStatDays), adding rows and rewriting none (an in-place rewrite of a
 * large history leaves Chromium's IndexedDB slow to open, docs/benchmarks.md), and the
 * statistics read the whole rows until the build is done.
 * (Version 11 was never used.) Shipped versions are never edited: add a new file.
 */
import type { Dexie } from 'dexie';

export const V12_STORES = {
  statDays: 'day',
} as const;

export function declareV12(db: Dexie): void {
  db.version(12).stores(V12_STORES);
}
