/**
 * Who may use the station PC (docs/access.md), through the real screens: the first account,
 * the 锁定 button, wrong PINs and their wait, the idle lock (set short in 设置) keeping a
 * half-typed reception, consent required to save, and the audit entries that name who
 * viewed and printed.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, screenshot } from './support/a11y';
import { completeFirstRun, createFirstAccount, FIRST_ACCOUNT } from './support/setup';
import { ReceptionPage } from './pages/ReceptionPage';

interface StoredAudit {
  action: string;
  entity: string;
  entityId: string;
  actor?: { id: string; name: string } | null;
  detail: Record<string, unknown>;
}

/** Rows of one store, read straight from IndexedDB. */
function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('station-desk');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        };
      }),
    store,
  );
}

const lockHeading = (page: Page) => page.getByRole('heading', { name: '请选择账号并输入 PIN 码' });

async function unlock(page: Page, pin: string): Promise<void> {
  await page.getByLabel('PIN 码', { exact: true }).fill(pin);
  await page.getByRole('button', { name: '解锁' }).click();
}

test('the first account is created after setup; 锁定 locks, wrong PINs are refused and then wait, the right one unlocks', async ({ page }, testInfo) => {
  await page.clock.install();
  await completeFirstRun(page);
  await expect(page.getByText(`当前：${FIRST_ACCOUNT.name}`)).toBeVisible();

  await page.getByRole('button', { name: '锁定', exact: true }).click();
  await expect(lockHeading(page)).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主菜单' })).toBeHidden();
  await expect(page.getByRole('radio', { name: FIRST_ACCOUNT.name })).toBeChecked();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'access-01-lock');

  await unlock(page, '000000');
  await expect(page.getByRole('alert')).toHaveText('PIN 码不对，请重新输入。再错 2 次需要等待一段时间。');
  await unlock(page, '12');
  await expect(page.getByRole('alert')).toHaveText('PIN 码应为 4 到 6 位数字');
  await unlock(page, '111111');
  await expect(page.getByRole('alert')).toContainText('再错 1 次');
  await unlock(page, '222222');
  await expect(page.getByRole('alert')).toContainText(/请 (30|29|28) 秒后再试/);
  const unlockButton = page.getByRole('button', { name: '解锁' });
  await expect(unlockButton).toBeDisabled();
  await screenshot(page, testInfo, 'access-02-wait');

  // The app's shortcuts do nothing behind the lock screen.
  await page.keyboard.press('Control+n');
  await page.clock.fastForward('00:31');
  await expect(unlockButton).toBeEnabled();
  await unlock(page, FIRST_ACCOUNT.pin);
  await expect(lockHeading(page)).toBeHidden();
  await expect(page.getByRole('link', { name: '开始今天的接待日' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '登记来访' })).toBeHidden();

  const audit = await readStore<StoredAudit>(page, 'auditLog');
  const staffEntries = audit.filter((e) => e.entity === 'staff').map((e) => [e.action, e.actor?.name ?? null]);
  expect(staffEntries).toEqual([
    ['staff.add', null],
    ['staff.lock', FIRST_ACCOUNT.name],
    ['staff.signInRefused', null],
    ['staff.signInRefused', null],
    ['staff.signInRefused', null],
    ['staff.signIn', null],
  ]);
  // The station's setup entry predates the account; what follows the first sign-in names it.
  const stored = await readStore<{ name: string; pin: { hash: string } }>(page, 'staff');
  expect(JSON.stringify(stored)).not.toContain(FIRST_ACCOUNT.pin);
});

