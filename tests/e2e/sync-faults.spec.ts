/**
 * Sync failures against the REAL county endpoint (its fault hooks, COUNTY_FAULTS=1): every
 * list still reaches the county exactly once, and the station says what is going on.
 */
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './support/a11y';
import { CountyProcess } from './syncCounty';
import { FAST_TIMINGS, connectedStation, expectAllAcknowledged, outboxStates, readStore, saveConnection, sealNow, seedIssues, useTimings } from './syncStation';

let county: CountyProcess;
test.beforeEach(async () => {
  county = await CountyProcess.start();
});
test.afterEach(async () => {
  await county.stop();
});

async function station(page: Page, timings: Record<string, number> = FAST_TIMINGS): Promise<string> {
  await useTimings(page, timings);
  const { id } = await connectedStation(page, county);
  await seedIssues(page, { receptions: 1, issuesPer: 2, textLength: 40 });
  return id;
}

function pushTimes(page: Page): number[] {
  const times: number[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/v1/push') && r.method() === 'POST') times.push(Date.now());
  });
  return times;
}

async function expectHeldOnce(id: string, issues: number): Promise<void> {
  const held = county.issueIds(id);
  expect(held).toHaveLength(issues);
  expect(new Set(held).size).toBe(issues);
}

test('connection cut before and after the county commits: stored once, the resend is a duplicate', async ({ page }) => {
  const id = await station(page);
  await county.faults([{ type: 'dropBeforeCommit', route: 'push' }, { type: 'dropAfterCommit', route: 'push' }]);
  await sealNow(page);
  await expectAllAcknowledged(page, 1);
  await expectHeldOnce(id, 2);
  const [receipt] = await readStore<{ outcome: string; countyRef: string }>(page, 'receipts');
  expect(receipt).toMatchObject({ outcome: 'duplicate', countyRef: expect.stringMatching(/^JH-\d{4}-000001$/) });
});

test('endpoint killed in the middle of a request and restarted', async ({ page }) => {
  const id = await station(page, { ...FAST_TIMINGS, requestTimeoutMs: 8_000 });
  await county.faults([{ type: 'slow', route: 'push', delayMs: 6_000 }]);
  const inFlight = page.waitForRequest((r) => r.url().includes('/v1/push'));
  await sealNow(page);
  await inFlight;
  await county.kill();
  await expect(page.locator('.sync-indicator')).toContainText(/离线|稍后自动重试/, { timeout: 15_000 });
  expect(await outboxStates(page)).toEqual(['pending']);
  await county.restart();
  await expectAllAcknowledged(page, 1);
  await expectHeldOnce(id, 2);
});

test('500, then 503 with Retry-After: retried, and not before the county asked', async ({ page }) => {
  const id = await station(page);
  const times = pushTimes(page);
  await county.faults([{ type: '500', route: 'push' }, { type: '503', route: 'push', retryAfterSeconds: 3 }]);
  await sealNow(page);
  await expect(page.locator('.sync-indicator')).toContainText('稍后自动重试', { timeout: 10_000 });
  await expectAllAcknowledged(page, 1);
  expect(times.length).toBeGreaterThanOrEqual(3);
  expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(2_900);
  await expectHeldOnce(id, 2);
});

test('an answer slower than the timeout is retried without a second copy', async ({ page }) => {
  const id = await station(page);
  await county.faults([{ type: 'slow', route: 'push', delayMs: 4_000 }]);
  await sealNow(page);
  await expectAllAcknowledged(page, 1, 40_000);
  await expectHeldOnce(id, 2);
});

test('a malformed answer is retried, never a crash', async ({ page }) => {
  const id = await station(page);
  await county.faults([{ type: 'malformed', route: 'push' }]);
  await sealNow(page);
  await expectAllAcknowledged(page, 1);
  await expectHeldOnce(id, 2);
  await expect(page.getByRole('heading', { name: '清单报送' })).toBeVisible();
});

