/**
 * The header at 1366×768 with the longest account name the form accepts (20 characters):
 * the station's name, the menu, the sync state with its 去设置 link, who is signed in and
 * 锁定 all keep their place side by side; the name is cut with an ellipsis and shown whole
 * in its tooltip.
 */
import { expect, test, type Page } from '@playwright/test';
import { SetupPage } from './pages/SetupPage';
import { createFirstAccount, SAMPLE_ROSTER, SAMPLE_STATION } from './support/setup';

const LONGEST_NAME = '欧阳'.repeat(10);

async function expectHeaderLaidOut(page: Page) {
  const header = page.locator('.shell-header');
  const boxes = await header.evaluate((el) =>
    [...el.children].map((child) => {
      const r = child.getBoundingClientRect();
      return { name: child.className, left: r.left, right: r.right };
    }),
  );
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left, `${boxes[i]!.name} starts after ${boxes[i - 1]!.name} ends`).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 0.5);
  expect(boxes.at(-1)!.right).toBeLessThanOrEqual(1366);
  // The station's name is shown whole.
  const title = header.locator('.shell-title strong');
  expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(header.getByTitle(`当前：${LONGEST_NAME}`)).toBeVisible();
}

test('the header keeps its parts apart with a 20-character account name', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const setup = new SetupPage(page);
  await setup.goto();
  await setup.fillStation(SAMPLE_STATION);
  await setup.fillRoster(SAMPLE_ROSTER);
  await setup.save();
  await createFirstAccount(page, { name: LONGEST_NAME, pin: '135790' });
  await expect(page.getByRole('heading', { name: '今日接待' })).toBeVisible();
  await expectHeaderLaidOut(page);
  // 设置 shows the sync state's 去设置 link: the widest header there is.
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('link', { name: /去设置/ })).toBeVisible();
  await expectHeaderLaidOut(page);
});
