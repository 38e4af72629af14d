/**
 * Backups in the desktop flavour through the REAL main-process handlers (desktopHarness):
 * the daily automatic backup lands in the data folder on the next start, "备份到…" writes
 * where the save dialog points (a USB stick) with no temporary file left, and a new PC
 * restores that file through the open dialog, every table equal.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { installDesktopHarness, type DesktopHarness } from './support/desktopHarness';
import { completeFirstRun } from './support/setup';
import { BackupSection, RestoreSteps } from './pages/BackupSection';
import { audit, dumpActive, signInIfAsked, restorable } from './support/stationDump';

const PASSWORD = '银湾联络站-桌面版备份';
const harnesses: DesktopHarness[] = [];
test.afterEach(() => harnesses.splice(0).forEach((h) => h.dispose()));

test('automatic and chosen backups are written by main; a new PC restores through the open dialog', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const harness = await installDesktopHarness(page, baseURL!);
  harnesses.push(harness);
  await completeFirstRun(page);
  const backup = new BackupSection(page);
  await backup.open();
  await backup.setPassword(PASSWORD);

  // The next start of the day makes the daily backup in the data folder.
  await page.reload();
  await signInIfAsked(page);
  const folder = join(harness.userDataDir, 'backups');
  await expect.poll(() => (existsSync(folder) ? readdirSync(folder) : []), { timeout: 30_000 }).toEqual([expect.stringMatching(/^station-backup-\d{8}-\d{6}-daily\.sdbackup$/)]);

  // 备份到… a USB stick.
  const stick = join(harness.documentsDir, 'U盘');
  mkdirSync(stick);
  harness.answerBackupSaveDialog(() => join(stick, '银湾备份'));
  await backup.open();
  const before = await dumpActive(page);
  await backup.section.getByRole('button', { name: '备份到…' }).click();
  await expect(backup.section.getByText(`备份完成：银湾备份.sdbackup（保存在 ${stick}）`)).toBeVisible({ timeout: 30_000 });
  expect(readdirSync(stick)).toEqual(['银湾备份.sdbackup']);
  expect(readFileSync(join(stick, '银湾备份.sdbackup')).subarray(0, 8).toString()).toBe('SDBACKUP');
  await expect(backup.section.getByRole('listitem')).toHaveCount(1);

  // A new PC: a fresh profile and a fresh data folder.
  const fresh = await browser.newContext();
  const next = await fresh.newPage();
  const newPc = await installDesktopHarness(next, baseURL!);
  harnesses.push(newPc);
  newPc.answerBackupOpenDialog(() => join(stick, '银湾备份.sdbackup'));
  await next.goto('/');
  const firstRun = next.getByRole('region', { name: '从备份恢复' });
  await firstRun.getByRole('button', { name: '从备份恢复' }).click();
  await firstRun.getByRole('button', { name: '选择备份文件…' }).click();
  await expect(firstRun.getByText('银湾备份.sdbackup')).toBeVisible();
  const steps = new RestoreSteps(next, firstRun);
  await steps.inspect(PASSWORD);
  await expect(steps.summary).toContainText('银湾科创产业园人大代表联络站', { timeout: 30_000 });
  await firstRun.getByRole('button', { name: '用这份备份恢复' }).click();
  await signInIfAsked(next);
  await expect(next.getByRole('region', { name: '恢复待确认' })).toBeVisible();
  const after = await dumpActive(next);
  expect((after['syncState'] as { needsReconcile?: boolean }[]).map((r) => r.needsReconcile)).toEqual([true]);
  expect(restorable(after)).toEqual(restorable(before));
  const ids = new Set(audit(after['auditLog']!).map((a) => a.id));
  expect(audit(before['auditLog']!).every((a) => ids.has(a.id))).toBe(true);
  await fresh.close();
});
