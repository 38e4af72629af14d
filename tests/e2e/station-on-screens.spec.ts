/**
 * Screens opened long after the start show what they show at once: the station from the
 * app's gate and the duty day from DutyDayNow, both read live for the whole app, and
 * Today's receptions and 待办 as last shown while they are read again (the read made at
 * start is only used for its first seconds, so a screen's own read began without it and
 * showed 正在读取… for a moment). What is read live is never an old state.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { CloseDutyDayPage } from './pages/CloseDutyDayPage';
import { TodayPage } from './pages/TodayPage';
import { screenshot } from './support/a11y';
import { signInIfAsked } from './support/stationDump';
import { completeFirstRun, openDutyDay, SAMPLE_STATION } from './support/setup';

/** Records whether anything in <main> reads 正在读取… or waits empty (aria-busy) from now on. */
async function watchForLoading(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { sawLoading: string[] };
    w.sawLoading = [];
    const look = () => {
      const main = document.querySelector('main');
      if (!main) return;
      if (main.textContent?.includes('正在读取')) w.sawLoading.push(main.textContent.slice(0, 80));
      for (const busy of main.querySelectorAll('[aria-busy="true"]')) w.sawLoading.push(`busy: ${busy.getAttribute('aria-label') ?? busy.tagName}`);
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

async function loadingSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { sawLoading: string[] }).sawLoading);
}

test('设置 opened a while after the start shows the station without a loading step', async ({ page }) => {
  await completeFirstRun(page);
  // Past the few seconds the read made at start is used for.
  await page.waitForTimeout(6_000);
  await page.evaluate(() => {
    const w = window as unknown as { sawLoading: boolean };
    w.sawLoading = false;
    new MutationObserver(() => {
      const section = document.querySelector('section[aria-labelledby="settings-station"]');
      if (section?.textContent?.includes('正在读取…')) w.sawLoading = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('region', { name: '联络站信息' }).getByLabel('联络站名称')).toHaveValue(SAMPLE_STATION.name);
  expect(await page.evaluate(() => (window as unknown as { sawLoading: boolean }).sawLoading)).toBe(false);
});

test('今日接待 opened again a while after the start shows the duty day and 待办 without a loading step', async ({ page }, testInfo) => {
  await completeFirstRun(page);
  await openDutyDay(page);
  const nav = page.getByRole('navigation', { name: '主菜单' });
  await nav.getByRole('link', { name: '历史查询' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(6_000);
  await watchForLoading(page);
  await nav.getByRole('link', { name: '今日接待' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /今日接待 · / })).toBeVisible();
  await expect(page.getByRole('region', { name: '待办' })).toBeVisible();
  expect(await loadingSeen(page)).toEqual([]);
  await screenshot(page, testInfo, 'today-opened-again');
});

test('a duty day closed in another window is shown closed when 今日接待 is opened again, never open for a moment', async ({ page, context }) => {
  await completeFirstRun(page);
  await openDutyDay(page);
  const nav = page.getByRole('navigation', { name: '主菜单' });
  await nav.getByRole('link', { name: '历史查询' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const other = await context.newPage();
  await other.goto('/#/duty/close');
  await signInIfAsked(other);
  await new CloseDutyDayPage(other).confirmClose();

  await page.evaluate(() => {
    const w = window as unknown as { sawOpen: boolean };
    w.sawOpen = false;
    new MutationObserver(() => {
      if (document.querySelector('main')?.textContent?.includes('在岗代表')) w.sawOpen = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await nav.getByRole('link', { name: '今日接待' }).click();
  await new TodayPage(page).expectClosedToday();
  expect(await page.evaluate(() => (window as unknown as { sawOpen: boolean }).sawOpen)).toBe(false);
});