test('a second account added in 设置 signs in from the lock screen; the audit log names who did what', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '设置' }).click();
  const staff = page.getByRole('region', { name: '账号' });
  await staff.getByLabel('新账号姓名').fill('郭晓蓉');
  await staff.getByLabel('新账号PIN 码（4 到 6 位数字）').fill('2468');
  await staff.getByRole('button', { name: '添加账号' }).click();
  await expect(staff.getByRole('status')).toHaveText('已添加账号“郭晓蓉”。');
  await staff.scrollIntoViewIfNeeded();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: 'test-results/screens/access-06-settings.png' });
  await testInfo.attach('access-06-settings', { path: 'test-results/screens/access-06-settings.png', contentType: 'image/png' });

  await page.getByRole('button', { name: '锁定', exact: true }).click();
  await page.getByRole('radio', { name: '郭晓蓉' }).check();
  await unlock(page, '2468');
  await expect(page.getByText('当前：郭晓蓉')).toBeVisible();
  // The screen that was open (设置) is where the work goes on.
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();

  const audit = await readStore<StoredAudit>(page, 'auditLog');
  expect(audit.find((e) => e.action === 'staff.add' && e.detail.name === '郭晓蓉')?.actor?.name).toBe(FIRST_ACCOUNT.name);
  expect(audit.filter((e) => e.action === 'staff.lock').map((e) => e.actor?.name)).toEqual([FIRST_ACCOUNT.name]);
});

