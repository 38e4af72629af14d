import { expect, test } from '@playwright/test';
import { completeFirstRun, openDutyDay } from './support/setup';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';

test.describe('autosaved drafts', () => {
  test.beforeEach(async ({ page }) => {
    await completeFirstRun(page);
    await openDutyDay(page);
  });

  test('a new reception typed half-way is restored after the window closes', async ({ page, context }) => {
    const form = new ReceptionPage(page);
    await form.gotoNew();
    await form.fillVisitor(1, { name: '易明', enterprise: '佳乐陶瓷科技有限公司' });
    await form.addVisitorButton.click();
    await form.issue(1).getByLabel('问题概述').fill('窑炉用气价格偏高，希望协调');
    await expect(page.getByText(/草稿已自动保存 \d\d:\d\d/)).toBeVisible({ timeout: 1500 });
    await page.close();

    const next = await context.newPage();
    const again = new ReceptionPage(next);
    await again.gotoNew();
    await expect(again.draftBanner).toBeVisible();
    await expect(again.visitor(1).getByLabel('姓名')).toHaveValue('易明');
    await expect(again.visitor(2).getByLabel('企业（单位）')).toHaveValue('佳乐陶瓷科技有限公司');
    await expect(again.issue(1).getByLabel('问题概述')).toHaveValue('窑炉用气价格偏高，希望协调');

    // Saving clears the draft in the same transaction.
    await again.visitor(2).getByRole('button', { name: '删除来访人 2' }).click();
    await again.fillIssue(1, { category: '用电用水', summary: '窑炉用气价格偏高，希望协调', handling: '联络站协调' });
    await again.saveAndConfirm(1);
    expect(await again.storedCounts()).toEqual({ receptions: 1, issues: 1, drafts: 0 });
    await again.page.getByRole('button', { name: '继续登记下一位' }).click();
    await expect(again.visitor(1).getByLabel('姓名')).toHaveValue('');
    await expect(again.draftBanner).toBeHidden();
  });

  test('typing is on disk within about a second, so closing the window right after keeps it', async ({ page, context }) => {
    const form = new ReceptionPage(page);
    await form.gotoNew();
    await form.visitor(1).getByLabel('姓名').fill('尹水斌');
    // The autosave promise: at most a second of typing is at risk (a little slack for a loaded machine).
    await expect.poll(async () => (await form.storedCounts()).drafts, { timeout: 1500, intervals: [100] }).toBe(1);
    await page.close({ runBeforeUnload: true });
    const next = await context.newPage();
    const again = new ReceptionPage(next);
    await again.gotoNew();
    await expect(again.visitor(1).getByLabel('姓名')).toHaveValue('尹水斌');
  });

  test('discarding a draft starts a clean form and removes the draft', async ({ page }) => {
    const form = new ReceptionPage(page);
    await form.gotoNew();
    await form.visitor(1).getByLabel('姓名').fill('陈林');
    await expect(page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 1500 });
    await page.reload();
    await expect(form.draftBanner).toBeVisible();
    await page.getByRole('button', { name: '放弃草稿' }).click();
    await expect(form.visitor(1).getByLabel('姓名')).toHaveValue('');
    await expect(form.draftBanner).toBeHidden();
    await expect.poll(async () => (await form.storedCounts()).drafts).toBe(0);
    await page.reload();
    await expect(form.visitor(1).getByLabel('姓名')).toHaveValue('');
  });

  test('an unsaved edit is restored and, once saved, the record has it', async ({ page, context }) => {
    const form = new ReceptionPage(page);
    const id = await form.record(TWO_VISITORS, THREE_ISSUES.slice(0, 2));
    await form.gotoEdit(id);
    await form.issue(1).getByLabel('具体诉求').fill('尽快修复路面，并在修好前设置警示');
    await expect(page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 1500 });
    await page.close();

    const next = await context.newPage();
    const again = new ReceptionPage(next);
    await again.gotoEdit(id);
    await expect(again.draftBanner).toBeVisible();
    await expect(again.issue(1).getByLabel('具体诉求')).toHaveValue('尽快修复路面，并在修好前设置警示');
    await again.save();
    await expect(next.getByRole('heading', { name: /修改已保存 · 2 个问题/ })).toBeVisible();
    expect(await again.storedCounts()).toEqual({ receptions: 1, issues: 2, drafts: 0 });
    await again.gotoEdit(id);
    await expect(again.draftBanner).toBeHidden();
    await expect(again.issue(1).getByLabel('具体诉求')).toHaveValue('尽快修复路面，并在修好前设置警示');
  });
});
