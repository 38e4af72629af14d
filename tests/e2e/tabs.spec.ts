import { expect, test } from '@playwright/test';
import { completeFirstRun, openDutyDay } from './support/setup';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';

test.describe('two windows at once', () => {
  test.beforeEach(async ({ page }) => {
    await completeFirstRun(page);
    await openDutyDay(page);
  });

  test('recording in two windows keeps both receptions and every issue, and their drafts apart', async ({ page, context }) => {
    const a = new ReceptionPage(page);
    await a.gotoNew();
    await a.fillVisitor(1, { name: '伍盛华', enterprise: '合顺实业有限公司' });
    await expect(page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 1500 });

    const b = new ReceptionPage(await context.newPage());
    await b.gotoNew();
    // The second window does not take over the first window's half-typed form.
    await expect(b.visitor(1).getByLabel('姓名')).toHaveValue('');
    await expect(b.page.getByText('另一个窗口也在填写这张表')).toBeVisible();
    await b.fillVisitor(1, { name: '陈林', enterprise: '鸿达智能科技有限公司' });
    await b.fillIssue(1, THREE_ISSUES[0]!);
    await b.addIssue(THREE_ISSUES[1]!);
    await expect(b.page.getByText(/草稿已自动保存/)).toBeVisible({ timeout: 1500 });
    expect((await b.storedCounts()).drafts).toBe(2);

    // A keeps typing after B's autosave: A's form is untouched.
    await a.fillIssue(1, THREE_ISSUES[2]!);
    await expect(a.visitor(1).getByLabel('姓名')).toHaveValue('伍盛华');
    await b.saveAndConfirm(2);
    // B's save removed only B's draft.
    expect((await a.storedCounts()).drafts).toBe(1);
    await a.saveAndConfirm(1);
    expect(await a.storedCounts()).toEqual({ receptions: 2, issues: 3, drafts: 0 });
    await page.goto('/#/');
    const table = page.getByRole('table', { name: /本接待日来访记录/ });
    await expect(table).toContainText('伍盛华');
    await expect(table).toContainText('陈林');
  });

  test('editing one reception in two windows never overwrites a save silently', async ({ page, context }) => {
    const a = new ReceptionPage(page);
    const id = await a.record(TWO_VISITORS, THREE_ISSUES);
    await a.gotoEdit(id);
    const b = new ReceptionPage(await context.newPage());
    await b.gotoEdit(id);

    await a.issue(1).getByLabel('问题概述').fill('A 窗口：西门地面塌陷已扩大');
    await a.save();
    await expect(page.getByRole('heading', { name: /修改已保存 · 3 个问题/ })).toBeVisible();

    await b.issue(3).getByRole('button', { name: '删除问题 3' }).click();
    await b.issue(2).getByLabel('具体诉求').fill('B 窗口：请城管局明确收费');
    await b.save();
    await expect(b.page.getByText(/已在另一个窗口于 \d\d:\d\d 修改并保存过/)).toBeVisible();
    // Nothing of B was written; A's save is intact.
    await a.gotoEdit(id);
    await expect(a.issue(1).getByLabel('问题概述')).toHaveValue('A 窗口：西门地面塌陷已扩大');
    await expect(a.issue(2).getByLabel('具体诉求')).toHaveValue(THREE_ISSUES[1]!.request!);
    expect((await a.storedCounts()).issues).toBe(3);

    // B chooses to overwrite: its version wins cleanly, as one more audited update.
    await b.page.getByRole('button', { name: '用本窗口内容覆盖' }).click();
    await expect(b.page.getByRole('heading', { name: /修改已保存 · 2 个问题/ })).toBeVisible();
    await a.gotoEdit(id);
    await expect(a.issue(1).getByLabel('问题概述')).toHaveValue(THREE_ISSUES[0]!.summary);
    await expect(a.issue(2).getByLabel('具体诉求')).toHaveValue('B 窗口：请城管局明确收费');
    await expect(page.getByRole('region', { name: '操作记录' }).getByRole('listitem')).toHaveCount(3);
    expect(await a.storedCounts()).toMatchObject({ receptions: 1, issues: 2 });
  });

  test('loading the latest version after a conflict shows the other window\'s save', async ({ page, context }) => {
    const a = new ReceptionPage(page);
    const id = await a.record(TWO_VISITORS, THREE_ISSUES.slice(0, 1));
    await a.gotoEdit(id);
    const b = new ReceptionPage(await context.newPage());
    await b.gotoEdit(id);
    await a.visitor(2).getByLabel('职务').fill('财务主管');
    await a.save();
    await expect(page.getByRole('heading', { name: /修改已保存/ })).toBeVisible();
    await b.visitor(1).getByLabel('职务').fill('总经理');
    await b.save();
    await b.page.getByRole('button', { name: '载入最新内容' }).click();
    await expect(b.visitor(2).getByLabel('职务')).toHaveValue('财务主管');
    await expect(b.visitor(1).getByLabel('职务')).toHaveValue('部门经理');
  });
});
