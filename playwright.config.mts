/**
 * End-to-end tests in Debian's Chromium against the browser flavour of the renderer
 * (built once and served by `vite preview`). Each test gets fresh storage.
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--lang=zh-CN',
];

/**
 * Chromium on Linux takes its UI language (date inputs, built-in messages) from these
 * variables, not from --lang; with chromium-l10n installed the browser then looks like the
 * desktop app on a station PC.
 */
export const CHROMIUM_ENV = { ...process.env, LANGUAGE: 'zh_CN:zh', LANG: 'zh_CN.UTF-8' };

/** Each run builds and serves its own copy, so parallel runs on one machine never share a stale build. */
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = `out/browser-e2e-${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: `test-results/e2e-${port}`,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, env: CHROMIUM_ENV },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite build --config vite.browser.config.mts --outDir ${outDir} --logLevel warn && npx vite preview --config vite.browser.config.mts --outDir ${outDir} --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
