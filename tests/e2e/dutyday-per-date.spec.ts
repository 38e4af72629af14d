/**
 * One duty day per date, through the real screens from the home screen: after today's
 * day is closed, Today says so instead of inviting a second one; the open-day screen
 * refuses a date that already has a day; reopening is explicit, with a confirmation and
 * a reason.
 */
import { expect, test } from '@playwright/test';
import { screenshot } from './support/a11y';
import { completeFirstRun } from './support/setup';
import { CloseDutyDayPage } from './pages/CloseDutyDayPage';
import { OpenDutyDayPage } from './pages/OpenDutyDayPage';
import { TodayPage } from './pages/TodayPage';

test('a date has one duty day; a closed one is reopened, not doubled', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  const today = new TodayPage(page);
  const open = new OpenDutyDayPage(page);
  const close = new CloseDutyDayPage(page);
  const [todayKey, yesterdayKey] = await page.evaluate(() => {
    const key = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const now = new Date();
    return [key(now), key(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))];
  });

  // Yesterday's day, opened and closed late.
  await today.startDutyDayLink.click();
  await expect(open.heading).toBeVisible();
  await open.dateInput.fill(yesterdayKey);
  await open.tickAll();
  await open.start();
  await today.expectOpenDay();
  await today.closeDutyDayLink.click();
  await close.confirmClose();
  await page.getByRole('link', { name: '今日接待' }).first().click();

  // Today has no day yet: the invitation stands, but yesterday cannot get a second one.
  await today.startDutyDayLink.click();
  await expect(open.dateInput).toBeFocused();
  await open.dateInput.fill(yesterdayKey);
  const taken = page.getByRole('alert').filter({ hasText: '已经有一个接待日（已结束）' });
  await expect(taken).toBeVisible();
  await expect(taken.getByRole('button', { name: '重新打开这个接待日' })).toBeVisible();
  await expect(open.startButton).toBeDisabled();
  await screenshot(page, testInfo, 'dutyday-per-date-01-date-taken');

  // Today's day: opened, closed.
  await open.dateInput.fill(todayKey);
  await expect(taken).toBeHidden();
  await open.tickAll();
  await open.start();
  await today.expectOpenDay();
  await today.closeDutyDayLink.click();
  await close.confirmClose();
  await page.getByRole('link', { name: '今日接待' }).first().click();

  // Today no longer invites a second day.
  await expect(page.getByText(/今天（.+）的接待日已经结束/)).toBeVisible();
  await expect(today.startDutyDayLink).toHaveCount(0);
  await expect(page.getByRole('link', { name: '直接登记来访' })).toBeVisible();
  await screenshot(page, testInfo, 'dutyday-per-date-02-today-closed');

  // Reopening asks first, and wants a reason.
  await page.getByRole('button', { name: '重新打开这个接待日' }).click();
  const dialog = page.getByRole('dialog', { name: /重新打开.+的接待日？/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('已经封存的问题清单不会改变');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(today.startDutyDayLink).toHaveCount(0);

  await page.getByRole('button', { name: '重新打开这个接待日' }).click();
  await dialog.getByRole('button', { name: '确认重新打开' }).click();
  await expect(dialog.getByText('请填写重新打开的原因')).toBeVisible();
  await dialog.getByLabel('重新打开的原因').fill('漏登了一位下午来访的企业负责人');
  await screenshot(page, testInfo, 'dutyday-per-date-03-reopen-confirm');
  await dialog.getByRole('button', { name: '确认重新打开' }).click();
  await today.expectOpenDay();
  await expect(page.getByRole('heading', { name: /今日接待 · .+接待日/ })).toBeVisible();

  // Still one day per date in the store, and the reopening is in the audit log.
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('station-desk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('read failed'));
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      });
    const days = await all<{ date: string; status: string }>('dutyDays');
    const audit = await all<{ action: string; detail: { reason?: string } }>('auditLog');
    db.close();
    return { days, reopen: audit.filter((a) => a.action === 'dutyDay.reopen').map((a) => a.detail.reason) };
  });
  expect(stored.days.map((d) => d.date).sort()).toEqual([yesterdayKey, todayKey]);
  expect(stored.days.find((d) => d.date === todayKey)?.status).toBe('open');
  expect(stored.reopen).toEqual(['漏登了一位下午来访的企业负责人']);
});
