/**
 * The backup benchmark (`npm run bench:backup`): same build and origin as the reception
 * benchmark (playwright.bench.config.mts), its own port and filled profile.
 */
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4292);
const repo = resolve(import.meta.dirname, '../..');
const outDir = resolve(repo, `out/bench-${BENCH_PORT}`);

export default defineConfig({
  testDir: '.',
  testMatch: 'backup.bench.ts',
  timeout: 90 * 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/bench-backup',
  use: { baseURL: `http://127.0.0.1:${BENCH_PORT}` },
  webServer: {
    command:
      `npx vite build --config vite.browser.config.mts --outDir ${outDir} --logLevel warn && ` +
      `npx vite build --config tests/bench/vite.bench.config.mts --outDir ${outDir}/bench --logLevel warn && ` +
      `npx vite preview --config vite.browser.config.mts --outDir ${outDir} --port ${BENCH_PORT} --strictPort`,
    cwd: repo,
    url: `http://127.0.0.1:${BENCH_PORT}/bench/`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { ...process.env, BENCH_PORT: String(BENCH_PORT) } as Record<string, string>,
  },
});
