/**
 * The desktop flavour saves a 台账 through main: the renderer's worker writes the workbook,
 * the REAL files:save handler (support/desktopHarness.ts) opens the save dialog on the
 * Chinese name in Documents and writes where the user chose.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { ReceptionPage } from './pages/ReceptionPage';
import { StatisticsPage } from './pages/StatisticsPage';
import { installDesktopHarness, type DesktopHarness } from './support/desktopHarness';
import { completeFirstRun, openDutyDay, SAMPLE_STATION } from './support/setup';

let harness: DesktopHarness;

test.beforeEach(async ({ page, baseURL }) => {
  harness = await installDesktopHarness(page, baseURL!);
});

test.afterEach(() => harness.dispose());

test('a 问题台账 is saved by main where the save dialog points', async ({ page }) => {
  await completeFirstRun(page);
  await openDutyDay(page);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '登记来访' }).click();
  const form = new ReceptionPage(page);
  await expect(form.saveButton).toBeVisible();
  await form.fillVisitor(1, { name: '易明', phone: '13800138000', enterprise: '佳乐陶瓷科技有限公司' });
  await form.fillIssue(1, { category: '土地规划', summary: '厂区内成品无处堆放', request: '协调堆场用地', handling: '提请交办' });
  await form.saveAndConfirm(1);

  const stats = new StatisticsPage(page);
  await stats.open();
  const target = join(harness.documentsDir, '季度问题台账.xlsx');
  harness.answerSaveDialog(() => target);
  await page.getByRole('button', { name: '问题台账', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `问题台账已导出。已保存到 ${target}` })).toBeVisible({ timeout: 30_000 });
  expect(harness.saveDialogOffers).toHaveLength(1);
  expect(harness.saveDialogOffers[0]).toMatch(new RegExp(`^${harness.documentsDir}/${SAMPLE_STATION.name}问题台账-\\d{4}年第\\d季度\\.xlsx$`));

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(target);
  const ws = wb.getWorksheet('问题台账')!;
  expect(ws.getCell(1, 1).value).toBe(`${SAMPLE_STATION.name}问题台账`);
  expect(ws.getCell(4, 6).value).toBe('厂区内成品无处堆放');
  expect(ws.pageSetup.orientation).toBe('landscape');

  // A cancelled dialog writes nothing and says so.
  harness.answerSaveDialog(() => null);
  await page.getByRole('button', { name: '问题台账', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已取消导出。' })).toBeVisible({ timeout: 30_000 });
});
