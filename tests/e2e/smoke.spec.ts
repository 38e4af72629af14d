import { expect, test } from '@playwright/test';

test('first run screen appears on a fresh profile', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible();
});
