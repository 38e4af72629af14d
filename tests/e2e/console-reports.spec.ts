/**
 * The county console's reports, end to end against the real county process: the clerk
 * signs in at the console's home, opens 统计报表 from the menu, reads the department and
 * 督察结果 reports of this month, downloads the .xlsx (read back cell by cell) and prints
 * the 督察结果 to a real PDF (A4 landscape, the bundled Noto fonts embedded, the numbers on
 * the page); then groups the loan issue under a new 重点督办问题 with a progress note and
 * finds it in the printed 督察结果. No serious or critical axe finding on any screen.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { buildConsole, CLERK, createConsoleAccounts } from './consoleAccounts';
import { seedReportCounty, LOAN_SUMMARY } from './consoleReportsSeed';
import { ConsolePage } from './pages/ConsolePage';
import { inkPerPage, pdfFonts, pdfInfo, pdfText, previewToPdf, renderPng } from './printPdf';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { CountyProcess } from './syncCounty';

let county: CountyProcess;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  buildConsole();
  county = await CountyProcess.start();
  await createConsoleAccounts(county);
  await seedReportCounty(county);
});

test.afterAll(async () => {
  await county?.stop();
});

test('统计报表: department figures, 督察结果 as .xlsx and as an A4 landscape PDF; 重点督办问题 with its progress', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const desk = new ConsolePage(page, county.url);
  await desk.signIn(CLERK);
  await desk.menu('统计报表');
  await expect(page.getByRole('heading', { level: 1, name: '统计报表' })).toBeVisible();

  // 承办单位办理情况 for this month (the default period).
  await page.getByLabel('报表', { exact: true }).selectOption({ label: '承办单位办理情况' });
  await page.getByRole('button', { name: '查询' }).click();
  const deptTable = page.getByRole('table', { name: '承办单位办理情况统计表' });
  const housingRow = deptTable.getByRole('row').filter({ hasText: '县住建局' });
  // 2 assigned (both lead), 1 answered on time, 1 still running, 1 rated 满意.
  await expect(housingRow.getByRole('cell')).toHaveText(['县住建局', '2', '2', '1', '0', '0', '1', '0.0', '1', '100.0%']);
  await expectNoSeriousA11yViolations(page);

  // 督察结果: the summary paragraph and the .xlsx.
  await page.getByLabel('报表', { exact: true }).selectOption({ label: '督察结果（主任会议）' });
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('收集问题 3 件，其中提请交办 2 件')).toBeVisible();
  await screenshot(page, testInfo, 'console-reports-supervision');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
  expect(download.url()).toMatch(/\/console\/api\/reports\/supervision\.xlsx\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['总体情况', '承办单位', '联络站', '重点督办问题', '持续督办问题']);
  const totals = wb.getWorksheet('总体情况')!;
  expect([totals.getCell('A5').value, totals.getCell('B5').value]).toEqual(['收集问题（件）', 3]);
  const depts = wb.getWorksheet('承办单位')!;
  expect(depts.getRow(3).values).toEqual([undefined, '承办单位', '交办件数', '其中主办', '按期答复', '逾期', '其中逾期未答复', '办理中', '平均办理工作日', '已评价', '满意率']);
  expect(depts.getRow(4).values).toEqual([undefined, '县住建局', 2, 2, 1, 0, 0, 1, 0, 1, 1]);
  expect(depts.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  expect(depts.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });

  // 重点督办问题: create, group the loan issue, record progress.
  await desk.menu('重点督办问题');
  await page.getByLabel('问题名称').fill('企业融资难');
  await page.getByLabel('牵头领导').fill('县人大常委会副主任 陈国华');
  await page.getByRole('textbox', { name: '督办目标' }).fill('年内推动银企对接，化解园区企业融资难题');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /企业融资难/ })).toBeVisible();
  await page.getByRole('textbox', { name: '查找问题' }).fill('贷款');
  await page.getByRole('button', { name: '查找' }).click();
  await page.getByRole('button', { name: `归入：${LOAN_SUMMARY}` }).click();
  await expect(page.getByRole('table', { name: '归入的问题' }).getByRole('cell', { name: LOAN_SUMMARY, exact: true })).toBeVisible();
  await page.getByRole('textbox', { name: '新增推进情况' }).fill('召开银企对接会，12 家企业获得授信');
  await page.getByRole('button', { name: '记录' }).click();
  await expect(page.getByRole('list', { name: '推进情况' })).toContainText('召开银企对接会');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'console-key-issue');
  await page.getByRole('link', { name: '返回重点督办问题' }).click();
  await expect(page.getByRole('row').filter({ hasText: '企业融资难' }).getByRole('cell').nth(3)).toHaveText('1');

  // The printed 督察结果 carries it.
  await desk.menu('统计报表');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: '打印预览' }).click();
  await expect(page.locator('.print-root[data-print-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'console-reports-print-preview');
  const { pdf } = await previewToPdf(page);
  const info = pdfInfo(pdf);
  expect([info.width, info.height]).toEqual([842, 595]);
  // A one-page report: nothing of the console's frame spills onto a second sheet.
  expect(info.pages).toBe(1);
  expect(inkPerPage(pdf)[0]).toBeGreaterThan(2000);
  const fonts = pdfFonts(pdf);
  expect(fonts.some((f) => /NotoSerifSC/.test(f.name) && f.embedded)).toBe(true);
  expect(fonts.some((f) => /NotoSansSC/.test(f.name) && f.embedded)).toBe(true);
  expect(fonts.filter((f) => /CJK/.test(f.name))).toEqual([]);
  const text = pdfText(pdf, undefined, 'flow');
  for (const expected of ['人大代表联络站问题督察结果', '一、总体情况', '收集问题3件', '二、承办单位办理情况统计表', '县住建局', '四、重点督办问题推进情况', '企业融资难', '召开银企对接会', '县人大常委会选联工委（盖章）']) {
    expect(text).toContain(expected);
  }
  expect(pdfText(pdf, 1, 'flow')).toContain('第1页共1页');
  for (const png of renderPng(pdf, 'supervision', 60)) await testInfo.attach('supervision-page', { path: png, contentType: 'image/png' });
});
