/**
 * `npm run bench:print`: not part of `npm test`. Builds and serves the browser flavour
 * like the end-to-end config, on its own port (E2E_PORT, default 4193), and runs the
 * print benchmark in Debian's Chromium.
 */
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4193);
const repo = resolve(import.meta.dirname, '../..');
const outDir = `out/browser-bench-print-${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: 'print.bench.ts',
  timeout: 300_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/bench-print',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `npx vite build --config vite.browser.config.mts --outDir ${outDir} --logLevel warn && npx vite preview --config vite.browser.config.mts --outDir ${outDir} --port ${port} --strictPort`,
    cwd: repo,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
