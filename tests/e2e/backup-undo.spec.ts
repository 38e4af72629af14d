/**
 * Desktop flavour, through the REAL main-process handlers: closing a duty day writes an
 * automatic backup; a restore picked from the 自动备份 list brings that day back, and
 * 撤销恢复 returns to the data as it was just before the restore — nothing recorded after
 * the backup is lost by trying it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { installDesktopHarness, type DesktopHarness } from './support/desktopHarness';
import { completeFirstRun } from './support/setup';
import { BackupSection, RestoreSteps } from './pages/BackupSection';
import { CloseDutyDayPage } from './pages/CloseDutyDayPage';
import { OpenDutyDayPage } from './pages/OpenDutyDayPage';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';
import { dumpActive, restorable, signInIfAsked } from './support/stationDump';

const PASSWORD = '银湾联络站-撤销恢复';
const harnesses: DesktopHarness[] = [];
test.afterEach(() => harnesses.splice(0).forEach((h) => h.dispose()));

/** `deputy`: outside a duty day the form asks who received the visitor. */
async function recordFromMenu(page: Page, summary: string, deputy?: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '登记来访' }).click();
  const reception = new ReceptionPage(page);
  await expect(reception.saveButton).toBeVisible();
  if (deputy) await page.getByRole('checkbox', { name: deputy }).check();
  await reception.fillVisitor(1, TWO_VISITORS[0]!);
  await reception.fillIssue(1, { ...THREE_ISSUES[0]!, summary });
  await reception.saveAndConfirm(1);
}

test('a duty day closed is backed up; restoring it from the automatic list and then 撤销恢复 keeps what came after', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const harness = await installDesktopHarness(page, baseURL!);
  harnesses.push(harness);
  await completeFirstRun(page);
  const backup = new BackupSection(page);
  await backup.open();
  await backup.setPassword(PASSWORD);

  // A duty day: opened from Today, one reception, closed from Today.
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();
  await page.getByRole('link', { name: '开始今天的接待日' }).click();
  const open = new OpenDutyDayPage(page);
  await open.tickAll();
  await open.start();
  await recordFromMenu(page, '接待日当天登记的问题：厂区门口路灯不亮');
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();
  await page.getByRole('link', { name: '结束接待日' }).click();
  await new CloseDutyDayPage(page).confirmClose();

  const folder = join(harness.userDataDir, 'backups');
  const closedBackup = /^station-backup-\d{8}-\d{6}-dutyDayClosed\.sdbackup$/;
  await expect.poll(() => (existsSync(folder) ? readdirSync(folder) : []).filter((f) => closedBackup.test(f)), { timeout: 30_000 }).toHaveLength(1);
  const fileName = readdirSync(folder).find((f) => closedBackup.test(f))!;

  // After the backup: one more reception (a phone call, no duty day).
  await recordFromMenu(page, '备份之后登记的问题：园区班车改线', '张立强');
  const beforeRestore = await dumpActive(page);
  expect(beforeRestore['receptions']).toHaveLength(2);

  // 设置 → 自动备份 → 恢复这份.
  await backup.open();
  await backup.section.getByRole('button', { name: `恢复这份 ${fileName}` }).click();
  const steps = new RestoreSteps(page, backup.section);
  await steps.inspect(PASSWORD);
  await expect(steps.summary).toContainText('银湾科创产业园人大代表联络站', { timeout: 30_000 });
  await backup.section.getByRole('button', { name: '用这份备份恢复' }).click();
  await signInIfAsked(page);
  const pending = page.getByRole('region', { name: '恢复待确认' });
  await expect(pending).toBeVisible();
  const restored = await dumpActive(page);
  expect(restored['receptions']).toHaveLength(1);

  // 撤销恢复: back to the data as it was just before, the later reception included.
  await pending.getByRole('button', { name: '撤销恢复' }).click();
  await signInIfAsked(page);
  await expect(pending).toHaveCount(0);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '历史查询' }).click();
  await expect(page.getByText('备份之后登记的问题：园区班车改线')).toBeVisible();
  const afterUndo = await dumpActive(page);
  expect(restorable(afterUndo)).toEqual(restorable(beforeRestore));
});
