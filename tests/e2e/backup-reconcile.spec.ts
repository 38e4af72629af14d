/**
 * A new PC restores a backup older than the county's last receipt, against the REAL county
 * endpoint process: without the county's address and token it waits to reconcile and
 * refuses to seal; once connected it reads the county's lists, says which lists were
 * sent after the backup, and numbers the next list after the county's highest. Nothing
 * the county already holds is stored twice.
 */
import { expect, test, type Page } from '@playwright/test';
import { BackupSection, RestoreSteps } from './pages/BackupSection';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';
import { CountyProcess } from './syncCounty';
import { connectedStation, expectAllAcknowledged, readStore, seedIssues, useTimings } from './syncStation';
import { signInIfAsked } from './support/stationDump';

const PASSWORD = '银湾联络站备份2026';

let county: CountyProcess;
test.beforeEach(async () => {
  county = await CountyProcess.start();
});
test.afterEach(async () => {
  await county.stop();
});

async function openSyncScreen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '清单报送' }).click();
  await expect(page.getByRole('heading', { name: '清单报送' })).toBeVisible();
}

/** 清单报送 → 封存未归档问题 → 封存; returns the numbers reported. */
async function sealByClicking(page: Page): Promise<string> {
  // Issues seeded straight into IndexedDB are counted when the screen is opened anew.
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();
  await openSyncScreen(page);
  await page.getByRole('button', { name: /^封存未归档问题/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '封存' }).click();
  const notice = page.getByText(/^已封存：/);
  await expect(notice).toBeVisible({ timeout: 30_000 });
  return (await notice.textContent()) ?? '';
}

test('a restored older backup reconciles with the county before it sends or numbers a list', async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  await useTimings(page);
  const { id: station, token } = await connectedStation(page, county);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '今日接待' }).click();

  // 第1号 sealed and acknowledged, then the backup.
  await seedIssues(page, { receptions: 1, issuesPer: 2, textLength: 30 });
  expect(await sealByClicking(page)).toMatch(/第1号/);
  await expectAllAcknowledged(page, 1);
  const backup = new BackupSection(page);
  await backup.open();
  await backup.setPassword(PASSWORD);
  const download = await backup.backupToDownload();
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  // After the backup the old PC sends 第2号 and 第3号; then it is lost.
  await seedIssues(page, { receptions: 1, issuesPer: 1, textLength: 30 });
  expect(await sealByClicking(page)).toMatch(/第2号/);
  await seedIssues(page, { receptions: 1, issuesPer: 1, textLength: 30 });
  expect(await sealByClicking(page)).toMatch(/第3号/);
  await expectAllAcknowledged(page, 3);
  const lostRefs = (await readStore<{ seq: number; countyRef: string | null }>(page, 'issueLists')).filter((l) => l.seq > 1).map((l) => l.countyRef);
  expect(county.issueIds(station)).toHaveLength(4);
  await page.close();

  // A new PC restores from the first-run screen; it has neither the county's address nor the token yet.
  const fresh = await browser.newContext();
  const next = await fresh.newPage();
  await useTimings(next);
  await next.goto('/');
  const firstRun = next.getByRole('region', { name: '从备份恢复' });
  await firstRun.getByRole('button', { name: '从备份恢复' }).click();
  const steps = new RestoreSteps(next, firstRun);
  await steps.pickFile(file);
  await steps.inspect(PASSWORD);
  await expect(steps.summary).toBeVisible({ timeout: 30_000 });
  await firstRun.getByRole('button', { name: '用这份备份恢复' }).click();
  await signInIfAsked(next);
  await next.getByRole('region', { name: '恢复待确认' }).getByRole('button', { name: '确认恢复' }).click();
  await expect(next.getByText('恢复已确认。')).toBeVisible();

  // Waiting to reconcile: said on 清单报送, and sealing is refused.
  await openSyncScreen(next);
  const waiting = next.getByRole('status', { name: '等待与县里核对' });
  await expect(waiting).toContainText('核对完成前不报送任何清单');
  await expect(next.getByRole('button', { name: /^封存未归档问题/ })).toBeDisabled();
  await next.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '登记来访' }).click();
  const form = new ReceptionPage(next);
  // No duty day is open: the reception belongs to none, and the deputy is ticked by hand.
  await next.getByRole('checkbox', { name: '张立强' }).check();
  await form.fillVisitor(1, TWO_VISITORS[0]!);
  await form.fillIssue(1, THREE_ISSUES[0]!);
  await form.saveAndConfirm(1);
  await openSyncScreen(next);
  await expect(next.getByRole('button', { name: /^封存未归档问题/ })).toBeDisabled();
  await next.screenshot({ path: testInfo.outputPath('reconcile-waiting.png'), fullPage: true });

  // Connected: reconcile, then the notice about the lists sent after the backup.
  await next.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '设置' }).click();
  await next.getByLabel('县里系统地址').fill(county.url);
  await next.getByLabel('联络站令牌').fill(token);
  await next.getByRole('button', { name: '保存', exact: true }).last().click();
  await expect(next.getByText('已保存。')).toBeVisible();
  await openSyncScreen(next);
  await next.getByRole('button', { name: '立即同步' }).click();
  const note = next.getByRole('note');
  await expect(note).toContainText('县里另有 2 份本站清单在本机备份之后报送，其中的问题不在本机', { timeout: 30_000 });
  await expect(note).toContainText('〔2026〕第2号');
  await expect(note).toContainText('〔2026〕第3号');
  for (const ref of lostRefs) await expect(note).toContainText(ref!);
  await expect(waiting).toBeHidden();
  await next.screenshot({ path: testInfo.outputPath('reconcile-done.png'), fullPage: true });

  // The next list follows the county's highest number and goes out as new.
  expect(await sealByClicking(next)).toMatch(/〔2026〕第4号/);
  await expect(next.getByRole('table')).toContainText('〔2026〕第4号');
  await expect.poll(() => county.issueIds(station).length, { timeout: 30_000 }).toBe(5);
  expect(new Set(county.issueIds(station)).size).toBe(5);
  await fresh.close();
});
