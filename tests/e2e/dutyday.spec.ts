/** From first run to a closed duty day, through the real screens, with axe checks and screenshots. */
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { completeFirstRun, openDutyDay, SAMPLE_STATION } from './support/setup';
import { CloseDutyDayPage } from './pages/CloseDutyDayPage';
import { OpenDutyDayPage } from './pages/OpenDutyDayPage';
import { SetupPage } from './pages/SetupPage';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';
import { TodayPage } from './pages/TodayPage';

test('first run shows each message beside its field and keeps what was typed', async ({ page }, testInfo) => {
  const setup = new SetupPage(page);
  await setup.goto();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-01-setup-empty');

  await page.getByLabel('联络站名称').fill(SAMPLE_STATION.name);
  await setup.save();
  const county = page.getByLabel('所属县（区）');
  await expect(county).toHaveAttribute('aria-invalid', 'true');
  await expect(county).toHaveAccessibleDescription(/请填写所属县（区）/);
  await expect(setup.row(0).getByText('请填写代表姓名')).toBeVisible();
  await expect(setup.row(0).getByText('请选择代表层级')).toBeVisible();
  await expect(page.getByLabel('联络站名称')).toHaveValue(SAMPLE_STATION.name);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-02-setup-errors');
});

test('a new user goes from first run through one reception to a closed duty day, warned below three deputies', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  const today = new TodayPage(page);
  await today.expectNoOpenDay();
  await expect(today.recordAnywayLink).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-03-today-no-day');

  await today.startDutyDayLink.click();
  const open = new OpenDutyDayPage(page);
  await expect(open.heading).toBeVisible();
  await expect(open.dateInput).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await open.start();
  await expect(page.getByText('请至少勾选一位在岗代表')).toBeVisible();
  await open.tick(['张立强', '王丽芬']);
  await expect(open.understaffedWarning).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-04-open-understaffed');
  await open.start();

  await today.expectOpenDay();
  await expect(today.onDutyLine).toContainText('张立强、王丽芬');
  await expect(page.getByText(/在岗代表只有 2 位/)).toBeVisible();
  await expect(today.receptionTable).toContainText('还没有来访记录');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-05-today-open');

  // A second duty day cannot be opened while this one runs: the screen says so.
  await open.goto();
  await expect(page.getByText(/的接待日还没有结束/)).toBeVisible();
  await page.getByRole('link', { name: '回到今日接待' }).click();

  // One reception through the real form lands in today's list.
  const receptionId = await new ReceptionPage(page).record(TWO_VISITORS, THREE_ISSUES);
  await today.goto();
  const row = today.receptionTable.getByRole('row').filter({ hasText: '辛志鹏' });
  await expect(row).toContainText('辛志鹏、刘敏');
  await expect(row).toContainText('椿森电子有限公司');
  await expect(row).toContainText('3 个');
  await expect(row).toContainText('提请交办 1');
  await expect(row).toContainText('当场答复办结 1');
  await expect(today.receptionTable).toContainText('共 1 次');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-05b-today-with-reception');
  await row.click();
  await expect(page).toHaveURL(new RegExp(`#/reception/${receptionId}$`));
  await today.goto();

  await today.closeDutyDayLink.click();
  const close = new CloseDutyDayPage(page);
  await expect(close.heading).toBeVisible();
  await expect(close.total('接待来访')).toHaveText('1 次');
  await expect(close.total('来访人数')).toHaveText('2 人');
  await expect(close.total('涉及企业')).toHaveText('1 家');
  await expect(close.total('收集问题')).toHaveText('3 个');
  await expect(page.getByRole('table', { name: '按办理方式' }).getByRole('row', { name: /联络站协调/ })).toContainText('1');
  await expect(page.getByRole('table', { name: '按问题类别' })).toContainText('用工招聘');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-06-close-summary');
  await close.closeButton.click();
  await expect(close.dialog).toBeVisible();
  await screenshot(page, testInfo, 'dutyday-07-close-confirm');
  await close.dialog.getByRole('button', { name: '确定结束' }).click();
  await expect(close.doneHeading).toBeVisible();
  await expect(close.total('接待来访')).toHaveText('1 次');
  await expect(close.total('收集问题')).toHaveText('3 个');
  // Closing sealed the day's three issues into this year's first numbered issue list.
  await expect(page.getByText(/3 个问题已编入问题清单 〔\d{4}〕第1号/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-08-closed');

  await page.getByRole('link', { name: '回到今日接待' }).click();
  await today.expectClosedToday();
});

test('the shared helper opens a duty day with every deputy, and Ctrl+N opens a new reception', async ({ page }) => {
  await completeFirstRun(page);
  await openDutyDay(page);
  await expect(new TodayPage(page).onDutyLine).toContainText('4 位');
  await expect(page.getByText(/在岗代表只有/)).toHaveCount(0);
  await page.keyboard.press('Control+n');
  await expect(page).toHaveURL(/#\/reception\/new$/);
});
