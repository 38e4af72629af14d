/**
 * Text pasted into the reception form with control characters (as
 * copied from a chat window or a PDF) is saved without them and reaches the REAL county
 * endpoint clean: stored, not rejected, never a 500.
 */
import { expect, test } from '@playwright/test';
import { ReceptionPage } from './pages/ReceptionPage';
import { CountyProcess } from './syncCounty';
import { connectedStation, readStore, useTimings } from './syncStation';

let county: CountyProcess;
test.beforeEach(async () => {
  county = await CountyProcess.start();
});
test.afterEach(async () => {
  await county.stop();
});

// No unpaired surrogate here: the browser's input turns one into U+FFFD before the form
// sees it (the unit and county tests cover every surrogate shape).
const DIRTY_SUMMARY = '板房\u0000费用\u0007九万\u001b元未拨付\u0085';
const CLEAN_SUMMARY = '板房费用九万元未拨付';

test('pasted control characters never reach storage or the county', async ({ page, context }) => {
  test.setTimeout(120_000);
  await useTimings(page);
  const { id: station } = await connectedStation(page, county);
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await menu.getByRole('link', { name: '登记来访' }).click();

  const form = new ReceptionPage(page);
  // No duty day is open: the desk ticks who received the visitor.
  await page.getByRole('checkbox', { name: '张立强' }).check();
  await form.fillVisitor(1, { name: '伍盛华\u0000', phone: '138\u000807961234', enterprise: '合顺实业\u007f有限公司', position: '总经理' });
  await form.fillIssue(1, { category: '政策兑现', summary: CLEAN_SUMMARY, handling: '提请交办', department: '县卫健委' });
  const summary = form.issue(1).getByLabel('问题概述');
  await summary.fill(DIRTY_SUMMARY);
  // The same through the clipboard, as a person pastes.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const request = form.issue(1).getByLabel('具体诉求');
  await request.click();
  await page.evaluate(() => navigator.clipboard.writeText('请尽快\u0007拨付\u001b'));
  await page.keyboard.press('Control+V');
  await expect(request).not.toHaveValue('');
  await form.saveAndConfirm(1);

  const issues = await readStore<{ summary: string; request: string }>(page, 'issues');
  expect(issues.map((i) => [i.summary, i.request])).toEqual([[CLEAN_SUMMARY, '请尽快拨付']]);
  const [reception] = await readStore<{ visitors: { name: string; phone: string; enterprise: string }[] }>(page, 'receptions');
  expect(reception?.visitors[0]).toMatchObject({ name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司' });

  // Seal and send: the county stores it (no 500, no rejection), clean.
  await menu.getByRole('link', { name: '清单报送' }).click();
  await page.getByRole('button', { name: /^封存未归档问题/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '封存' }).click();
  await expect(page.getByRole('table')).toContainText('县里已接收', { timeout: 30_000 });
  const listed = county.cli('list-issues', '--station', station);
  expect(listed.out).toContain(`[政策兑现] ${CLEAN_SUMMARY}`);
  expect(county.logs).not.toMatch(/"statusCode":500|item not stored/);
});
