/**
 * Screens opened long after the start show the station at once: they take it from the
 * app's gate, which reads it live, instead of each reading it again (the read made at
 * start is only used for its first seconds, so a screen's own read began without it and
 * showed 正在读取… for a moment).
 */
import { expect, test } from '@playwright/test';
import { completeFirstRun, SAMPLE_STATION } from './support/setup';

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
