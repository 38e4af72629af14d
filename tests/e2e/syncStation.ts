/** Station-side steps of the sync end-to-end tests: connect to the county, read the outbox, seed in bulk. */
import { expect, type Page } from '@playwright/test';
import { completeFirstRun } from './support/setup';
import type { CountyProcess } from './syncCounty';

/** Short timings so the engine's automatic rounds happen within a test. */
export const FAST_TIMINGS = { intervalMs: 1_000, requestTimeoutMs: 2_500, backoffBaseMs: 200, backoffCapMs: 1_500 };

export async function useTimings(page: Page, timings: Record<string, number> = FAST_TIMINGS): Promise<void> {
  await page.addInitScript((value) => localStorage.setItem('stationDesk.syncTimings', value), JSON.stringify(timings));
}

export async function stationId(page: Page): Promise<string> {
  await page.goto('/#/settings');
  const shown = page.getByTestId('station-id');
  await expect(shown).toHaveText(/^[0-9a-f-]{36}$/);
  return ((await shown.textContent()) ?? '').trim();
}

/** Saves the county address and a token through the settings screen. */
export async function saveConnection(page: Page, url: string, token: string): Promise<void> {
  await page.goto('/#/settings');
  await page.getByLabel('县里系统地址').fill(url);
  await page.getByLabel('联络站令牌').fill(token);
  await page.getByRole('button', { name: '保存', exact: true }).last().click();
  await expect(page.getByText('已保存。')).toBeVisible();
}

/** First run, enrolment at the county, connection saved and tested. Returns the station id. */
export async function connectedStation(page: Page, county: CountyProcess, name = '银湾科创产业园人大代表联络站'): Promise<{ id: string; token: string }> {
  await completeFirstRun(page, name === '银湾科创产业园人大代表联络站' ? {} : { station: { name, county: '江海区', town: '三河镇', head: '张立强' } });
  const id = await stationId(page);
  const token = county.enroll(id, name);
  await saveConnection(page, county.url, token);
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(page.getByText(/连接成功/)).toBeVisible();
  return { id, token };
}

export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('station-desk');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error ?? new Error('read failed'));
        };
      }),
    store,
  );
}

export async function outboxStates(page: Page): Promise<string[]> {
  const rows = await readStore<{ state: string; createdAt: string }>(page, 'outbox');
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((r) => r.state);
}

/** Waits until every outbox entry is acknowledged (the engine's own timer does the work). */
export async function expectAllAcknowledged(page: Page, count: number, timeout = 30_000): Promise<void> {
  await expect.poll(() => outboxStates(page), { timeout }).toEqual(Array.from({ length: count }, () => 'acknowledged'));
}

/**
 * Writes receptions and issues straight into IndexedDB (the shapes the app stores), for
 * volumes no one would type in a test: big lists for 413, the benchmark's 10,000 issues.
 */
export async function seedIssues(page: Page, opts: { receptions: number; issuesPer: number; textLength: number }): Promise<void> {
  await page.evaluate(async ({ receptions, issuesPer, textLength }) => {
    const deputyIds = await new Promise<string[]>((resolve) => {
      const open = indexedDB.open('station-desk');
      open.onsuccess = () => {
        const req = open.result.transaction('deputies').objectStore('deputies').getAllKeys();
        req.onsuccess = () => {
          open.result.close();
          resolve(req.result as string[]);
        };
      };
    });
    const uuid = () => crypto.randomUUID();
    const text = (seed: string) => (seed + '园区企业反映用电增容审批周期长影响新产线投产').repeat(Math.ceil(textLength / 20)).slice(0, textLength);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('station-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const tx = db.transaction(['receptions', 'issues', 'issueStates'], 'readwrite');
    const base = Date.parse('2026-03-01T09:00:00+08:00');
    for (let r = 0; r < receptions; r++) {
      const at = new Date(base + r * 60_000).toISOString().replace('Z', '+00:00');
      const reception = {
        id: uuid(),
        dutyDayId: null,
        channel: 'phone',
        receivedAt: at,
        deputyIds: deputyIds.slice(0, 3),
        visitors: [{ name: `来访人${r}`, phone: '13800000000', enterprise: `第${r}号企业有限公司`, position: '经理' }],
        createdAt: at,
        updatedAt: at,
      };
      tx.objectStore('receptions').put(reception);
      for (let i = 0; i < issuesPer; i++) {
        const id = uuid();
        tx.objectStore('issueStates').put({ id, status: 'recorded', recordedAt: at, listId: '', sealState: 'open', countyRef: null, county: [], pendingSeal: 1 });
        tx.objectStore('issues').put({
          id,
          receptionId: reception.id,
          dutyDayId: null,
          seq: i + 1,
          category: '用电用水',
          summary: text(`${r}-${i}`).slice(0, Math.min(300, textLength)),
          request: text('诉求').slice(0, Math.min(500, textLength)),
          onSpotAnswer: '',
          handling: 'referToCounty',
          suggestedDepartment: '县供电公司',
          recordedAt: at,
          updatedAt: at,
          searchText: '',
        });
      }
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('seed failed'));
    });
    db.close();
  }, opts);
}

/** "封存未归档问题" on the sync screen; returns the numbers it reported. */
export async function sealNow(page: Page): Promise<void> {
  await page.goto('/#/sync');
  await page.getByRole('button', { name: /^封存未归档问题/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '封存' }).click();
  await expect(page.getByText(/^已封存：/)).toBeVisible({ timeout: 120_000 });
}
