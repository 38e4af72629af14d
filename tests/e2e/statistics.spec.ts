/**
 * 统计 and the 台账, end to end from the home screen: record a reception, see the new
 * counts on 统计 with the network cut, export the ledgers (valid .xlsx, read back), the
 * charts' tables pass axe, the 统计报表 prints on A4, and 设置's weights change 履职积分.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { ReceptionPage } from './pages/ReceptionPage';
import { StatisticsPage } from './pages/StatisticsPage';
import { pdfFonts, pdfInfo, pdfText } from './printPdf';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { goOffline } from './support/offline';
import { completeFirstRun, openDutyDay, SAMPLE_ROSTER, SAMPLE_STATION } from './support/setup';

async function auditActions(page: Page): Promise<{ action: string; entity: string; entityId: string; detail: Record<string, unknown> }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('station-desk');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const request = open.result.transaction('auditLog', 'readonly').objectStore('auditLog').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );
}

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

test('a recorded reception shows on 统计 offline, exports as 台账 and prints as the 统计报表', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  await completeFirstRun(page);
  await openDutyDay(page);
  const stats = new StatisticsPage(page);
  await stats.open();
  const before = { receptions: await stats.total('receptions'), issues: await stats.total('issues') };
  await stats.printFontsReady();

  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '登记来访' }).click();
  const form = new ReceptionPage(page);
  await expect(form.saveButton).toBeVisible();
  await form.fillVisitor(1, { name: '辛志鹏', phone: '13979612345', enterprise: '椿森电子有限公司', position: '部门经理' });
  await form.addVisitor({ name: '伍盛华', enterprise: '椿森电子有限公司' });
  await form.fillIssue(1, { category: '安全生产', summary: '厂区西门地面塌陷', request: '尽快修复路面', handling: '提请交办', department: '县住建局' });
  await form.addIssue({ category: '用工招聘', summary: '缺少一线操作工约40人', onSpotAnswer: '下月初镇里有招聘会', handling: '当场答复办结' });
  await form.saveAndConfirm(2);

  await goOffline(page, context);
  await stats.open();
  expect(await stats.total('receptions')).toBe(before.receptions + 1);
  expect(await stats.total('visitors')).toBe(2);
  expect(await stats.total('enterprises')).toBe(1);
  expect(await stats.total('issues')).toBe(before.issues + 2);
  expect(await stats.row('按来访方式统计', '来访')).toEqual(['1', '2', '1', '2']);
  expect(await stats.row('问题按类别', '安全生产')).toEqual(['1']);
  expect(await stats.row('问题按办理方式', '当场答复办结')).toEqual(['1']);
  expect(await stats.row('问题按建议承办单位', '县住建局')).toEqual(['1']);
  expect(await stats.row('提请交办问题按承办单位', '尚未交办')).toEqual(['1']);
  expect(await stats.row('办理结果', '当场答复办结')).toEqual(['1']);
  expect(await stats.row('办理率与满意率', '办结率')).toEqual(['1', '2', '50.0%']);
  // Every deputy on duty received the visitor: 参加接待日 2 + 接待来访 1 = 3 points each.
  for (const deputy of SAMPLE_ROSTER) expect(await stats.row('履职积分排名', deputy.name)).toEqual(['1', '1', '1', '0', '0', '0', '3']);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'statistics');

  // 台账, still offline: real .xlsx files that exceljs reads back.
  const dir = mkdtempSync(join(tmpdir(), 'station-ledgers-'));
  const issuesFile = join(dir, 'issues.xlsx');
  const issuesDownload = await stats.exportLedger('问题台账');
  expect(issuesDownload.suggestedFilename()).toMatch(/^station-ledger-issues-\d{4}-\d\d-01-\d{4}-\d\d-\d\d\.xlsx$/);
  await issuesDownload.saveAs(issuesFile);
  const issueSheet = (await readWorkbook(issuesFile)).getWorksheet('问题台账')!;
  expect(issueSheet.getCell(1, 1).value).toBe('银湾科创产业园人大代表联络站问题台账');
  expect(values(issueSheet, 3).slice(0, 6)).toEqual(['序号', '问题编号', '清单编号', '问题类别', '来访企业', '问题概述']);
  expect(values(issueSheet, 4).slice(3, 6)).toEqual(['安全生产', '椿森电子有限公司', '厂区西门地面塌陷']);
  expect(values(issueSheet, 5)[15]).toBe('当场办结');
  expect(values(issueSheet, 4)[16]).toBeInstanceOf(Date);
  expect(issueSheet.rowCount).toBe(5);
  expect(JSON.stringify(issueSheet.getSheetValues())).not.toContain('13979612345');

  const visitorsFile = join(dir, 'visitors.xlsx');
  await (await stats.exportLedger('来访接待登记台账')).saveAs(visitorsFile);
  const visitorSheet = (await readWorkbook(visitorsFile)).getWorksheet('来访接待登记台账')!;
  expect(values(visitorSheet, 4).slice(5, 8)).toEqual(['辛志鹏', '13979612345', '椿森电子有限公司']);
  expect(visitorSheet.rowCount).toBe(5);

  const deputiesFile = join(dir, 'deputies.xlsx');
  await (await stats.exportLedger('代表履职台账')).saveAs(deputiesFile);
  const points = (await readWorkbook(deputiesFile)).getWorksheet('履职积分汇总')!;
  expect(values(points, 4)).toEqual([1, SAMPLE_ROSTER[0]!.name, 1, 1, 0, 0, 0, 3]);
  // `file` recognises the zip container of a real workbook.
  expect(execFileSync('file', ['-b', issuesFile], { encoding: 'utf8' })).toMatch(/Microsoft Excel 2007\+|Zip archive/);

  const exports = (await auditActions(page)).filter((a) => a.action === 'access.exported' && a.entity === 'ledger');
  expect(exports.map((a) => [a.entityId, a.detail['rows'], a.detail['withPhones']])).toEqual([
    ['issues', 2, false],
    ['visitors', 2, true],
    ['deputies', 8, false],
  ]);

  // The 统计报表 on A4, in the bundled fonts.
  await stats.printFontsReady();
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(dir, 'report.pdf');
  writeFileSync(pdfPath, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  const pdf = { path: pdfPath, dir };
  const info = pdfInfo(pdf);
  expect([info.width, info.height]).toEqual([595, 842]);
  const text = pdfText(pdf, undefined, 'flow');
  expect(text).toContain(`${SAMPLE_STATION.name}统计报表`);
  expect(text).toContain('问题按类别');
  expect(text).not.toContain('导出台账');
  expect(pdfFonts(pdf).some((f) => f.name.includes('Noto') && f.embedded)).toBe(true);
  execFileSync('pdftoppm', ['-r', '60', '-png', pdfPath, 'test-results/screens/statistics-report']);

  // 设置 → 履职积分: 参加接待日 worth 5 makes each deputy's points 6.
  await context.setOffline(false);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '设置' }).click();
  const weights = page.getByRole('region', { name: '履职积分' });
  await weights.getByLabel('参加接待日').fill('5');
  await weights.getByRole('button', { name: '保存分值' }).click();
  await expect(weights.getByRole('status')).toHaveText('已保存。');
  await stats.open();
  expect(await stats.row('履职积分排名', SAMPLE_ROSTER[1]!.name)).toEqual(['1', '1', '1', '0', '0', '0', '6']);
});

test('统计 opened first with the browser build\'s server out of reach: the numbers show, and printing and the 台账 say why they cannot run', async ({ page, context }, testInfo) => {
  await completeFirstRun(page);
  await openDutyDay(page);
  // Offline before 统计 was ever opened: the report's print fonts were never fetched.
  await goOffline(page, context);
  const stats = new StatisticsPage(page);
  await stats.open();
  await expect(page.getByRole('status').filter({ hasText: '打印用的字体没能加载' })).toBeVisible();
  await expect(page.getByRole('button', { name: '打印统计报表' })).toBeDisabled();
  await expect(stats.root).toHaveAttribute('data-fonts-ready', 'false');
  await screenshot(page, testInfo, 'statistics-fonts-offline');
  // The numbers are still there. The 台账 writer is fetched when 统计 first opens, so here
  // (its server out of reach since before) the export says so instead of waiting for ever.
  expect(await stats.total('receptions')).toBe(0);
  await page.getByRole('button', { name: '代表履职台账', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '导出没有成功：生成表格的程序没能加载（网络可能断开了）。请在网络恢复后刷新本页再试。' })).toBeVisible();
  await expect(page.getByRole('button', { name: '代表履职台账', exact: true })).toBeEnabled();
});
