import { expect, test } from '@playwright/test';
import { completeFirstRun, openDutyDay } from './support/setup';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';

test('choosing 登记来访 again after a save opens a blank form; mid-typing it keeps the form', async ({ page }) => {
  await completeFirstRun(page);
  await openDutyDay(page);
  const form = new ReceptionPage(page);
  await form.gotoNew();
  await form.fillVisitor(1, TWO_VISITORS[0]!);
  await form.fillIssue(1, THREE_ISSUES[0]!);
  await form.saveAndConfirm(1);

  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '登记来访' }).click();
  await expect(form.saveButton).toBeVisible();
  await expect(form.visitor(1).getByLabel('姓名')).toHaveValue('');

  // Half-typed, then the menu item and Ctrl+N again: the form and what was typed stay.
  await form.visitor(1).getByLabel('姓名').fill('伍盛华');
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '登记来访' }).click();
  await page.keyboard.press('Control+n');
  await expect(form.visitor(1).getByLabel('姓名')).toHaveValue('伍盛华');

  // After the second save, Ctrl+N starts the next blank form.
  await form.fillIssue(1, THREE_ISSUES[1]!);
  await form.saveAndConfirm(1);
  await page.keyboard.press('Control+n');
  await expect(form.visitor(1).getByLabel('姓名')).toHaveValue('');
  expect((await form.storedCounts()).receptions).toBe(2);
});
