/** Settings: station info, roster (deactivate/reactivate) and the editable lists. */
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { completeFirstRun } from './support/setup';
import { OpenDutyDayPage } from './pages/OpenDutyDayPage';
import { SettingsPage } from './pages/SettingsPage';

test('a deactivated deputy is not offered for a duty day until reactivated', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  const settings = new SettingsPage(page);
  await settings.goto();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-09-settings');

  await settings.rosterSection.getByRole('button', { name: '停用 郭晓蓉' }).click();
  await expect(settings.rosterSection.getByRole('row', { name: /郭晓蓉/ })).toContainText('已停用');
  const open = new OpenDutyDayPage(page);
  await open.goto();
  await expect(open.deputy('张立强')).toBeVisible();
  await expect(open.deputy('郭晓蓉')).toHaveCount(0);

  await settings.goto();
  await settings.rosterSection.getByRole('button', { name: '恢复 郭晓蓉' }).click();
  await open.goto();
  await expect(open.deputy('郭晓蓉')).toBeVisible();

  // The roster's order is the order of the tick list.
  await settings.goto();
  const names = settings.rosterSection.getByRole('rowheader');
  // The roster comes from the database after the page shows: read it once it is there.
  await expect(names.filter({ hasText: '郭晓蓉' })).toBeVisible();
  const before = await names.allTextContents();
  expect(before.length).toBeGreaterThan(2);
  const last = before.at(-1)!;
  await settings.rosterSection.getByRole('button', { name: `上移 ${last}` }).click();
  await expect(names).toHaveText([...before.slice(0, -2), last, before.at(-2)!]);
  await expect(settings.rosterSection.getByRole('button', { name: `下移 ${before.at(-2)!}` })).toBeDisabled();
  await open.goto();
  await expect(open.page.getByRole('checkbox')).toHaveCount(before.length);
  const ticks = await open.page.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.closest('label')?.textContent ?? ''));
  expect(ticks.map((t) => before.find((n) => t.startsWith(n)))).toEqual([...before.slice(0, -2), last, before.at(-2)!]);
});

test('adds, edits and validates deputies and station info', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  const settings = new SettingsPage(page);
  await settings.goto();
  const roster = settings.rosterSection;
  await roster.getByRole('button', { name: '添加代表' }).click();
  const form = roster.getByRole('form', { name: '添加代表' });
  await form.getByRole('button', { name: '添加' }).click();
  await expect(form.getByLabel('代表姓名')).toHaveAccessibleDescription('请填写代表姓名');
  await form.getByLabel('代表姓名').fill('黄建富');
  await form.getByLabel('代表层级').selectOption('区');
  await form.getByLabel('工作单位').fill('三河镇人民政府');
  await form.getByRole('button', { name: '添加' }).click();
  await expect(roster.getByRole('row', { name: /黄建富/ })).toContainText('区人大代表');

  await roster.getByRole('button', { name: '修改 王丽芬' }).click();
  const edit = roster.getByRole('form', { name: '修改代表 王丽芬' });
  await edit.getByLabel('站内职务').fill('副站长');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-10-settings-edit-deputy');
  await edit.getByRole('button', { name: '保存修改' }).click();
  await expect(roster.getByRole('row', { name: /王丽芬/ })).toContainText('副站长');

  const station = settings.stationSection;
  await station.getByLabel('联络站名称').fill('');
  await station.getByRole('button', { name: '保存联络站信息' }).click();
  await expect(station.getByLabel('联络站名称')).toHaveAccessibleDescription('请填写联络站名称');
  await station.getByLabel('联络站名称').fill('银湾产业园代表联络站');
  await station.getByRole('button', { name: '保存联络站信息' }).click();
  await expect(station.getByText('已保存')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('银湾产业园代表联络站');
});

test('edits the category list: add, refuse duplicates, rename, reorder, deactivate', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  const settings = new SettingsPage(page);
  await settings.goto();
  const cats = settings.categoriesSection;
  const names = settings.entryNames(cats);
  await expect(names.first()).toHaveText('融资贷款');

  await settings.addEntry(cats, '知识产权');
  await expect(names.last()).toHaveText('知识产权');
  await settings.addEntry(cats, '知识产权');
  await expect(cats.getByLabel('新增问题类别')).toHaveAccessibleDescription(/已有“知识产权”/);
  await settings.addEntry(cats, '');
  await expect(cats.getByLabel('新增问题类别')).toHaveAccessibleDescription('请填写名称');

  await settings.renameEntry(cats, '融资贷款', '土地规划');
  await expect(cats.getByLabel('新名称')).toHaveAccessibleDescription(/已有“土地规划”/);
  await cats.getByLabel('新名称').fill('金融服务');
  await cats.getByLabel('新名称').press('Enter');
  await expect(names.first()).toHaveText('金融服务');

  await cats.getByRole('button', { name: '下移 金融服务' }).click();
  await expect(names.nth(0)).toHaveText('土地规划');
  await expect(names.nth(1)).toHaveText('金融服务');
  await cats.getByRole('button', { name: '上移 金融服务' }).click();
  await expect(names.nth(0)).toHaveText('金融服务');

  await cats.getByRole('button', { name: '停用 知识产权' }).click();
  await expect(cats.getByRole('button', { name: '恢复 知识产权' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'dutyday-11-settings-lists');
  // The new order survives a reload: it is stored, not screen state.
  await page.reload();
  await expect(names.first()).toHaveText('金融服务');
});

test('an Enter that only confirms an input-method composition adds nothing', async ({ page }) => {
  await completeFirstRun(page);
  const settings = new SettingsPage(page);
  await settings.goto();
  const cats = settings.categoriesSection;
  const input = cats.getByLabel('新增问题类别');
  await expect(settings.entryNames(cats).last()).toHaveText('其他');
  const before = await settings.entryNames(cats).count();
  await input.fill('知识产权');
  // What Chromium sends when Enter picks the characters in a Chinese input method.
  await input.dispatchEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true });
  await expect(input).toHaveValue('知识产权');
  await expect(settings.entryNames(cats)).toHaveCount(before);
  await input.press('Enter');
  await expect(settings.entryNames(cats)).toHaveCount(before + 1);
  await expect(input).toHaveValue('');
});
