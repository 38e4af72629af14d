/**
 * The county address and the station token, as a clerk meets them in 设置: plain http to
 * another host is refused with a Chinese message, and saving another address clears the
 * stored token (the token never follows an address change) and says so.
 */
import { expect, test } from '@playwright/test';
import { completeFirstRun } from './support/setup';

test('设置: http to another host is refused; a new address clears the token and says so', async ({ page }) => {
  await completeFirstRun(page);
  await page.getByRole('link', { name: '设置', exact: true }).click();
  const address = page.getByLabel('县里系统地址');
  const token = page.getByLabel('联络站令牌');
  const save = page.getByRole('form', { name: '县级平台连接' }).getByRole('button', { name: '保存', exact: true });

  await address.fill('http://rd.jianghai.gov.cn/lianluo');
  await token.fill('st-3f9a1c7e-county-token-9b2d');
  await save.click();
  await expect(page.getByRole('alert')).toContainText('必须以 https:// 开头');
  await expect(token).toHaveAttribute('placeholder', /尚未设置/);

  await address.fill('https://rd.jianghai.gov.cn/lianluo');
  await save.click();
  await expect(page.getByText('已保存。', { exact: true })).toBeVisible();
  await expect(token).toHaveAttribute('placeholder', /已设置.*••••9b2d/);

  // The same address written with a trailing slash keeps the token.
  await address.fill('https://rd.jianghai.gov.cn/lianluo/');
  await save.click();
  await expect(page.getByText('已保存。', { exact: true })).toBeVisible();
  await expect(token).toHaveAttribute('placeholder', /已设置/);

  await address.fill('https://rd.jianghai.gov.cn.example.net/lianluo');
  await save.click();
  await expect(page.getByText(/原来的令牌已清除/)).toBeVisible();
  await expect(token).toHaveAttribute('placeholder', /尚未设置/);
  expect(await page.evaluate(() => localStorage.getItem('stationDesk.token'))).toBeNull();
});
