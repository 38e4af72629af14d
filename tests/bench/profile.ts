/**
 * The filled browser profile the in-browser benchmarks share (test-results/bench-profile-<port>):
 * launching Chromium on it like a station PC, and signing in as the staff account the fill made.
 */
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { BENCH_PORT, CHROMIUM_ARGS } from './env';

export const repo = resolve(__dirname, '../..');
export const profile = resolve(repo, `test-results/bench-profile-${BENCH_PORT}`);
export const base = `http://127.0.0.1:${BENCH_PORT}`;

/** A new browser on the filled profile, at 1366×768 in Chinese and China time. */
export function launch(opts: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...opts,
  });
}

export interface BenchAccount {
  id: string;
  name: string;
}

/** The benchmark's staff account (made by the fill), read from the profile's database. */
export function benchAccount(page: Page): Promise<BenchAccount> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; name: string }>((resolveAccount, reject) => {
        const open = indexedDB.open('station-desk');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('staff', 'readonly').objectStore('staff').getAll();
          request.onsuccess = () => {
            db.close();
            const row = (request.result as { id: string; name: string; active: boolean }[]).find((r) => r.active);
            if (row) resolveAccount({ id: row.id, name: row.name });
            else reject(new Error('No staff account in the bench profile'));
          };
        };
      }),
  );
}

/**
 * Opens pages signed in as `account`: the session the app resumes (renderer/src/state/session.ts)
 * is written before the app's scripts run, so a measurement times the screen, not the lock.
 */
export async function signIn(page: Page, account: BenchAccount): Promise<void> {
  await page.addInitScript((a) => localStorage.setItem('station-desk.session', JSON.stringify({ ...a, lastActiveAt: Date.now() })), account);
}
