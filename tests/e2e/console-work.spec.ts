/**
 * The whole loop across both apps against the REAL county process and its console: the
 * station records offline and syncs → the clerk assigns in 待认领 → the department accepts,
 * saves a draft and submits its answer → the clerk publishes (the notice preview masked)
 * → the station shows the answer and records the visitor's rating → the clerk closes →
 * the station shows 已销号. Each app is reached from its home screen by clicking; text with
 * markup shows literally; no serious axe finding on the console's screens.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { CLERK, HOUSING, HOUSING_NAME, buildConsole, createConsoleAccounts } from './consoleAccounts';
import { ConsolePage } from './pages/ConsolePage';
import { CloseDutyDayPage } from './pages/CloseDutyDayPage';
import { ReceptionPage, TWO_VISITORS } from './pages/ReceptionPage';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { goOffline } from './support/offline';
import { openDutyDay } from './support/setup';
import { CountyProcess } from './syncCounty';
import { connectedStation, expectAllAcknowledged, useTimings } from './syncStation';

let county: CountyProcess;
test.beforeAll(() => buildConsole());
test.beforeEach(async () => {
  county = await CountyProcess.start();
  await createConsoleAccounts(county);
});
test.afterEach(async () => {
  await county.stop();
});

// Markup and a phone number in the station's text: shown literally, masked on the notice.
const SUMMARY = '厂区西门<b>地面塌陷</b>，辛志鹏请回电13979612345';
const ISSUE = { category: '安全生产', summary: SUMMARY, request: '尽快修复路面并对线缆做防护', handling: '提请交办' as const, department: HOUSING_NAME };

async function goToday(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();
}

test('a station issue goes through the console: assigned, answered, published, rated and struck off', async ({ page, context, browser }, testInfo) => {
  test.setTimeout(240_000);
  await useTimings(page);
  await connectedStation(page, county);
  await openDutyDay(page);
  await goOffline(page, context);
  await new ReceptionPage(page).record(TWO_VISITORS, [ISSUE]);
  await goToday(page);
  await page.getByRole('link', { name: '结束接待日' }).click();
  await new CloseDutyDayPage(page).confirmClose();
  await context.setOffline(false);
  await expectAllAcknowledged(page, 1);

  // The clerk: 待认领, grouped by station and list, with the station's suggested department.
  const consoleContext = await browser.newContext();
  const desk = await consoleContext.newPage();
  const con = new ConsolePage(desk, county.url);
  await con.signIn(CLERK);
  await con.menu('待认领');
  const row = desk.getByRole('row').filter({ hasText: SUMMARY });
  await expect(row).toContainText(HOUSING_NAME);
  await expect(desk.getByRole('rowgroup').filter({ hasText: '银湾科创产业园人大代表联络站' }).first()).toBeVisible();
  // Literal text, never markup: no <b> element was made from the station's text.
  await expect(desk.locator('td b')).toHaveCount(0);
  await row.getByRole('checkbox').check();
  await desk.getByLabel('主办单位').selectOption({ label: HOUSING_NAME });
  await expect(desk.getByLabel('办理期限（工作日）')).toHaveValue('7');
  await screenshot(desk, testInfo, 'console-unclaimed');
  await expectNoSeriousA11yViolations(desk);
  await desk.getByRole('button', { name: '交办', exact: true }).click();
  await expect(desk.getByRole('status').filter({ hasText: `已将 1 个问题交办给${HOUSING_NAME}` })).toBeVisible();
  await expect(desk.getByText('没有待认领的问题。')).toBeVisible();

  // The 督办 board shows it green (7 working days ahead) at the housing bureau.
  await con.menu('督办台账');
  const boardRow = desk.getByRole('row').filter({ hasText: SUMMARY });
  await expect(boardRow).toContainText('正常');
  await expect(boardRow).toContainText('待接单');
  await screenshot(desk, testInfo, 'console-board');
  await expectNoSeriousA11yViolations(desk);
  // The calendar the deadline was counted on: 2026's 调休 Saturdays are working days.
  await con.menu('工作日历');
  await expect(desk.getByRole('row').filter({ hasText: '2026-10-10' })).toContainText('调休上班日');
  await screenshot(desk, testInfo, 'console-calendar');
  await expectNoSeriousA11yViolations(desk);
  await con.signOut();

  // The department: its inbox, 接单, a draft, then the answer.
  await con.signIn(HOUSING);
  await con.menu('待办问题');
  await expect(desk.getByRole('row').filter({ hasText: SUMMARY })).toContainText('待接单');
  await screenshot(desk, testInfo, 'console-inbox');
  await expectNoSeriousA11yViolations(desk);
  await desk.getByRole('link', { name: `查看：${SUMMARY}` }).click();
  await expect(desk.getByText(SUMMARY).first()).toBeVisible();
  await desk.getByRole('button', { name: '接单' }).click();
  await expect(desk.getByText('已接单，请在期限内答复。')).toBeVisible();
  const answer = desk.getByRole('form', { name: '书面答复' });
  await answer.getByLabel('办理情况').fill('已组织施工队现场查看，塌陷处已回填，裸露线缆已穿管防护。');
  await answer.getByLabel('答复意见').fill('路面于本周内完成修复，修复后请企业验收。');
  await answer.getByRole('button', { name: '保存草稿' }).click();
  await expect(answer.getByText('草稿已保存。')).toBeVisible();
  await answer.getByLabel('办理结果').selectOption({ label: '解决' });
  await answer.getByLabel('经办人').fill('陈建国');
  await answer.getByLabel('联系电话').fill('0791-86543210');
  await screenshot(desk, testInfo, 'console-answer');
  await expectNoSeriousA11yViolations(desk);
  await answer.getByRole('button', { name: '提交答复' }).click();
  await desk.getByRole('dialog').getByRole('button', { name: '提交答复' }).click();
  await expect(desk.getByText('答复已提交，联络站将收到办理结果。')).toBeVisible();
  await con.signOut();

  // The clerk publishes; the preview is what the station will post, masked.
  await con.signIn(CLERK);
  await con.menu('公示销号');
  await desk.getByRole('link', { name: `查看：${SUMMARY}` }).click();
  await expect(desk.getByText('厂区西门<b>地面塌陷</b>，辛*请回电[号码已隐去]')).toBeVisible();
  await screenshot(desk, testInfo, 'console-publish');
  await expectNoSeriousA11yViolations(desk);
  await desk.getByRole('button', { name: '公示', exact: true }).click();
  await expect(desk.getByText('已公示，联络站将收到公示内容。')).toBeVisible();
  // Not yet rated: 销号 waits for the visitor.
  await expect(desk.getByText('来访人评价为满意或基本满意后才能销号')).toBeVisible();
  await expect(desk.getByRole('button', { name: '销号', exact: true })).toHaveCount(0);

  // The station shows the answer and records the visitor's rating.
  await goToday(page);
  const handBack = page.getByRole('region', { name: '待办' }).locator('[data-todo="handBack"]');
  await expect(handBack).toContainText(SUMMARY, { timeout: 20_000 });
  await handBack.getByRole('link', { name: SUMMARY }).click();
  await expect(page.getByText(/答复意见：路面于本周内完成修复/)).toBeVisible({ timeout: 15_000 });
  const rating = page.getByRole('form', { name: '记录满意度' });
  await rating.getByLabel('满意', { exact: true }).check();
  await rating.getByRole('button', { name: '保存评价' }).click();
  await expectAllAcknowledged(page, 2);

  // The clerk closes (only now that the visitor is satisfied); the station shows 已销号.
  await con.menu('公示销号');
  await desk.getByRole('link', { name: `查看：${SUMMARY}` }).click();
  await expect(desk.getByText('满意').first()).toBeVisible();
  await desk.getByRole('button', { name: '销号', exact: true }).click();
  await expect(desk.getByText('已销号。')).toBeVisible();
  await screenshot(desk, testInfo, 'console-closed');
  await expect(page.getByText('已销号').first()).toBeVisible({ timeout: 20_000 });
  await screenshot(page, testInfo, 'station-closed');
  await consoleContext.close();
});

/** Station: one issue recorded offline, the duty day closed, the list acknowledged by the county. */
async function stationSendsOneIssue(page: Page, context: BrowserContext, issue: typeof ISSUE): Promise<void> {
  await useTimings(page);
  await connectedStation(page, county);
  await openDutyDay(page);
  await goOffline(page, context);
  await new ReceptionPage(page).record(TWO_VISITORS, [issue]);
  await goToday(page);
  await page.getByRole('link', { name: '结束接待日' }).click();
  await new CloseDutyDayPage(page).confirmClose();
  await context.setOffline(false);
  await expectAllAcknowledged(page, 1);
}

