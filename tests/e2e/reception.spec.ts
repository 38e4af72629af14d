import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { completeFirstRun, openDutyDay } from './support/setup';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';

test.describe('recording a reception', () => {
  test('two visitors and three issues are saved and still there after a reload', async ({ page }, testInfo) => {
    await completeFirstRun(page);
    await openDutyDay(page, ['张立强', '王丽芬', '郭晓蓉']);
    const form = new ReceptionPage(page);
    await form.gotoNew();
    // The open duty day's deputies are ticked already; the others are not.
    await expect(page.getByRole('checkbox', { name: '张立强' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: '杨宏斌' })).not.toBeChecked();
    await expect(page.getByRole('radio', { name: '来访' })).toBeChecked();
    await screenshot(page, testInfo, 'reception-empty');

    await form.fillVisitor(1, TWO_VISITORS[0]!);
    await form.addVisitorButton.click();
    // A second visitor usually comes from the same enterprise.
    await expect(form.visitor(2).getByLabel('企业（单位）')).toHaveValue('椿森电子有限公司');
    await expect(form.visitor(2).getByLabel('姓名')).toBeFocused();
    await form.fillVisitor(2, TWO_VISITORS[1]!);
    await form.fillIssue(1, THREE_ISSUES[0]!);
    await form.addIssue(THREE_ISSUES[1]!);
    await form.addIssue(THREE_ISSUES[2]!);
    await screenshot(page, testInfo, 'reception-filled');

    const id = await form.saveAndConfirm(3);
    await screenshot(page, testInfo, 'reception-saved');
    expect(await form.storedCounts()).toEqual({ receptions: 1, issues: 3, drafts: 0 });

    await form.gotoEdit(id);
    await page.reload();
    await expect(page.getByRole('heading', { name: '修改接待记录' })).toBeVisible();
    await expect(form.visitor(1).getByLabel('姓名')).toHaveValue('辛志鹏');
    await expect(form.visitor(1).getByLabel('联系电话')).toHaveValue('13979612345');
    await expect(form.visitor(2).getByLabel('姓名')).toHaveValue('刘敏');
    await expect(form.visitor(2).getByLabel('企业（单位）')).toHaveValue('椿森电子有限公司');
    for (const [n, issue] of THREE_ISSUES.entries()) {
      const card = form.issue(n + 1);
      await expect(card.getByLabel('问题类别')).toHaveValue(issue.category);
      await expect(card.getByLabel('问题概述')).toHaveValue(issue.summary);
      await expect(card.getByRole('radio', { name: issue.handling })).toBeChecked();
    }
    await expect(form.issue(3).getByLabel('现场答复')).toHaveValue(THREE_ISSUES[2]!.onSpotAnswer!);
    await expect(page.getByRole('checkbox', { name: '郭晓蓉' })).toBeChecked();
    // Today lists it under the open duty day.
    await page.goto('/#/');
    await expect(page.getByRole('table', { name: /本接待日来访记录/ })).toContainText('辛志鹏');
  });

  test('invalid input is refused with Chinese messages beside the fields and nothing is saved', async ({ page }, testInfo) => {
    await completeFirstRun(page);
    const form = new ReceptionPage(page);
    await form.gotoNew();
    await expect(page.getByText(/没有开启接待日/)).toBeVisible();
    await form.fillVisitor(1, { name: '', phone: '12345', enterprise: '椿森电子有限公司' });
    await form.issue(1).getByRole('radio', { name: '当场答复办结' }).check();
    await form.save();

    await expect(form.errorSummary).toBeVisible();
    const deputies = page.getByRole('group', { name: /接待代表/ });
    await expect(deputies).toContainText('请至少选择一位接待代表');
    // The first invalid field gets the focus.
    await expect(page.getByRole('checkbox', { name: '张立强' })).toBeFocused();
    const name = form.visitor(1).getByLabel('姓名');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/请填写来访人姓名/);
    await expect(form.visitor(1).getByLabel('联系电话')).toHaveAccessibleDescription(/电话号码位数不对/);
    await expect(form.issue(1).getByLabel('问题类别')).toHaveAccessibleDescription(/请填写问题类别/);
    await expect(form.issue(1).getByLabel('问题概述')).toHaveAccessibleDescription(/请填写问题概述/);
    await expect(form.issue(1).getByLabel('现场答复')).toHaveAccessibleDescription(/请填写现场答复内容/);
    await screenshot(page, testInfo, 'reception-errors');
    expect((await form.storedCounts()).receptions).toBe(0);
    expect((await form.storedCounts()).issues).toBe(0);

    // Fixing the fields one by one clears their messages; nothing typed was lost.
    await page.getByRole('checkbox', { name: '张立强' }).check();
    await form.fillVisitor(1, { name: '伍盛华', phone: '0796-5551234' });
    await form.fillIssue(1, {
      category: '政策兑现',
      summary: '代建板房费用未拨付',
      handling: '当场答复办结',
      onSpotAnswer: '已联系县卫健委，答复本月内拨付',
    });
    await expect(form.visitor(1).getByLabel('企业（单位）')).toHaveValue('椿森电子有限公司');
    await form.saveAndConfirm(1);
    expect(await form.storedCounts()).toMatchObject({ receptions: 1, issues: 1 });
  });
});

