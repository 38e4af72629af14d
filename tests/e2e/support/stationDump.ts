/**
 * Reading a station's whole database from the page (whichever database the app has open,
 * after a restore too), and signing in when a restored station asks for its account.
 */
import { expect, type Page } from '@playwright/test';
import { FIRST_ACCOUNT } from './setup';

/** Every table of the database the app has open, read straight from IndexedDB. */
export async function dumpActive(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const name = localStorage.getItem('stationDesk.activeDatabase') || 'station-desk';
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    const out: Record<string, unknown[]> = {};
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    await Promise.all(
      names.map(
        (n) =>
          new Promise<void>((resolve) => {
            const q = tx.objectStore(n).getAll();
            q.onsuccess = () => {
              out[n] = q.result as unknown[];
              resolve();
            };
          }),
      ),
    );
    db.close();
    return out;
  });
}

export const audit = (rows: unknown[]) => rows as { id: string; action: string }[];

export async function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
}

/** After a restore the app may ask for an account of the restored station. */
export async function signInIfAsked(page: Page): Promise<void> {
  const lock = page.getByRole('heading', { name: '请选择账号并输入 PIN 码' });
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await expect(lock.or(menu).first()).toBeVisible({ timeout: 20_000 });
  if (await lock.isVisible()) {
    await page.getByLabel('PIN 码', { exact: true }).fill(FIRST_ACCOUNT.pin);
    await page.getByRole('button', { name: '解锁' }).click();
  }
  await expect(menu).toBeVisible();
}


/**
 * What a restore must bring back unchanged, for comparing a restored database with the one
 * backed up: without the restore's mark to reconcile with the county (docs/backup.md), and
 * without the sync engine's live status line (status, message), which a background round
 * may change between the dump taken for comparison and the export itself.
 */
export function restorable(dump: Record<string, unknown[]>): Record<string, unknown[]> {
  const rows = (dump['syncState'] ?? []) as Record<string, unknown>[];
  return { ...dump, auditLog: [], syncState: rows.map(({ needsReconcile: _n, status: _s, message: _m, ...rest }) => rest) };
}
