/**
 * The reception-desk benchmark (`npm run bench`): not part of `npm test`. Builds the
 * browser flavour and the benchmark page into one directory and serves them from one
 * origin. One worker, one long test; the filled browser profile is kept between runs.
 */
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

// Same default as ./env.ts (the driver's side).
const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4290);
const repo = resolve(import.meta.dirname, '../..');
const outDir = resolve(repo, `out/bench-${BENCH_PORT}`);

export default defineConfig({
  testDir: '.',
  testMatch: 'reception.bench.ts',
  // A first run fills 100,000 issues, and a profile from an older schema upgrades on first open (v2→v3 took over 15 min here).
  timeout: 60 * 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../test-results/bench',
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
  },
});
