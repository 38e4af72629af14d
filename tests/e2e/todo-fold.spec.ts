/**
 * 待办 on Today shows five rows per group and reads only those; 显示更多 lists the rest
 * (up to the list's limit), 收起 folds them again. The count is always the whole group.
 * A group unfolded stays so when Today is opened again.
 */
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { daysAgoLocal } from './support/dates';
import { completeFirstRun } from './support/setup';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';

test('a group of seven 联络站协调 issues shows five, unfolds to seven, stays unfolded after an issue is opened, and folds back', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  const followed = THREE_ISSUES[1]!;
  expect(followed.handling).toBe('联络站协调');

  // Ten days ago, seven issues the station follows itself: past the default seven days.
  await page.getByRole('link', { name: '直接登记来访' }).click();
  const form = new ReceptionPage(page);
  await page.getByLabel('接待时间').fill(daysAgoLocal(10));
  await form.fillVisitor(1, TWO_VISITORS[0]!);
  await form.fillIssue(1, { ...followed, summary: `${followed.summary}(1)` });
  for (let n = 2; n <= 7; n++) await form.addIssue({ ...followed, summary: `${followed.summary}(${n})` });
  await page.getByRole('checkbox', { name: '张立强' }).check();
  await form.saveAndConfirm(7);

  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();
  const stale = page.getByRole('region', { name: '待办' }).locator('[data-todo="stale"]');
  await expect(stale.getByRole('heading')).toHaveText('联络站协调 7 天无进展 7');
  await expect(stale.getByRole('listitem')).toHaveCount(5);

  const toggle = stale.getByRole('button', { name: '显示更多（前 7 项）' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(stale.getByRole('listitem')).toHaveCount(7);
  for (let n = 1; n <= 7; n++) await expect(stale).toContainText(`${followed.summary}(${n})`);
  await expect(stale.getByRole('button', { name: '收起' })).toHaveAttribute('aria-expanded', 'true');
  await screenshot(page, testInfo, 'todo-unfolded');
  await expectNoSeriousA11yViolations(page);

  // Working down the list: a row opens its issue, and 今日接待 brings the list back still unfolded.
  await stale.getByRole('listitem').nth(6).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('问题');
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();
  await expect(stale.getByRole('listitem')).toHaveCount(7);
  await expect(stale.getByRole('button', { name: '收起' })).toHaveAttribute('aria-expanded', 'true');
  await screenshot(page, testInfo, 'todo-unfolded-after-issue');

  await stale.getByRole('button', { name: '收起' }).click();
  await expect(stale.getByRole('listitem')).toHaveCount(5);
  // Each row is one click from its issue.
  await stale.getByRole('listitem').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('问题');
});