test('idle lock after the minutes set in 设置 keeps the half-typed reception; consent is required to save; views and prints are audited', async ({
  page,
}, testInfo) => {
  await page.clock.install();
  await completeFirstRun(page);
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await menu.getByRole('link', { name: '设置' }).click();
  const access = page.getByRole('region', { name: '锁定与个人信息' });
  await access.getByLabel('无操作自动锁定（分钟）').fill('1');
  await access.getByRole('button', { name: '保存锁定与个人信息设置' }).click();
  await expect(access.getByRole('status')).toHaveText('已保存。');

  await menu.getByRole('link', { name: '登记来访' }).click();
  const form = new ReceptionPage(page);
  await expect(form.saveButton).toBeVisible();
  await page.getByRole('checkbox', { name: '张立强' }).check();
  await form.fillVisitor(1, { name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司' }, { consent: false });
  await form.fillIssue(1, { category: '用电用水', summary: '厂房扩建后用电容量不足', handling: '提请交办', department: '县供电公司' });

  // A minute without input: the app locks and hides the form without closing it.
  await page.clock.fastForward('01:05');
  await expect(lockHeading(page)).toBeVisible();
  await expect(form.visitor(1)).toBeHidden();
  await screenshot(page, testInfo, 'access-03-idle-lock');
  // Ctrl+Enter (save) reaches nothing behind the lock screen.
  await page.keyboard.press('Control+Enter');
  await unlock(page, FIRST_ACCOUNT.pin);
  await expect(lockHeading(page)).toBeHidden();
  await expect(form.visitor(1).getByLabel('姓名')).toHaveValue('伍盛华');
  await expect(form.issue(1).getByLabel('问题概述')).toHaveValue('厂房扩建后用电容量不足');

  // Without the visitor's consent the reception is not saved.
  await form.save({ consent: false });
  await expect(page.getByText('请先向来访人告知个人信息的使用方式，并在来访人同意后勾选')).toBeVisible();
  expect((await form.storedCounts()).receptions).toBe(0);
  await page.getByText('查看告知内容').click();
  await expect(page.getByText(/本联络站为反映、转交和办理您提出的问题/)).toBeVisible();
  await screenshot(page, testInfo, 'access-04-consent-required');
  await form.consent.check();
  const id = await form.saveAndConfirm(1);
  const [reception] = (await readStore<{ id: string; consent?: { agreedAt: string; noticeVersion: string } }>(page, 'receptions')).filter(
    (r) => r.id === id,
  );
  expect(reception?.consent?.noticeVersion).toBeTruthy();
  expect(Date.parse(reception!.consent!.agreedAt)).not.toBeNaN();

  // Opening the saved reception and printing its form are recorded for the account.
  await page.getByRole('button', { name: '查看这条记录' }).click();
  await expect(page.getByRole('heading', { name: '修改接待记录' })).toBeVisible();
  await expect(page.getByText(/来访人已于 .+ 同意个人信息告知/)).toBeVisible();
  await expect(form.consent).toHaveCount(0);
  await page.getByRole('link', { name: '打印接待登记表' }).click();
  await expect(page.locator('.print-root[data-print-ready="true"]')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('toolbar').getByRole('button', { name: '打印', exact: true }).click();
  await expect.poll(async () => (await readStore<StoredAudit>(page, 'auditLog')).some((e) => e.action === 'access.printed')).toBe(true);

  const audit = await readStore<StoredAudit>(page, 'auditLog');
  const ofReception = audit.filter((e) => e.entityId === id).map((e) => [e.action, e.actor?.name ?? null]);
  expect(ofReception).toEqual([
    ['reception.create', FIRST_ACCOUNT.name],
    ['access.viewed', FIRST_ACCOUNT.name],
  ]);
  const printed = audit.filter((e) => e.action === 'access.printed');
  expect(printed.map((e) => [e.entity, e.entityId, e.detail.ids, e.detail.output, e.actor?.name])).toEqual([
    ['print', 'reception', [id], 'printer', FIRST_ACCOUNT.name],
  ]);
  expect(audit.filter((e) => e.action === 'staff.lock').map((e) => e.detail.reason)).toEqual(['idle']);
});

test('a station that used the app before accounts existed is walked through creating its first account, its records kept', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  const form = new ReceptionPage(page);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '登记来访' }).click();
  await page.getByRole('checkbox', { name: '张立强' }).check();
  await form.fillVisitor(1, { name: '伍盛华', enterprise: '合顺实业有限公司' });
  await form.fillIssue(1, { category: '用电用水', summary: '厂房扩建后用电容量不足', handling: '联络站协调' });
  await form.saveAndConfirm(1);

  // Leave the database as the previous version left it: a station set up months ago, no accounts.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('station-desk');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['staff', 'settings'], 'readwrite');
          tx.objectStore('staff').clear();
          const settings = tx.objectStore('settings');
          const get = settings.get('station');
          get.onsuccess = () => {
            const row = get.result as { key: string; value: { createdAt: string } };
            settings.put({ ...row, value: { ...row.value, createdAt: '2026-01-05T09:00:00.000+08:00' } });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('tx failed'));
        };
      }),
  );
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '创建第一个账号' })).toBeVisible();
  await expect(page.getByText('软件更新后增加了账号和 PIN 码。已有的记录都在，不受影响。')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, testInfo, 'access-05-first-account-after-update');

  await page.getByLabel('PIN 码（4 到 6 位数字）').fill('8642');
  await page.getByLabel('再次输入 PIN 码').fill('8643');
  await page.getByRole('button', { name: '创建账号并进入' }).click();
  await expect(page.getByText('两次输入的 PIN 码不一致')).toBeVisible();
  await expect(page.getByText('请填写姓名')).toBeVisible();

  await createFirstAccount(page, { name: '郭晓蓉', pin: '8642' });
  await expect(page.getByText('当前：郭晓蓉')).toBeVisible();
  expect(await form.storedCounts()).toMatchObject({ receptions: 1, issues: 1 });
});

test('a second window opens signed in while the session is in use; 锁定 in one window locks both', async ({ page, context }) => {
  await completeFirstRun(page);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByText(`当前：${FIRST_ACCOUNT.name}`)).toBeVisible();

  await page.getByRole('button', { name: '锁定', exact: true }).click();
  await expect(lockHeading(page)).toBeVisible();
  await expect(lockHeading(second)).toBeVisible();
  // A reload after locking stays locked.
  await second.reload();
  await expect(lockHeading(second)).toBeVisible();

  await unlock(second, FIRST_ACCOUNT.pin);
  await expect(second.getByText(`当前：${FIRST_ACCOUNT.name}`)).toBeVisible();
  await expect(page.getByText(`当前：${FIRST_ACCOUNT.name}`)).toBeVisible();
});
