/** Screenshots of the main screens for the README and docs: `npm run screenshots`. */
import { resolve } from 'node:path';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import base from '../../playwright.config.mts';

const webServer = base.webServer as NonNullable<PlaywrightTestConfig['webServer']> & { command: string; url: string };

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.screens.ts',
  reporter: [['list']],
  workers: 1,
  webServer: { ...webServer, cwd: resolve(import.meta.dirname, '../..') },
});
