import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { completeFirstRun, openDutyDay } from './support/setup';
import { ReceptionPage } from './pages/ReceptionPage';

/** The history screen (历史查询) as a duty deputy sees it. */
class HistoryPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByLabel('关键词');
    this.rows = page.getByRole('list', { name: '查询结果' }).getByRole('listitem');
    this.count = page.getByRole('status').filter({ hasText: /条/ });
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '历史查询' }).click();
    await expect(this.page.getByRole('heading', { name: '历史查询', level: 1 })).toBeVisible();
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }
}

/** A day in the station's time zone (the tests run the browser in Asia/Shanghai), YYYY-MM-DD. */
function stationDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

async function seed(page: Page): Promise<Record<'chun' | 'he' | 'jia', string>> {
  await completeFirstRun(page);
  // With a duty day open, its deputies are ticked on every new reception.
  await openDutyDay(page);
  const form = new ReceptionPage(page);
  // The form stays on its "saved" panel at #/reception/new; leave it so the next one opens afresh.
  const record = async (...args: Parameters<ReceptionPage['record']>) => {
    await page.goto('/#/');
    return form.record(...args);
  };
  const chun = await record(
    [{ name: '辛志鹏', phone: '13979612345', enterprise: '椿森电子有限公司', position: '部门经理' }],
    [
      { category: '安全生产', summary: '厂区西门地面塌陷，一条地缆线裸露在外', request: '尽快修复路面', handling: '提请交办' },
      { category: '环境卫生', summary: '工业垃圾清运收费标准未建立', handling: '联络站协调' },
    ],
  );
  const he = await record(
    [{ name: '伍盛华', enterprise: '合顺实业有限公司', position: '总经理' }],
    [
      {
        category: '政策兑现',
        summary: '防疫期间代建移动板房费用9.9万元至今未拨付',
        request: '请县卫健委尽快拨付板房建设款',
        handling: '提请交办',
        department: '县卫健委',
      },
    ],
  );
  const jia = await record(
    [{ name: '易明', enterprise: '佳乐陶瓷科技有限公司', position: '负责人' }],
    [
      { category: '土地规划', summary: '日产陶瓷砖18万片，厂区内成品无处堆放', request: '协调堆场用地', handling: '提请交办' },
      { category: '用工招聘', summary: '扩产后缺少一线操作工约40人', onSpotAnswer: '已告知下月初镇里有招聘会', handling: '当场答复办结' },
    ],
  );
  return { chun, he, jia };
}

test('searching the history by a Chinese substring, filtering by category and opening a result', async ({ page }, testInfo) => {
  const ids = await seed(page);
  const history = new HistoryPage(page);
  await history.goto();
  await expect(history.count).toHaveText('共 5 条');
  await expect(history.rows).toHaveCount(5);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'history-all');

  // Typed through the input method: nothing is searched while the pinyin is still being composed.
  await history.search.click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'banfang', selectionStart: 7, selectionEnd: 7 });
  await page.waitForTimeout(700);
  await expect(history.count).toHaveText('共 5 条');
  await cdp.send('Input.insertText', { text: '板房' });
  await expect(history.count).toHaveText('共 1 条');
  const match = history.row('防疫期间代建移动板房费用');
  await expect(match).toContainText('伍盛华');
  await expect(match).toContainText('合顺实业有限公司');
  await expect(match).toContainText('政策兑现');
  await expect(match).toContainText('提请交办');
  await expect(match.locator('mark').first()).toHaveText('板房');

  // A substring that occurs in two categories, narrowed by the category filter.
  await history.search.fill('厂区');
  await expect(history.count).toHaveText('共 2 条');
  await page.getByLabel('问题类别').selectOption('安全生产');
  await expect(history.count).toHaveText('共 1 条');
  await expect(history.rows.first()).toContainText('厂区西门地面塌陷');
  await expect(history.rows.first()).toContainText('椿森电子有限公司');
  await screenshot(page, testInfo, 'history-filtered');

  // Matches found through the visitor's name and the handling/status filters.
  await page.getByRole('button', { name: '清空条件' }).click();
  await expect(history.count).toHaveText('共 5 条');
  await page.getByLabel('办理状态').selectOption('当场办结');
  await expect(history.count).toHaveText('共 1 条');
  await expect(history.rows.first()).toContainText('扩产后缺少一线操作工约40人');
  await page.getByRole('button', { name: '清空条件' }).click();

  // A range that ends before today finds nothing, and says so.
  await page.getByLabel('截止日期').fill(stationDay(-1));
  await expect(page.getByText('没有找到符合条件的问题')).toBeVisible();
  await expect(history.rows).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'history-empty');
  await page.getByLabel('截止日期').fill(stationDay());
  await expect(history.count).toHaveText('共 5 条');

  // Opening a result goes to that reception; coming back keeps the search.
  await history.search.fill('陶瓷');
  await history.search.press('Enter');
  await expect(history.count).toHaveText('共 2 条');
  await history.row('日产陶瓷砖').locator('.history-row').click();
  await expect(page).toHaveURL(new RegExp(`#/reception/${ids.jia}$`));
  await expect(page.getByRole('heading', { name: '修改接待记录' })).toBeVisible();
  await page.goBack();
  await expect(history.search).toHaveValue('陶瓷');
  await expect(history.count).toHaveText('共 2 条');
});

test('a station with no records yet says so', async ({ page }) => {
  await completeFirstRun(page);
  const history = new HistoryPage(page);
  await history.goto();
  await expect(page.getByText('还没有登记过任何问题')).toBeVisible();
  await expect(history.count).toHaveText('共 0 条');
});