test.describe('editing and deleting a reception', () => {
  test('an edit keeps the issues, a delete asks for a reason, and the audit trail shows both', async ({ page }, testInfo) => {
    await completeFirstRun(page);
    await openDutyDay(page);
    const form = new ReceptionPage(page);
    const id = await form.record(TWO_VISITORS, THREE_ISSUES.slice(0, 2));
    await form.gotoEdit(id);
    await expectNoSeriousA11yViolations(page);
    const audit = page.getByRole('region', { name: '操作记录' });
    await expect(audit.getByRole('listitem')).toHaveCount(1);
    await expect(audit).toContainText('登记');

    await form.issue(2).getByLabel('问题概述').fill('工业垃圾清运收费标准未建立（已补充说明）');
    await form.addIssue(THREE_ISSUES[2]!);
    await form.save();
    await expect(page.getByRole('heading', { name: '✓ 修改已保存 · 3 个问题' })).toBeVisible();
    await page.getByRole('button', { name: '查看这条记录' }).click();
    await expect(form.issue(2).getByLabel('问题概述')).toHaveValue('工业垃圾清运收费标准未建立（已补充说明）');
    await expect(form.issue(3).getByLabel('问题类别')).toHaveValue('用工招聘');
    await expect(audit.getByRole('listitem')).toHaveCount(2);
    await expect(audit.getByRole('listitem').nth(1)).toContainText('修改');
    await expect(page.getByRole('link', { name: '打印接待登记表' })).toHaveAttribute('href', `#/print/reception/${id}`);
    expect(await form.storedCounts()).toMatchObject({ receptions: 1, issues: 3 });

    await page.getByRole('button', { name: '删除这条记录' }).click();
    const dialog = page.getByRole('dialog', { name: '删除接待记录' });
    await expect(dialog).toContainText('辛志鹏');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'reception-delete-dialog');
    // Cancelling keeps everything.
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();
    expect((await form.storedCounts()).receptions).toBe(1);

    await page.getByRole('button', { name: '删除这条记录' }).click();
    await dialog.getByLabel('删除原因（可不填）').fill('重复登记');
    await dialog.getByRole('button', { name: '确认删除' }).click();
    await expect(page.getByText('这条接待记录已删除。')).toBeVisible();
    await expect(audit.getByRole('listitem')).toHaveCount(3);
    await expect(audit.getByRole('listitem').nth(2)).toContainText('删除');
    await expect(audit.getByRole('listitem').nth(2)).toContainText('原因：重复登记');
    expect(await form.storedCounts()).toMatchObject({ receptions: 0, issues: 0 });
    await page.reload();
    await expect(page.getByText(/找不到这条接待记录/)).toBeVisible();
    await expect(audit.getByRole('listitem')).toHaveCount(3);
  });

  test('the empty form has no serious accessibility problems, nor the error state', async ({ page }) => {
    await completeFirstRun(page);
    const form = new ReceptionPage(page);
    await form.gotoNew();
    await expectNoSeriousA11yViolations(page);
    await form.save();
    await expect(form.errorSummary).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
