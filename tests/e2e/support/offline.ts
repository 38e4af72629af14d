/**
 * Cutting the network in the browser flavour. Screens' code is loaded lazily and then
 * fetched in the background; a test that goes offline before that finished would test a
 * first start without the network, not a desk that lost it. So wait until every screen's
 * code is in (the app marks <html data-screens-loaded>), then cut.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test';

export async function goOffline(page: Page, context: BrowserContext): Promise<void> {
  await expect(page.locator('html[data-screens-loaded="true"]')).toBeAttached({ timeout: 30_000 });
  await context.setOffline(true);
}
