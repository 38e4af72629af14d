/**
 * The whole loop against the REAL county endpoint: an answer arrives → 待办 shows it → the
 * hand-back is recorded → the visitor is 不满意 → the county reopens → 持续督办 → later 满意
 * → the county closes → 已销号, with the station going offline and online in between and
 * the connection dropped right after the county stored the first rating.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { completeFirstRun, openDutyDay } from './support/setup';
import { OpenDutyDayPage } from './pages/OpenDutyDayPage';
import { CloseDutyDayPage } from './pages/CloseDutyDayPage';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';
import { CountyProcess } from './syncCounty';
import { connectedStation, expectAllAcknowledged, readStore, useTimings } from './syncStation';
import { goOffline } from './support/offline';

let county: CountyProcess;
test.beforeEach(async () => {
  county = await CountyProcess.start();
});
test.afterEach(async () => {
  await county.stop();
});

const SUMMARY = THREE_ISSUES[0]!.summary;

async function goToday(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();
}

function satisfactionAtCounty(stationId: string): string {
  const out = county.cli('list-issues', '--station', stationId).out;
  return /满意度: (\S+)/.exec(out)?.[1] ?? '';
}

test('an answer is handed back, rated 不满意, supervised, rated 满意 and struck off, across offline spells', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  await useTimings(page);
  const { id: station } = await connectedStation(page, county);
  await openDutyDay(page);
  await new ReceptionPage(page).record(TWO_VISITORS, [THREE_ISSUES[0]!]);
  await goToday(page);
  await page.getByRole('link', { name: '结束接待日' }).click();
  await new CloseDutyDayPage(page).confirmClose();
  await expectAllAcknowledged(page, 1);
  const [issueId] = county.issueIds(station);
  expect(issueId).toBeTruthy();

  // The county assigns and answers; 待办 lists the answer first thing on Today.
  expect(county.cli('assign', issueId!, '--department', '县园区管委会', '--days', '7').code).toBe(0);
  await goToday(page);
  const todo = page.getByRole('region', { name: '待办' });
  // Seven days ahead is more than two working days: counted as on time (green), not listed.
  await expect(todo.locator('[data-todo="deadlines"]')).toContainText('另有 1 项在期限内', { timeout: 15_000 });
  expect(county.cli('respond', issueId!, '--text', '已安排施工队修复路面，三日内完成。').code).toBe(0);
  await expect(todo.locator('[data-todo="handBack"]')).toContainText(SUMMARY, { timeout: 15_000 });
  await screenshot(page, testInfo, 'follow-up-todo');
  await expectNoSeriousA11yViolations(page);

  // Offline at the desk: hand the answer back and take the rating.
  await goOffline(page, context);
  await todo.locator('[data-todo="handBack"]').getByRole('link', { name: SUMMARY }).click();
  await expect(page.getByText('已答复').first()).toBeVisible();
  const handBack = page.getByRole('form', { name: '记录答复反馈' });
  await handBack.getByLabel('面谈').check();
  await handBack.getByLabel('反馈代表').fill('李红');
  await handBack.getByRole('button', { name: '保存反馈记录' }).click();
  await expect(page.getByRole('list', { name: '答复反馈记录' })).toContainText('面谈 · 李红');

  const rating = page.getByRole('form', { name: '记录满意度' });
  await rating.getByLabel('不满意').check();
  await rating.getByRole('button', { name: '保存评价' }).click();
  await expect(rating.getByText('不满意时请填写原因')).toBeVisible();
  await rating.getByLabel('不满意原因').fill('雨天路面仍积水');
  await rating.getByRole('button', { name: '保存评价' }).click();
  const ratings = page.getByRole('list', { name: '满意度评价' });
  await expect(ratings).toContainText('不满意');
  await expect(ratings).toContainText('待报送县里');
  await expect(page.getByText('已请求县里持续督办')).toBeVisible();
  await screenshot(page, testInfo, 'follow-up-rated-offline');

  // Back online; the first push of the rating loses its answer after the county stored it.
  const [stored] = await readStore<{ id: string }>(page, 'ratings');
  await county.faults([{ type: 'dropAfterCommit', route: 'push', itemId: stored!.id }]);
  await context.setOffline(false);
  await expectAllAcknowledged(page, 2);
  await expect(ratings).toContainText('县里已收到');
  const [receipt] = (await readStore<{ itemId: string; outcome: string }>(page, 'receipts')).filter((r) => r.itemId === stored!.id);
  expect(receipt?.outcome).toBe('duplicate');
  expect(satisfactionAtCounty(station)).toBe('不满意');

  // The county keeps it under supervision; the station shows 持续督办.
  expect(county.cli('reopen', issueId!, '--note', '来访人不满意，继续督办').code).toBe(0);
  await expect(page.getByText('持续督办').first()).toBeVisible({ timeout: 15_000 });

  // The department answers again; offline, the visitor is now 满意 (the earlier rating kept).
  expect(county.cli('respond', issueId!, '--text', '已增设排水沟，路面不再积水。').code).toBe(0);
  await expect(page.getByText('已答复').first()).toBeVisible({ timeout: 15_000 });
  await goOffline(page, context);
  const again = page.getByRole('form', { name: '更正满意度（保留原评价）' });
  await again.getByLabel('满意', { exact: true }).check();
  await again.getByRole('button', { name: '保存评价' }).click();
  await expect(ratings.getByRole('listitem')).toHaveCount(2);
  await expect(ratings.getByRole('listitem').nth(1)).toContainText('更正此前的评价');
  await context.setOffline(false);
  await expectAllAcknowledged(page, 3);
  expect(satisfactionAtCounty(station)).toBe('满意');

  expect(county.cli('close', issueId!, '--note', '来访人满意，销号').code).toBe(0);
  await expect(page.getByText('已销号').first()).toBeVisible({ timeout: 15_000 });
  await screenshot(page, testInfo, 'follow-up-closed');
  await expectNoSeriousA11yViolations(page);
  await goToday(page);
  await expect(page.getByRole('region', { name: '待办' })).not.toContainText(SUMMARY);
  expect(county.issueIds(station)).toEqual([issueId]);
});

test('a 联络站协调 issue is followed and closed at the station; the duty day opens with 待办 and closes with what was handled', async ({ page }, testInfo) => {
  // No county needed: the station's own follow-up ends at the station.
  await completeFirstRun(page);
  const followed = THREE_ISSUES[1]!;
  await page.getByRole('link', { name: '直接登记来访' }).click();
  const form = new ReceptionPage(page);
  await form.fillVisitor(1, TWO_VISITORS[0]!);
  await form.fillIssue(1, followed);
  await page.getByRole('checkbox', { name: '张立强' }).check();
  await form.saveAndConfirm(1);
  // A saved reception shows each issue's status, one click from the issue.
  const issues = page.getByRole('region', { name: '本次来访的问题与办理状态' });
  await expect(issues).toContainText('已登记');
  await issues.getByRole('link', { name: followed.summary }).click();
  const progress = page.getByRole('form', { name: '记录协调进展' });
  await progress.getByLabel('内容').fill('已联系园区环卫公司核定收费标准');
  await progress.getByLabel('记录人').fill('李红');
  await progress.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('list', { name: '联络站协调进展' })).toContainText('已联系园区环卫公司核定收费标准');

  // Opening the duty day lists what waits, for the deputies on duty to divide.
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();
  await expect(page.getByRole('region', { name: '待办' })).toContainText('1 个问题尚未封存');
  await page.getByRole('link', { name: '开始今天的接待日' }).click();
  await expect(page.getByRole('region', { name: '今天待办（可分给在岗代表）' })).toContainText('1 个问题尚未封存');
  await screenshot(page, testInfo, 'follow-up-open-day');
  const open = new OpenDutyDayPage(page);
  await open.tickAll();
  await open.start();

  // From history straight to the issue: the result, then the visitor's rating closes it.
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '历史查询' }).click();
  await page.getByRole('link', { name: `问题详情：${followed.summary}` }).click();
  await screenshot(page, testInfo, 'follow-up-issue-from-history');
  await progress.getByLabel('办理结果').check();
  await progress.getByLabel('内容').fill('收费标准已公布，按吨计费');
  await progress.getByLabel('记录人').fill('李红');
  await progress.getByRole('button', { name: '保存' }).click();
  const rating = page.getByRole('form', { name: '记录满意度' });
  await rating.getByLabel('满意', { exact: true }).check();
  await rating.getByRole('button', { name: '保存评价' }).click();
  await expect(page.getByText('已在联络站办结')).toBeVisible();
  await expect(page.getByText('已销号').first()).toBeVisible();
  await expect(progress).toHaveCount(0);

  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();
  await page.getByRole('link', { name: '结束接待日' }).click();
  const handled = page.getByRole('region', { name: '今天办理的反馈与评价' });
  await expect(handled).toContainText('协调进展 1 条');
  await expect(handled).toContainText('满意度评价 1 条');
  await expect(handled).toContainText('满意 · 辛志鹏');
  await screenshot(page, testInfo, 'follow-up-close-day');
  await expectNoSeriousA11yViolations(page);
});
