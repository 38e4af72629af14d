/**
 * The county's working-day calendar reaches the station: the admin declares the day a
 * deadline falls on a 法定节假日 in the console, the station's next sync brings the calendar,
 * and Today's 待办 colours the deadline yellow (即将到期) instead of green; set back to a
 * normal day, it is green again. Both apps are the real ones: the county process with its
 * console, the station in Chromium.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, buildConsole, createConsoleAccounts } from './consoleAccounts';
import { ConsolePage } from './pages/ConsolePage';
import { CloseDutyDayPage } from './pages/CloseDutyDayPage';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { openDutyDay } from './support/setup';
import { CountyProcess } from './syncCounty';
import { connectedStation, expectAllAcknowledged, readStore, useTimings } from './syncStation';

let county: CountyProcess;
test.beforeAll(() => buildConsole());
test.beforeEach(async () => {
  county = await CountyProcess.start();
  await createConsoleAccounts(county);
});
test.afterEach(async () => {
  await county.stop();
});

const ISSUE = THREE_ISSUES[0]!;

async function goToday(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();
}

/** 立即同步 on 清单报送, then back to Today. */
async function syncNow(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '清单报送' }).click();
  await page.getByRole('button', { name: '立即同步' }).click();
  await goToday(page);
}

async function heldCalendarVersion(page: Page): Promise<string | undefined> {
  const rows = await readStore<{ key: string; value: { version: string } }>(page, 'settings');
  return rows.find((r) => r.key === 'countyCalendar')?.value.version;
}

test('a holiday the admin declares in the console colours the station’s deadline after a sync', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await useTimings(page);
  const { id: station } = await connectedStation(page, county);
  await openDutyDay(page);
  await new ReceptionPage(page).record(TWO_VISITORS, [ISSUE]);
  await goToday(page);
  await page.getByRole('link', { name: '结束接待日' }).click();
  await new CloseDutyDayPage(page).confirmClose();
  await expectAllAcknowledged(page, 1);
  // The first sync brought the county's calendar (the 2026 one it was seeded with).
  await expect.poll(() => heldCalendarVersion(page)).toMatch(/^w06-/);
  const seededVersion = await heldCalendarVersion(page);

  // Three working days: green, counted in the hint and not listed.
  const [issueId] = county.issueIds(station);
  const assigned = county.cli('assign', issueId!, '--department', '县园区管委会', '--days', '3');
  expect(assigned.code).toBe(0);
  const deadlineDay = /办理期限 (\d{4}-\d{2}-\d{2})/.exec(assigned.out)?.[1];
  expect(deadlineDay).toBeTruthy();
  await goToday(page);
  const todo = page.getByRole('region', { name: '待办' });
  const deadlines = todo.locator('[data-todo="deadlines"]');
  await expect(deadlines).toContainText('另有 1 项在期限内', { timeout: 15_000 });
  await expect(deadlines.getByRole('listitem')).toHaveCount(0);

  // The admin declares the deadline's day a 法定节假日 in the console's 工作日历.
  const consoleContext = await browser.newContext();
  const desk = await consoleContext.newPage();
  const con = new ConsolePage(desk, county.url);
  await con.signIn(ADMIN);
  await con.menu('工作日历');
  const edit = desk.getByRole('form', { name: '设置日期' });
  await edit.getByLabel('日期').fill(deadlineDay!);
  await edit.getByLabel('类型').selectOption({ label: '法定节假日（休息）' });
  await edit.getByLabel('说明').fill('县里临时调整');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(desk.getByText('工作日历已更新。')).toBeVisible();
  await desk.getByLabel('年份').fill(deadlineDay!.slice(0, 4));
  await expect(desk.getByRole('row').filter({ hasText: deadlineDay! })).toContainText('法定节假日（休息）');
  await screenshot(desk, testInfo, 'calendar-sync-console');
  await expectNoSeriousA11yViolations(desk);

  // After the station's sync the deadline has two working days left: yellow, listed.
  await syncNow(page);
  const row = deadlines.getByRole('listitem').filter({ hasText: ISSUE.summary });
  await expect(row).toContainText('即将到期', { timeout: 15_000 });
  await expect(row).toHaveClass(/deadline-yellow/);
  await expect(deadlines).toContainText('另有 0 项在期限内');
  expect(await heldCalendarVersion(page)).not.toBe(seededVersion);
  await screenshot(page, testInfo, 'calendar-sync-todo-yellow');
  await expectNoSeriousA11yViolations(page);

  // The issue screen colours it on the same calendar.
  await row.getByRole('link', { name: ISSUE.summary }).click();
  await expect(page.locator('.deadline-badge.deadline-yellow').first()).toBeVisible();

  // Set back to a normal day: green again after the next sync, on the seeded calendar.
  await desk.getByRole('button', { name: `恢复 ${deadlineDay} 为平常` }).click();
  await expect(desk.getByText('工作日历已更新。')).toBeVisible();
  await syncNow(page);
  await expect(deadlines).toContainText('另有 1 项在期限内', { timeout: 15_000 });
  await expect(deadlines.getByRole('listitem')).toHaveCount(0);
  expect(await heldCalendarVersion(page)).toBe(seededVersion);
  await consoleContext.close();
});
