/**
 * A backup file is usually named in Chinese by whoever copied it (高新区联络站备份….sdbackup):
 * 从备份恢复 takes it, names it, and a file that is not a backup is told apart in Chinese.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BackupSection, RestoreSteps } from './pages/BackupSection';
import { screenshot } from './support/a11y';
import { completeFirstRun } from './support/setup';

test('从备份恢复 takes a file with a Chinese name and says when it is not a backup', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  const backup = new BackupSection(page);
  await backup.open();
  const steps = new RestoreSteps(page, backup.section);
  const file = join(mkdtempSync(join(tmpdir(), 'restore-')), '高新区联络站备份2026年12月5日（周六）.sdbackup');
  writeFileSync(file, '这只是一个文本文件，不是备份。');

  await steps.pickFile(file);
  await expect(backup.section.getByText('高新区联络站备份2026年12月5日（周六）.sdbackup')).toBeVisible();
  await steps.inspect('备份密码123');
  await expect(steps.problem).toHaveText('这不是联络站接待台的备份文件。');

  // The longest name a Linux disk allows (255 bytes: 82 Chinese characters and the extension) wraps inside the panel.
  const longest = join(mkdtempSync(join(tmpdir(), 'restore-')), `${'高新区科创产业园人大代表联络站备份'.repeat(5).slice(0, 82)}.sdbackup`);
  writeFileSync(longest, '这只是一个文本文件，不是备份。');
  await steps.pickFile(longest);
  await expect(backup.section.getByText(/\.sdbackup$/)).toBeVisible();
  await backup.section.getByRole('heading', { name: '从备份恢复' }).scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'restore-chinese-file-name');
});
