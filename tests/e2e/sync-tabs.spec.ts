/** One sync engine per database, however many windows are open; another takes over when it closes. */
import { expect, test, type Page } from '@playwright/test';
import { CountyProcess } from './syncCounty';
import { connectedStation, useTimings } from './syncStation';

let county: CountyProcess;
test.beforeEach(async () => {
  county = await CountyProcess.start();
});
test.afterEach(async () => {
  await county.stop();
});

function countPings(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on('request', (r) => {
    if (r.url().includes('/v1/ping')) seen.count += 1;
  });
  return seen;
}

test('two windows run one engine; closing it hands over to the other', async ({ page, context }) => {
  // No timer rounds during the test: every ping below comes from a request or a start.
  await useTimings(page, { intervalMs: 3_600_000, requestTimeoutMs: 2_500, backoffBaseMs: 200, backoffCapMs: 1_500 });
  await connectedStation(page, county);
  const second = await context.newPage();
  await second.goto('/#/sync');
  await expect(second.getByRole('heading', { name: '清单报送' })).toBeVisible();
  const first = countPings(page);
  const other = countPings(second);
  // "立即同步" in the waiting window reaches the running engine in the first window.
  await second.getByRole('button', { name: '立即同步' }).click();
  await expect.poll(() => first.count, { timeout: 5_000 }).toBe(1);
  expect(other.count).toBe(0);
  // The first window closes: the waiting one takes the lock and starts its engine.
  await page.close();
  await expect.poll(() => other.count, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  await expect(second.locator('.sync-indicator')).toContainText(/已同步 \d\d:\d\d/);
});
