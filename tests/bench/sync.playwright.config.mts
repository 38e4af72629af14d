/**
 * The sync benchmark (`npm run bench:sync`): not part of `npm test`. Serves the browser
 * flavour on its own port; the test starts real county endpoint processes itself.
 */
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.SYNC_BENCH_PORT ?? 4292);
const repo = resolve(import.meta.dirname, '../..');
const outDir = resolve(repo, `out/bench-sync-${port}`);
/** SYNC_BENCH_PROFILE=1 keeps names readable in the CPU profiles the benchmark writes. */
const minify = process.env.SYNC_BENCH_PROFILE ? ' --minify false' : '';

export default defineConfig({
  testDir: '.',
  testMatch: 'sync.bench.ts',
  timeout: 20 * 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/bench-sync',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-precise-memory-info'] },
  },
  webServer: {
    command: `npx vite build --config vite.browser.config.mts --outDir ${outDir} --logLevel warn${minify} && npx vite preview --config vite.browser.config.mts --outDir ${outDir} --port ${port} --strictPort`,
    cwd: repo,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
