/**
 * The county's first day in the console, against the REAL county process, on embedded
 * PGlite and on a real PostgreSQL server: from /console/ and by clicking alone, the first
 * admin is set up with the one-time code the server printed, chooses a password, adds two
 * departments, a clerk and a department user, enrols a station (its token shown once),
 * and reads every step back in the audit log; the new clerk must change the first
 * password and sees only the clerk's menu; the admin resets the clerk's password in a
 * dialog (the temporary password shown once), which signs the clerk out and signs in to a
 * forced change. No serious axe finding on any screen or dialog.
 */
import { expect, test, type Page } from '@playwright/test';
import { startPostgresServer, type PostgresServer } from '../../county-endpoint/tests/support/startPostgres';
import { buildConsole } from './consoleAccounts';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { CountyProcess } from './syncCounty';

const ADMIN_PASSWORD = 'Guanli-2026-zhuren';
const STATION_ID = 'st-yinwan-0001';
const STATION_NAME = '银湾科创产业园人大代表联络站';

async function menu(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

for (const backend of ['pglite', 'postgres'] as const) {
  test.describe(`console administration on ${backend}`, () => {
    let server: PostgresServer | null = null;
    let county: CountyProcess;

    test.beforeAll(async () => {
      buildConsole();
      if (backend === 'postgres') {
        server = await startPostgresServer();
        if (!server) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin');
      }
    });
    test.afterAll(() => server?.stop());

    test.beforeEach(async () => {
      // A fresh server per run: its own 'postgres' database is empty.
      county = await CountyProcess.start(server ? { databaseUrl: server.url } : {});
    });
    test.afterEach(async () => {
      await county.stop();
    });

    test('the first admin sets up the county: departments, users, a station, the audit log', async ({ page, browser }, testInfo) => {
      test.setTimeout(120_000);
      await expect.poll(() => /"setupCode":"([^"]+)"/.exec(county.logs)?.[1] ?? '', { timeout: 10_000 }).not.toBe('');
      const code = /"setupCode":"([^"]+)"/.exec(county.logs)?.[1] ?? '';

      // 初始化: without the printed code nobody claims the county.
      await page.goto(`${county.url}/console/`);
      await expect(page.getByRole('heading', { name: '联络站问题办理平台 · 初始化' })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.getByLabel('初始化码').fill('AAAA-BBBB-CCCC');
      await page.getByLabel('管理员用户名').fill('admin');
      await page.getByLabel('姓名').fill('王主任');
      await page.getByRole('button', { name: '创建管理员' }).click();
      await expect(page.getByRole('alert')).toHaveText('初始化码不正确或已失效。');
      await screenshot(page, testInfo, `console-setup-${backend}`);
      await page.getByLabel('初始化码').fill(code.toLowerCase());
      await page.getByRole('button', { name: '创建管理员' }).click();

      // The forced password change comes first; the code is the current password.
      await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
      await expect(page.getByText('您正在使用初始密码或管理员重置的密码，请先设置您自己的密码。')).toBeVisible();
      await expect(page.getByRole('navigation', { name: '主菜单' })).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
      await page.getByLabel('当前密码', { exact: true }).fill(code);
      await page.getByLabel('新密码', { exact: true }).fill(ADMIN_PASSWORD);
      await page.getByLabel('再次输入新密码').fill(`${ADMIN_PASSWORD}x`);
      await page.getByRole('button', { name: '修改密码' }).click();
      await expect(page.getByRole('alert')).toHaveText('两次输入的新密码不一致。');
      await page.getByLabel('再次输入新密码').fill(ADMIN_PASSWORD);
      await screenshot(page, testInfo, `console-forced-password-${backend}`);
      await page.getByRole('button', { name: '修改密码' }).click();
      await expect(page.getByRole('heading', { name: '王主任，您好' })).toBeVisible();

      // Two departments.
      await menu(page, '承办单位');
      for (const name of ['县住建局', '县卫健委']) {
        await page.getByLabel('单位名称').fill(name);
        await page.getByRole('button', { name: '添加承办单位' }).click();
        await expect(page.getByRole('row').filter({ hasText: name })).toContainText('启用');
      }
      await page.getByLabel('单位名称').fill('县住建局');
      await page.getByRole('button', { name: '添加承办单位' }).click();
      await expect(page.getByRole('alert')).toHaveText('承办单位“县住建局”已存在。');
      await expectNoSeriousA11yViolations(page);

      // A clerk and a department user, each with a first password.
      await menu(page, '用户');
      await page.getByLabel('用户名', { exact: true }).fill('clerk01');
      await page.getByLabel('姓名').fill('李晓梅');
      await page.getByLabel('角色').selectOption({ label: '选联工委' });
      await page.getByLabel('初始密码').fill('Chushi-2026-mima');
      await page.getByRole('button', { name: '新建用户' }).click();
      await expect(page.getByRole('status')).toHaveText('已创建用户 clerk01。');
      await page.getByLabel('用户名', { exact: true }).fill('zhujian01');
      await page.getByLabel('姓名').fill('陈建国');
      await page.getByLabel('角色').selectOption({ label: '承办单位' });
      await page.getByLabel('所属承办单位').selectOption({ label: '县住建局' });
      await page.getByLabel('初始密码').fill('short');
      await page.getByRole('button', { name: '新建用户' }).click();
      await expect(page.getByRole('alert')).toHaveText('密码应为 10–128 个字符。');
      await page.getByLabel('初始密码').fill('Chushi-2026-zhujian');
      await page.getByRole('button', { name: '新建用户' }).click();
      await expect(page.getByRole('status')).toHaveText('已创建用户 zhujian01。');
      await expect(page.getByRole('row').filter({ hasText: 'zhujian01' })).toContainText('县住建局');
      await expect(page.getByRole('row').filter({ hasText: 'clerk01' })).toContainText('待改密码');
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, testInfo, `console-users-${backend}`);

      // A station: the token is shown once, in a dialog, and works for the station.
      await menu(page, '联络站');
      await expect(page.getByText('还没有登记联络站。')).toBeVisible();
      await page.getByLabel('联络站编号').fill(STATION_ID);
      await page.getByLabel('联络站名称').fill(STATION_NAME);
      await page.getByRole('button', { name: '登记并发放令牌' }).click();
      const dialog = page.getByRole('dialog', { name: '联络站令牌（只显示这一次）' });
      await expect(dialog).toBeVisible();
      const token = (await dialog.locator('output').textContent()) ?? '';
      expect(token).toMatch(/^sdt_[A-Za-z0-9_-]{43}$/);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, testInfo, `console-station-token-${backend}`);
      await dialog.getByRole('button', { name: '我已记下，关闭' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(token)).toHaveCount(0);
      const row = page.getByRole('row').filter({ hasText: STATION_ID });
      await expect(row).toContainText(STATION_NAME);
      await expect(row).toContainText('从未');
      const ping = await fetch(`${county.url}/v1/ping?protocolVersion=1`, { headers: { authorization: `Bearer ${token}` } });
      expect(ping.status).toBe(200);
      await page.reload();
      await menu(page, '联络站');
      await expect(page.getByRole('row').filter({ hasText: STATION_ID })).not.toContainText('从未');
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, testInfo, `console-stations-${backend}`);

      // Every step is in the audit log, with who and from where.
      await menu(page, '操作日志');
      for (const action of ['初始化管理员', '初始化码错误', '修改密码', '添加承办单位', '新建用户', '登记联络站']) {
        await expect(page.getByRole('row').filter({ hasText: action }).first()).toBeVisible();
      }
      await expect(page.getByRole('row').filter({ hasText: '登记联络站' })).toContainText(STATION_ID);
      await expect(page.getByRole('row').filter({ hasText: '登记联络站' })).toContainText('admin');
      await page.getByLabel('按操作筛选').selectOption({ label: '新建用户' });
      await page.getByRole('button', { name: '筛选' }).click();
      await expect(page.getByRole('row')).toHaveCount(3);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, testInfo, `console-audit-${backend}`);

      // The clerk's first login: a forced change, then only the clerk's menu.
      await page.getByRole('button', { name: '退出登录' }).click();
      await expect(page.getByRole('heading', { name: '联络站问题办理平台 · 登录' })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.getByLabel('用户名').fill('clerk01');
      await page.getByLabel('密码', { exact: true }).fill('wrong-password');
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
      await screenshot(page, testInfo, `console-login-${backend}`);
      await page.getByLabel('密码', { exact: true }).fill('Chushi-2026-mima');
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
      await page.getByLabel('当前密码', { exact: true }).fill('Chushi-2026-mima');
      await page.getByLabel('新密码', { exact: true }).fill('Xuanlian-2026-lxm');
      await page.getByLabel('再次输入新密码').fill('Xuanlian-2026-lxm');
      await page.getByRole('button', { name: '修改密码' }).click();
      await expect(page.getByRole('heading', { name: '李晓梅，您好' })).toBeVisible();
      const nav = page.getByRole('navigation', { name: '主菜单' });
      await expect(nav.getByRole('link', { name: '联络站', exact: true })).toBeVisible();
      await expect(nav.getByRole('link', { name: '用户', exact: true })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: '操作日志', exact: true })).toHaveCount(0);
      await screenshot(page, testInfo, `console-clerk-home-${backend}`);

      // The admin's session in another browser still sees the clerk's login in the log.
      const other = await browser.newContext();
      const adminPage = await other.newPage();
      await adminPage.goto(`${county.url}/console/`);
      await adminPage.getByLabel('用户名').fill('admin');
      await adminPage.getByLabel('密码', { exact: true }).fill(ADMIN_PASSWORD);
      await adminPage.getByRole('button', { name: '登录' }).click();
      await menu(adminPage, '操作日志');
      await expect(adminPage.getByRole('row').filter({ hasText: 'clerk01' }).filter({ hasText: '登录失败' })).toBeVisible();

      // 重设密码 in a dialog: focus moves in and comes back, Escape closes it without a
      // reset, the temporary password is shown once with a copy button.
      await other.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: county.url });
      await menu(adminPage, '用户');
      const clerkRow = adminPage.getByRole('row').filter({ hasText: 'clerk01' });
      await expect(clerkRow).toContainText('正常');
      const resetButton = clerkRow.getByRole('button', { name: '重设密码：clerk01', exact: true });
      await resetButton.click();
      const resetDialog = adminPage.getByRole('dialog', { name: '重设密码：李晓梅（clerk01）' });
      await expect(resetDialog).toBeVisible();
      const temporaryField = resetDialog.getByLabel('临时密码');
      await expect(temporaryField).toBeFocused();
      await expect(temporaryField).toHaveValue(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
      await adminPage.keyboard.press('Escape');
      await expect(resetDialog).toBeHidden();
      await expect(resetButton).toBeFocused();
      await expect(clerkRow).toContainText('正常');

      await resetButton.click();
      await expect(temporaryField).toBeFocused();
      const generated = await temporaryField.inputValue();
      await temporaryField.fill('short');
      await resetDialog.getByRole('button', { name: '重设密码', exact: true }).click();
      await expect(resetDialog.getByRole('alert')).toHaveText('密码应为 10–128 个字符。');
      await resetDialog.getByRole('button', { name: '换一个' }).click();
      await expect(resetDialog.getByRole('alert')).toHaveCount(0);
      await expect(temporaryField).toHaveValue(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
      const temporary = await temporaryField.inputValue();
      expect(temporary).not.toBe(generated);
      await expectNoSeriousA11yViolations(adminPage);
      await screenshot(adminPage, testInfo, `console-reset-dialog-${backend}`);
      await resetDialog.getByRole('button', { name: '重设密码', exact: true }).click();
      const shownOnce = adminPage.getByRole('dialog', { name: '临时密码（只显示这一次）' });
      await expect(shownOnce.getByRole('status', { name: '临时密码' })).toHaveText(temporary);
      const copy = shownOnce.getByRole('button', { name: '复制临时密码' });
      await expect(copy).toBeFocused();
      await copy.click();
      await expect(shownOnce.getByRole('status').filter({ hasText: '已复制' })).toBeVisible();
      expect(await adminPage.evaluate(() => navigator.clipboard.readText())).toBe(temporary);
      await expectNoSeriousA11yViolations(adminPage);
      await screenshot(adminPage, testInfo, `console-reset-shown-${backend}`);
      await shownOnce.getByRole('button', { name: '我已记下，关闭' }).click();
      await expect(shownOnce).toBeHidden();
      await expect(resetButton).toBeFocused();
      await expect(adminPage.getByText(temporary)).toHaveCount(0);
      await expect(clerkRow).toContainText('待改密码');
      await menu(adminPage, '操作日志');
      await expect(adminPage.getByRole('row').filter({ hasText: '重设密码' }).filter({ hasText: 'clerk01' })).toBeVisible();
      await other.close();

      // The reset ended the clerk's session; the temporary password signs in, to a forced change.
      await page.reload();
      await expect(page.getByRole('heading', { name: '联络站问题办理平台 · 登录' })).toBeVisible();
      await page.getByLabel('用户名').fill('clerk01');
      await page.getByLabel('密码', { exact: true }).fill(temporary);
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
      await expect(page.getByText('您正在使用初始密码或管理员重置的密码，请先设置您自己的密码。')).toBeVisible();
    });
  });
}
