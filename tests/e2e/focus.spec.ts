/**
 * Every form opens with the cursor in its first field: first run, opening a duty day, a
 * new reception after Ctrl+N and after 继续登记下一位 (the visitor's name). Typing right
 * away lands in that field. Starts at the home screen and reaches each form by clicking.
 */
import { expect, test } from '@playwright/test';
import { screenshot } from './support/a11y';
import { completeFirstRun, SAMPLE_STATION } from './support/setup';
import { OpenDutyDayPage } from './pages/OpenDutyDayPage';
import { ReceptionPage } from './pages/ReceptionPage';
import { SetupPage } from './pages/SetupPage';
import { TodayPage } from './pages/TodayPage';

test('the first field of each form has the focus on arrival', async ({ page }, testInfo) => {
  const setup = new SetupPage(page);
  await setup.goto();
  const stationName = page.getByLabel('联络站名称');
  await expect(stationName).toBeFocused();
  await page.keyboard.type(SAMPLE_STATION.name);
  await expect(stationName).toHaveValue(SAMPLE_STATION.name);
  // The rest of first run (roster, and whatever follows it) as every spec does it.
  await completeFirstRun(page);

  const today = new TodayPage(page);
  await today.startDutyDayLink.click();
  const open = new OpenDutyDayPage(page);
  await expect(open.heading).toBeVisible();
  await expect(open.dateInput).toBeFocused();
  await open.tickAll();
  await open.start();
  await today.expectOpenDay();

  // Ctrl+N from Today: the visitor's name, not the page body.
  await page.getByRole('heading', { name: /今日接待/ }).click();
  await page.keyboard.press('Control+n');
  const form = new ReceptionPage(page);
  await expect(form.saveButton).toBeVisible();
  const firstName = form.visitor(1).getByLabel('姓名');
  await expect(firstName).toBeFocused();
  await screenshot(page, testInfo, 'focus-01-new-reception');
  await page.keyboard.type('伍盛华');
  await expect(firstName).toHaveValue('伍盛华');
  await form.fillVisitor(1, { name: '伍盛华', enterprise: '合顺实业有限公司', position: '总经理' });
  await form.fillIssue(1, { category: '融资贷款', summary: '过桥资金难以筹措', request: '协调银行续贷', handling: '联络站协调' });
  // A number too short is refused with a message saying what to type…
  const phone = form.visitor(1).getByLabel('联系电话');
  await phone.fill('138-0796');
  await form.save();
  await expect(phone).toHaveAccessibleDescription(/电话号码位数不对/);
  await expect(phone).toBeFocused();
  // …and one typed with a full-width IME, +86 and dashes is accepted and stored normalised.
  await phone.fill('＋８６ １３８-０７９６-１２３４');
  await form.save();
  await expect(form.savedHeading).toBeVisible();
  await page.getByRole('button', { name: '查看这条记录' }).click();
  await expect(form.visitor(1).getByLabel('联系电话')).toHaveValue('13807961234');
  // An opened record starts in its first field too.
  await expect(form.visitor(1).getByLabel('姓名')).toBeFocused();
  await page.getByRole('navigation').getByRole('link', { name: '登记来访' }).click();
  await expect(form.visitor(1).getByLabel('姓名')).toBeFocused();
  await form.fillVisitor(1, { name: '周强' });
  await form.fillIssue(1, { category: '融资贷款', summary: '续贷利率偏高', handling: '联络站协调' });
  await form.save();
  await expect(form.savedHeading).toBeVisible();

  // 继续登记下一位: a blank form, cursor on the name again.
  await page.getByRole('button', { name: '继续登记下一位' }).click();
  await expect(form.savedHeading).toBeHidden();
  await expect(form.visitor(1).getByLabel('姓名')).toBeFocused();
  await expect(form.visitor(1).getByLabel('姓名')).toHaveValue('');
  await page.keyboard.type('陈林');
  await expect(form.visitor(1).getByLabel('姓名')).toHaveValue('陈林');
});
