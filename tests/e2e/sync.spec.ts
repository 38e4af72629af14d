/**
 * Sync against the REAL county endpoint process: record offline, seal by closing the duty
 * day, go online → the county holds each issue exactly once; then the clerk assigns via
 * the CLI and the station shows the new status and history.
 */
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { openDutyDay } from './support/setup';
import { CloseDutyDayPage } from './pages/CloseDutyDayPage';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';
import { CountyProcess } from './syncCounty';
import { connectedStation, expectAllAcknowledged, outboxStates, readStore, useTimings } from './syncStation';
import { goOffline } from './support/offline';

let county: CountyProcess;
test.beforeEach(async () => {
  county = await CountyProcess.start();
});
test.afterEach(async () => {
  await county.stop();
});

test('lists recorded offline reach the county exactly once, and county progress comes back', async ({ page, context }, testInfo) => {
  // A whole duty day, a real endpoint and three clerk CLI runs (each a new Node process): on a loaded machine this
  // took over the default 60 s once, with every step still progressing.
  test.setTimeout(120_000);
  await useTimings(page);
  const { id: station } = await connectedStation(page, county);
  await screenshot(page, testInfo, 'sync-settings');
  await expect(page.locator('.sync-indicator')).toContainText(/已同步 \d\d:\d\d/);

  await openDutyDay(page);
  await goOffline(page, context);
  const form = new ReceptionPage(page);
  await form.record(TWO_VISITORS, THREE_ISSUES);
  await page.getByRole('button', { name: '继续登记下一位' }).click();
  await form.fillVisitor(1, { name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司', position: '总经理' });
  await form.fillIssue(1, THREE_ISSUES[0]!);
  await form.saveAndConfirm(1);
  await page.getByRole('link', { name: '今日接待', exact: true }).click();
  await page.getByRole('link', { name: '结束接待日' }).click();
  await new CloseDutyDayPage(page).confirmClose();
  await expect(page.locator('.sync-indicator')).toContainText('离线 · 1 份清单待报送', { timeout: 15_000 });
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '清单报送' }).click();
  await expect(page.getByRole('table')).toContainText('待报送');
  await screenshot(page, testInfo, 'sync-offline');
  expect(await outboxStates(page)).toEqual(['pending']);

  await context.setOffline(false);
  await expectAllAcknowledged(page, 1);
  await expect(page.locator('.sync-indicator')).toContainText(/已同步 \d\d:\d\d/);
  const issues = await readStore<{ id: string; status: string; countyRef: string | null }>(page, 'issueStates');
  const held = county.issueIds(station);
  expect(held.sort()).toEqual(issues.map((i) => i.id).sort());
  expect(new Set(held).size).toBe(4);
  // Stored as recorded: an issue in a list the county acknowledged reads as submitted (已报送).
  expect(issues.filter((i) => i.status === 'recorded')).toHaveLength(3);
  expect(issues.filter((i) => i.status === 'resolvedOnSpot')).toHaveLength(1);
  await expect(page.getByRole('table')).toContainText('县里已接收');
  await expect(page.getByRole('table')).toContainText(/JH-\d{4}-\d{6}/);
  await screenshot(page, testInfo, 'sync-acknowledged');
  await expectNoSeriousA11yViolations(page);

  // The clerk assigns the first issue; the station pulls it.
  const referred = issues.find((i) => i.status === 'recorded')!;
  await page.goto(`/#/issue/${referred.id}`);
  await expect(page.getByText('已报送').first()).toBeVisible();
  await expect(page.getByText(/JH-\d{4}-\d{6}/).first()).toBeVisible();
  const assigned = county.cli('assign', referred.id, '--department', '县园区管委会', '--days', '7');
  expect(assigned.code, assigned.err).toBe(0);
  expect(county.cli('respond', referred.id, '--text', '已安排施工队修复路面，三日内完成。').code).toBe(0);
  await page.goto(`/#/issue/${referred.id}`);
  await expect(page.getByText('已答复').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('承办单位：县园区管委会')).toBeVisible();
  await expect(page.getByText(/答复期限：/)).toBeVisible();
  await expect(page.getByText('答复内容：已安排施工队修复路面，三日内完成。')).toBeVisible();
  await screenshot(page, testInfo, 'sync-issue-history');
  await expectNoSeriousA11yViolations(page);
  expect(county.issueIds(station)).toHaveLength(4);
});