async function answerAs(con: ConsolePage, summary: string, reply: string): Promise<void> {
  const desk = con.page;
  await con.signIn(HOUSING);
  await con.menu('待办问题');
  await desk.getByRole('link', { name: `查看：${summary}` }).click();
  // The first round starts with 接单; a reopened issue is already accepted.
  await expect(desk.getByRole('heading', { name: '问题情况' })).toBeVisible();
  const accept = desk.getByRole('button', { name: '接单' });
  if (await accept.isVisible()) await accept.click();
  const answer = desk.getByRole('form', { name: '书面答复' });
  await answer.getByLabel('办理情况').fill('已派员到企业核实。');
  await answer.getByLabel('答复意见').fill(reply);
  await answer.getByLabel('办理结果').selectOption({ label: '部分解决' });
  await answer.getByLabel('情况说明（向企业作出的解释）').fill('排水管网改造需纳入明年计划，先行清淤。');
  await answer.getByLabel('经办人').fill('陈建国');
  await answer.getByLabel('联系电话').fill('0791-86543210');
  await answer.getByRole('button', { name: '提交答复' }).click();
  await desk.getByRole('dialog').getByRole('button', { name: '提交答复' }).click();
  await expect(desk.getByText('答复已提交，联络站将收到办理结果。')).toBeVisible();
  await con.signOut();
}

