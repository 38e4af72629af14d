import { expect, test } from '@playwright/test';
import { completeFirstRun, openDutyDay } from './support/setup';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';
import { goOffline } from './support/offline';

test('recording while the network is down works and persists', async ({ page, context }) => {
  await completeFirstRun(page);
  await openDutyDay(page);
  const form = new ReceptionPage(page);
  await form.gotoNew();
  await goOffline(page, context);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await form.fillVisitor(1, TWO_VISITORS[0]!);
  await form.fillIssue(1, THREE_ISSUES[0]!);
  await form.addIssue(THREE_ISSUES[2]!);
  const id = await form.saveAndConfirm(2);
  // Moving around the app needs no network either.
  await page.getByRole('link', { name: '返回今日接待' }).click();
  await expect(page.getByRole('table', { name: /本接待日来访记录/ })).toContainText('辛志鹏');
  await page.goto(`/#/reception/${id}`).catch(() => undefined);

  await context.setOffline(false);
  await form.gotoEdit(id);
  await page.reload();
  await expect(form.visitor(1).getByLabel('姓名')).toHaveValue('辛志鹏');
  await expect(form.issue(2).getByLabel('现场答复')).toHaveValue(THREE_ISSUES[2]!.onSpotAnswer!);
  expect(await form.storedCounts()).toMatchObject({ receptions: 1, issues: 2 });
});
