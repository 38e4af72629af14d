/**
 * One list the county keeps failing on never stops the others (REAL county endpoint, its
 * fault hook answering 500 to any push carrying that list): three lists sealed offline —
 * clean, bad, clean — the clean ones arrive, the bad one is set aside as 需要处理 with the
 * county's message and what to do, and the screen shows when the last sync happened.
 */
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './support/a11y';
import { CountyProcess } from './syncCounty';
import { FAST_TIMINGS, connectedStation, readStore, seedIssues, useTimings } from './syncStation';
import { goOffline } from './support/offline';

let county: CountyProcess;
test.beforeEach(async () => {
  county = await CountyProcess.start();
});
test.afterEach(async () => {
  await county.stop();
});

interface ListRow {
  id: string;
  seq: number;
  state: string;
  issueIds: string[];
}

async function sealByClicking(page: Page): Promise<void> {
  const menu = page.getByRole('navigation', { name: '主菜单' });
  // Away and back: the screen then reads the issues seeded straight into IndexedDB.
  await menu.getByRole('link', { name: '今日接待' }).click();
  await menu.getByRole('link', { name: '清单报送' }).click();
  await page.getByRole('button', { name: /^封存未归档问题/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '封存' }).click();
  await expect(page.getByText(/^已封存：/)).toBeVisible({ timeout: 30_000 });
}

async function lists(page: Page): Promise<ListRow[]> {
  return (await readStore<ListRow>(page, 'issueLists')).sort((a, b) => a.seq - b.seq);
}

test('clean, bad, clean sealed offline: the clean lists arrive, the bad one needs attention, the last sync time shows', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  await useTimings(page, FAST_TIMINGS);
  const { id: station } = await connectedStation(page, county);
  // Start from the home screen; everything after is reached by clicking.
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link').first().click();

  await goOffline(page, context);
  for (let i = 0; i < 3; i += 1) {
    await seedIssues(page, { receptions: 1, issuesPer: 2, textLength: 40 });
    await sealByClicking(page);
  }
  const sealed = await lists(page);
  expect(sealed.map((l) => l.state)).toEqual(['sealed', 'sealed', 'sealed']);
  const [first, bad, last] = sealed as [ListRow, ListRow, ListRow];
  // The county fails on the middle list every time it is sent, alone or in a batch.
  await county.faults([{ type: '500', route: 'push', itemId: bad.id, times: 1000 }]);

  await context.setOffline(false);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect
    .poll(async () => (await lists(page)).map((l) => l.state), { timeout: 60_000 })
    .toEqual(['acknowledged', 'rejected', 'acknowledged']);

  // The county holds the clean lists' issues exactly once, and nothing of the bad one.
  const held = county.issueIds(station);
  expect(held.sort()).toEqual([...first.issueIds, ...last.issueIds].sort());
  const [outbox] = (await readStore<{ itemId: string; serverFailures?: number }>(page, 'outbox')).filter((o) => o.itemId === bad.id);
  expect(outbox?.serverFailures).toBe(5);

  const table = page.getByRole('table');
  const badRow = table.getByRole('row').filter({ hasText: `第${bad.seq}号` });
  await expect(badRow).toContainText('需要处理');
  await expect(badRow).toContainText('县里的系统连续 5 次没能保存这份清单');
  await expect(badRow).toContainText('县里的说明：县里的系统处理这份清单时出错（500）');
  await expect(badRow.getByRole('button', { name: '重新报送' })).toBeVisible();
  for (const ok of [first, last]) await expect(table.getByRole('row').filter({ hasText: `第${ok.seq}号` })).toContainText('县里已接收');
  await expect(page.getByText(/^上次同步：\d/)).toBeVisible();
  await expect(page.getByText('从未同步')).toHaveCount(0);
  await screenshot(page, testInfo, 'sync-stuck-list-attention');

  // The county is fixed; 重新报送 sends it, once.
  await county.clearFaults();
  await badRow.getByRole('button', { name: '重新报送' }).click();
  await expect.poll(async () => (await lists(page)).map((l) => l.state), { timeout: 30_000 }).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
  expect(county.issueIds(station).sort()).toEqual([...first.issueIds, ...bad.issueIds, ...last.issueIds].sort());
  await expect(page.locator('.sync-indicator')).toContainText(/已同步 \d\d:\d\d/);
});