test('the same list delivered twice is stored once', async ({ page }) => {
  const id = await station(page);
  await sealNow(page);
  await expectAllAcknowledged(page, 1);
  // Put the acknowledged entry back in the queue, as a restored backup would.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('station-desk');
        open.onsuccess = () => {
          const tx = open.result.transaction('outbox', 'readwrite');
          const store = tx.objectStore('outbox');
          const all = store.getAll();
          all.onsuccess = () => {
            for (const row of all.result as { state: string }[]) store.put({ ...row, state: 'pending', nextAttemptAt: 0 });
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('tx failed'));
        };
      }),
  );
  await page.getByRole('button', { name: '立即同步' }).click();
  await expectAllAcknowledged(page, 1);
  const [receipt] = await readStore<{ outcome: string }>(page, 'receipts');
  expect(receipt!.outcome).toBe('duplicate');
  await expectHeldOnce(id, 2);
});

test('401: syncing stops and asks for the token; a good token resumes', async ({ page }, testInfo) => {
  await useTimings(page);
  const { id, token } = await connectedStation(page, county);
  await saveConnection(page, county.url, 'sdt_this-token-was-never-issued');
  await seedIssues(page, { receptions: 1, issuesPer: 2, textLength: 40 });
  await sealNow(page);
  const indicator = page.locator('.sync-indicator');
  await expect(indicator).toContainText('需要处理：令牌无效');
  await expect(page.getByText('联络站令牌无效或未设置')).toBeVisible();
  await screenshot(page, testInfo, 'sync-token-rejected');
  expect(await outboxStates(page)).toEqual(['pending']);
  await indicator.click();
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
  await saveConnection(page, county.url, token);
  await expectAllAcknowledged(page, 1);
  await expectHeldOnce(id, 2);
});

test('413: a batch above the county cap is split and every list arrives', async ({ page }) => {
  // The station's own cap raised above the endpoint's 1 MiB, so the endpoint answers 413.
  await useTimings(page, { ...FAST_TIMINGS, maxBatchBytes: 4 * 1024 * 1024, requestTimeoutMs: 15_000 });
  const { id } = await connectedStation(page, county);
  const sizes: number[] = [];
  const statuses: number[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/v1/push')) sizes.push(Buffer.byteLength(r.postData() ?? ''));
  });
  page.on('response', (r) => {
    if (r.url().includes('/v1/push')) statuses.push(r.status());
  });
  await seedIssues(page, { receptions: 5, issuesPer: 100, textLength: 300 });
  await sealNow(page);
  await expectAllAcknowledged(page, 5, 45_000);
  expect(statuses[0]).toBe(413);
  expect(sizes[0]).toBeGreaterThan(1024 * 1024);
  expect(statuses.slice(1).every((s) => s === 200)).toBe(true);
  await expectHeldOnce(id, 500);
});

test("station A's token against station B's data is refused and nothing is stored", async ({ page }, testInfo) => {
  await useTimings(page);
  const { id: stationB } = await connectedStation(page, county);
  const tokenA = county.enroll('st-a-0000000001', '三河镇代表活动点');
  await saveConnection(page, county.url, tokenA);
  await seedIssues(page, { receptions: 1, issuesPer: 2, textLength: 40 });
  await sealNow(page);
  await expect(page.locator('.sync-indicator')).toContainText('需要处理');
  await expect(page.getByText(/属于另一个联络站/).first()).toBeVisible();
  await screenshot(page, testInfo, 'sync-other-station');
  expect(await outboxStates(page)).toEqual(['pending']);
  // The endpoint itself refuses the push too, whatever the client does.
  const [list] = await readStore<{ id: string }>(page, 'issueLists');
  const res = await fetch(`${county.url}/v1/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokenA}`, 'content-type': 'application/json' },
    body: JSON.stringify({ protocolVersion: 1, stationId: stationB, items: [{ kind: 'issueList', id: list!.id, contentHash: '0'.repeat(64), payload: {} }] }),
  });
  expect(res.status).toBe(403);
  expect(county.issueIds(stationB)).toEqual([]);
  expect(county.issueIds('st-a-0000000001')).toEqual([]);
});