test('an unsatisfied visitor puts the issue under 持续督办: found on the board, reopened with a new deadline, answered again', async ({ page, context, browser }, testInfo) => {
  test.setTimeout(240_000);
  const summary = '雨天厂区道路积水，货车无法进出';
  await stationSendsOneIssue(page, context, { ...ISSUE, summary });

  const consoleContext = await browser.newContext();
  const desk = await consoleContext.newPage();
  const con = new ConsolePage(desk, county.url);
  await con.signIn(CLERK);
  await con.menu('待认领');
  await desk.getByRole('checkbox', { name: `选择：${summary}` }).check();
  await desk.getByLabel('主办单位').selectOption({ label: HOUSING_NAME });
  await desk.getByRole('button', { name: '交办', exact: true }).click();
  await expect(desk.getByText('没有待认领的问题。')).toBeVisible();
  await con.signOut();
  await answerAs(con, summary, '先行清淤疏通，本周内恢复通行。');

  // The station hands the answer back; the visitor is not satisfied.
  await goToday(page);
  const handBack = page.getByRole('region', { name: '待办' }).locator('[data-todo="handBack"]');
  await expect(handBack).toContainText(summary, { timeout: 20_000 });
  await handBack.getByRole('link', { name: summary }).click();
  await expect(page.getByText(/办理结果：部分解决/)).toBeVisible({ timeout: 15_000 });
  const rating = page.getByRole('form', { name: '记录满意度' });
  await rating.getByLabel('不满意').check();
  await rating.getByLabel('不满意原因').fill('只清淤不改管网，下雨仍积水');
  await rating.getByRole('button', { name: '保存评价' }).click();
  await expectAllAcknowledged(page, 2);

  // The clerk finds it under 持续督办 (来访人不满意) and reopens it for three working days.
  await con.signIn(CLERK);
  await con.menu('督办台账');
  await desk.getByLabel('持续督办').selectOption({ label: '来访人不满意' });
  await desk.getByRole('button', { name: '查询' }).click();
  await expect(desk.getByRole('status').filter({ hasText: '共 1 条' })).toBeVisible();
  await desk.getByRole('link', { name: `查看：${summary}` }).click();
  await expect(desk.getByText('只清淤不改管网，下雨仍积水')).toBeVisible();
  const reopen = desk.getByRole('form', { name: '持续督办（退回主办单位重办）' });
  await reopen.getByLabel('督办意见').fill('请住建局提出管网改造时间表，答复企业。');
  await reopen.getByLabel('重办期限（工作日）').fill('3');
  await reopen.getByRole('button', { name: '转持续督办' }).click();
  await expect(desk.getByText('已转持续督办，主办单位将重新办理。')).toBeVisible();
  await expect(desk.getByRole('listitem').filter({ hasText: '不满意重办' })).toContainText('请住建局提出管网改造时间表');
  await screenshot(desk, testInfo, 'console-reopened');
  await expectNoSeriousA11yViolations(desk);
  await con.signOut();

  // The station shows 持续督办; the department has it back and answers again.
  await expect(page.getByText('持续督办').first()).toBeVisible({ timeout: 20_000 });
  await con.signIn(HOUSING);
  await con.menu('待办问题');
  await expect(desk.getByRole('row').filter({ hasText: summary })).toContainText('持续督办');
  await con.signOut();
  await answerAs(con, summary, '管网改造列入明年一季度计划，已书面告知企业。');
  await expect(page.getByText(/管网改造列入明年一季度计划/)).toBeVisible({ timeout: 20_000 });
  await consoleContext.close();
});
