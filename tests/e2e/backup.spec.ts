/**
 * Backup and restore by clicking, in the browser flavour: a station with receptions, a
 * half-typed draft and a sealed list backs up to a downloaded file; a fresh profile (a new
 * PC) restores it from the first-run screen after seeing what it holds; every table comes
 * back deep-equal; the replaced data is kept until 确认恢复. A wrong password and a cut
 * file are refused with a message and create nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { completeFirstRun, openDutyDay } from './support/setup';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';
import { BackupSection, RestoreSteps } from './pages/BackupSection';
import { audit, databaseNames, dumpActive, signInIfAsked, restorable } from './support/stationDump';

const PASSWORD = '银湾联络站备份2026';

test('backup, then a fresh profile restores every record, draft and sync state by clicking', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await completeFirstRun(page);
  await openDutyDay(page);
  const form = new ReceptionPage(page);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '登记来访' }).click();
  await expect(form.saveButton).toBeVisible();
  await form.fillVisitor(1, TWO_VISITORS[0]!);
  await form.fillIssue(1, THREE_ISSUES[0]!);
  await form.saveAndConfirm(1);
  // A second reception typed half-way: its draft must come back too.
  await page.getByRole('button', { name: '继续登记下一位' }).click();
  await form.fillVisitor(1, { name: '易明', enterprise: '佳乐陶瓷科技有限公司' });
  await expect(page.getByText(/草稿已自动保存 \d\d:\d\d/)).toBeVisible({ timeout: 3000 });

  const backup = new BackupSection(page);
  await backup.open();
  await backup.setPassword(PASSWORD);
  // What the station holds when it backs up (the backup's own audit entry is written after the file).
  const before = await dumpActive(page);
  const download = await backup.backupToDownload();
  expect(download.suggestedFilename()).toMatch(/^station-backup-\d{4}-\d{2}-\d{2}-\d{4}\.sdbackup$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(audit((await dumpActive(page))['auditLog']!).filter((a) => a.action === 'access.backedUp')).toHaveLength(1);
  await backup.section.screenshot({ path: testInfo.outputPath('backup-section.png') });
  expect(before['receptions']).toHaveLength(1);
  expect(before['drafts']).toHaveLength(1);

  // A new PC: nothing in the profile.
  const fresh = await browser.newContext();
  const next = await fresh.newPage();
  await next.goto('/');
  const firstRun = next.getByRole('region', { name: '从备份恢复' });
  await firstRun.getByRole('button', { name: '从备份恢复' }).click();
  const steps = new RestoreSteps(next, firstRun);

  // A cut file and a wrong password are refused, and nothing is created.
  const cut = testInfo.outputPath('cut.sdbackup');
  const bytes = readFileSync(file);
  writeFileSync(cut, bytes.subarray(0, bytes.length - 40));
  // The file row is drawn in Chinese, not in the browser's language.
  await expect(firstRun.locator('.backup-file-pick')).toHaveText('选择备份文件…还没有选择文件');
  await steps.pickFile(cut);
  await expect(firstRun.locator('.backup-file-chosen')).toHaveText('cut.sdbackup');
  await steps.inspect(PASSWORD);
  await expect(steps.summary).toBeVisible({ timeout: 30_000 });
  await firstRun.getByRole('button', { name: '用这份备份恢复' }).click();
  await expect(steps.problem).toHaveText('备份文件不完整（可能没有复制完），无法恢复。请换一份备份。', { timeout: 30_000 });
  await steps.pickFile(file);
  await steps.inspect('银湾联络站备份2025');
  await expect(steps.problem).toHaveText('备份密码不对，请重新输入。', { timeout: 30_000 });
  expect((await databaseNames(next)).filter((n) => n.includes('restored'))).toEqual([]);

  // The right password shows what the backup holds before anything changes.
  await steps.inspect(PASSWORD);
  await expect(steps.summary).toContainText('银湾科创产业园人大代表联络站', { timeout: 30_000 });
  await expect(steps.summary.getByRole('row', { name: /接待记录/ })).toContainText('1');
  await expect(steps.summary.getByRole('row', { name: /草稿/ })).toContainText('1');
  await firstRun.screenshot({ path: testInfo.outputPath('first-run-restore.png') });
  await firstRun.getByRole('button', { name: '用这份备份恢复' }).click();

  await signInIfAsked(next);
  const pending = next.getByRole('region', { name: '恢复待确认' });
  await expect(pending).toBeVisible();
  await next.screenshot({ path: testInfo.outputPath('restore-pending.png') });
  const after = await dumpActive(next);
  // Every table equal; the audit log gains only entries written after the restore (the restore itself, a sign-in).
  expect((after['syncState'] as { needsReconcile?: boolean }[]).map((r) => r.needsReconcile)).toEqual([true]);
  expect(restorable(after)).toEqual(restorable(before));
  const afterIds = new Set(audit(after['auditLog']!).map((a) => a.id));
  expect(audit(before['auditLog']!).every((a) => afterIds.has(a.id))).toBe(true);
  expect(audit(after['auditLog']!).filter((a) => a.action === 'access.restored')).toHaveLength(1);

  // The half-typed reception is there to continue.
  await next.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '登记来访' }).click();
  await expect(new ReceptionPage(next).visitor(1).getByLabel('姓名')).toHaveValue('易明');

  await pending.getByRole('button', { name: '确认恢复' }).click();
  await expect(next.getByText('恢复已确认。')).toBeVisible();
  await expect.poll(async () => (await databaseNames(next)).filter((n) => !n.includes('restored'))).toEqual([]);
  await fresh.close();
});
