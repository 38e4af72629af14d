/**
 * 设置 → 待办提醒: the station shortens the days after which a 联络站协调 issue without
 * progress is listed, and Today's 待办 counts it at once.
 */
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { daysAgoLocal } from './support/dates';
import { completeFirstRun } from './support/setup';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';

test('a shorter number of days in 设置 lists a 联络站协调 issue in 待办', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  const followed = THREE_ISSUES[1]!;
  expect(followed.handling).toBe('联络站协调');

  // A reception three days ago whose issue the station follows itself.
  await page.getByRole('link', { name: '直接登记来访' }).click();
  const form = new ReceptionPage(page);
  await page.getByLabel('接待时间').fill(daysAgoLocal(3));
  await form.fillVisitor(1, TWO_VISITORS[0]!);
  await form.fillIssue(1, followed);
  await page.getByRole('checkbox', { name: '张立强' }).check();
  await form.saveAndConfirm(1);

  const menu = page.getByRole('navigation', { name: '主菜单' });
  await menu.getByRole('link', { name: '今日接待' }).click();
  const todo = page.getByRole('region', { name: '待办' });
  // Three days is within the default seven: not listed.
  await expect(todo).toContainText('1 个问题尚未封存');
  await expect(todo.locator('[data-todo="stale"]')).toHaveCount(0);

  await menu.getByRole('link', { name: '设置' }).click();
  const section = page.getByRole('region', { name: '待办提醒' });
  const days = section.getByLabel('协调无进展提醒天数');
  await expect(days).toHaveValue('7');
  // Out of range: refused with a message beside the field, nothing saved.
  await days.fill('0');
  await section.getByRole('button', { name: '保存', exact: true }).click();
  await expect(section.getByText('天数不能少于 1 天')).toBeVisible();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.fill('2');
  await section.getByRole('button', { name: '保存', exact: true }).click();
  await expect(section.getByRole('status')).toHaveText('已保存，待办已按新天数更新。');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'settings-follow-up-days');
  await expectNoSeriousA11yViolations(page);

  await menu.getByRole('link', { name: '今日接待' }).click();
  const stale = todo.locator('[data-todo="stale"]');
  await expect(stale.getByRole('heading')).toHaveText('联络站协调 2 天无进展 1');
  await expect(stale).toContainText(followed.summary);
  await screenshot(page, testInfo, 'todo-follow-up-days');

  // Back to a longer period: the issue leaves 待办 again.
  await menu.getByRole('link', { name: '设置' }).click();
  await page.getByRole('region', { name: '待办提醒' }).getByLabel('协调无进展提醒天数').fill('4');
  await page.getByRole('region', { name: '待办提醒' }).getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('region', { name: '待办提醒' }).getByRole('status')).toBeVisible();
  await menu.getByRole('link', { name: '今日接待' }).click();
  await expect(todo).toContainText('1 个问题尚未封存');
  await expect(todo.locator('[data-todo="stale"]')).toHaveCount(0);
});
