/** From first run to a closed duty day, through the real screens. */
import { expect, test } from '@playwright/test';
import { completeFirstRun, openDutyDay } from './support/setup';
import { OpenDutyDayPage } from './pages/OpenDutyDayPage';
import { TodayPage } from './pages/TodayPage';

test('a new station opens a duty day with two deputies and is warned, not blocked', async ({ page }) => {
  await completeFirstRun(page);
  const open = new OpenDutyDayPage(page);
  await open.goto();
  await open.tick(['张立强', '王丽芬']);
  await expect(open.understaffedWarning).toBeVisible();
  await open.start();
  const today = new TodayPage(page);
  await today.expectOpenDay();
  await expect(today.onDutyLine).toContainText('张立强、王丽芬');
  await expect(page.getByText(/在岗代表只有 2 位/)).toBeVisible();
});

test('the shared helper opens a duty day with every deputy', async ({ page }) => {
  await completeFirstRun(page);
  await openDutyDay(page);
  await expect(new TodayPage(page).onDutyLine).toContainText('4 位');
});
