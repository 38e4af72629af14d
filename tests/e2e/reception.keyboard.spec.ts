import { expect, test, type Page } from '@playwright/test';
import { completeFirstRun, openDutyDay } from './support/setup';
import { ReceptionPage } from './pages/ReceptionPage';

const groups = (page: Page, prefix: '问题' | '来访人') => page.getByRole('group', { name: new RegExp(`^${prefix} \\d+$`) });

test.describe('keyboard', () => {
  test.beforeEach(async ({ page }) => {
    await completeFirstRun(page);
    await openDutyDay(page);
  });

  test('Alt+I adds an issue and focuses it, Alt+V adds a visitor, Ctrl+Enter saves, Enter never submits', async ({ page }) => {
    const form = new ReceptionPage(page);
    await form.gotoNew();
    await form.consent.check();
    const name = form.visitor(1).getByLabel('姓名');
    await name.fill('伍盛华');
    await name.press('Enter');
    await expect(form.errorSummary).toBeHidden();
    expect((await form.storedCounts()).receptions).toBe(0);

    await page.keyboard.press('Alt+V');
    await expect(groups(page, '来访人')).toHaveCount(2);
    await expect(form.visitor(2).getByLabel('姓名')).toBeFocused();
    await page.keyboard.type('刘敏');

    await form.issue(1).getByLabel('问题类别').focus();
    await page.keyboard.press('Alt+I');
    await expect(groups(page, '问题')).toHaveCount(2);
    await expect(form.issue(2).getByLabel('问题类别')).toBeFocused();
    await page.keyboard.press('Control+I');
    await expect(groups(page, '问题')).toHaveCount(3);
    await expect(form.issue(3).getByLabel('问题类别')).toBeFocused();
    // Remove the extra two again; each removal can be undone.
    await form.issue(3).getByRole('button', { name: '删除问题 3' }).click();
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(groups(page, '问题')).toHaveCount(3);
    await form.issue(3).getByRole('button', { name: '删除问题 3' }).click();
    await form.issue(2).getByRole('button', { name: '删除问题 2' }).click();
    await expect(groups(page, '问题')).toHaveCount(1);

    await form.fillIssue(1, { category: '用电用水', summary: '厂区夏季频繁停电', handling: '提请交办', department: '县供电公司' });
    // Tab moves from the summary to the request, then to the on-the-spot answer.
    await form.issue(1).getByLabel('问题概述').focus();
    await page.keyboard.press('Tab');
    await expect(form.issue(1).getByLabel('具体诉求')).toBeFocused();
    await page.keyboard.type('请协调增容');
    await page.keyboard.press('Tab');
    await expect(form.issue(1).getByLabel('现场答复')).toBeFocused();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: /已保存 · 1 个问题/ })).toBeVisible();
    expect(await form.storedCounts()).toMatchObject({ receptions: 1, issues: 1 });
  });

  test('no shortcut or Enter fires while an input method is composing', async ({ page }) => {
    const form = new ReceptionPage(page);
    await form.gotoNew();
    await form.fillVisitor(1, { name: '伍盛华', enterprise: '合顺实业有限公司' });
    await form.fillIssue(1, { category: '政策兑现', summary: '板房费用', handling: '提请交办' });
    const summary = form.issue(1).getByLabel('问题概述');
    await summary.click();
    await summary.press('End');

    // A real composition through the browser's IME interface.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'weifu', selectionStart: 5, selectionEnd: 5 });
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Alt+I');
    await page.keyboard.press('Alt+V');
    await cdp.send('Input.insertText', { text: '未付' });
    await expect(summary).toHaveValue('板房费用未付');
    await expect(groups(page, '问题')).toHaveCount(1);
    await expect(groups(page, '来访人')).toHaveCount(1);
    await expect(form.savedHeading).toBeHidden();

    // Keys flagged as composing (keyCode 229) by the IME do nothing either, in a one-line field too.
    const name = form.visitor(1).getByLabel('姓名');
    const composingKey = (el: HTMLElement | SVGElement, init: KeyboardEventInit) =>
      el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, isComposing: true, ...init }));
    const enterPrevented = await name.evaluate((el) => {
      const ev = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, isComposing: true });
      el.dispatchEvent(ev);
      return ev.defaultPrevented;
    });
    expect(enterPrevented).toBe(true);
    await name.evaluate(composingKey, { key: 'Enter', ctrlKey: true });
    await name.evaluate(composingKey, { key: 'i', code: 'KeyI', altKey: true });
    await expect(groups(page, '问题')).toHaveCount(1);
    expect((await form.storedCounts()).receptions).toBe(0);

    // After the composition ends, the same shortcut works.
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { name: /已保存 · 1 个问题/ })).toBeVisible();
    const stored = await form.storedCounts();
    expect(stored).toMatchObject({ receptions: 1, issues: 1 });
  });
});
