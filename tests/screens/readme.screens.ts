/**
 * Walks a duty day the way staff do and saves a screenshot of each main screen at
 * 1366×768 into docs/screenshots/, for the README and for looking at the product.
 */
import { test } from '@playwright/test';
import { completeFirstRun, openDutyDay } from '../e2e/support/setup';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from '../e2e/pages/ReceptionPage';

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: false });

test('main screens', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.screenshot(shot('setup'));
  await completeFirstRun(page);
  await openDutyDay(page);
  const reception = new ReceptionPage(page);
  await reception.gotoNew();
  await reception.fillVisitor(1, TWO_VISITORS[0]!);
  await reception.addVisitor(TWO_VISITORS[1]!);
  await reception.fillIssue(1, THREE_ISSUES[0]!);
  await reception.addIssue(THREE_ISSUES[1]!);
  await page.screenshot(shot('reception'));
  await reception.addIssue(THREE_ISSUES[2]!);
  await reception.saveAndConfirm(3);
  await page.goto('/#/');
  await page.getByRole('heading', { name: /今日接待/ }).waitFor();
  await page.screenshot(shot('today'));
  await page.goto('/#/history');
  await page.getByRole('searchbox').or(page.getByRole('textbox').first()).first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot(shot('history'));
  await page.goto('/#/sync');
  await page.waitForTimeout(500);
  await page.screenshot(shot('sync'));
});
