/**
 * The Playwright config the in-browser benchmarks share: the browser flavour and the
 * benchmark page built into one directory and served from one origin on the benchmark's
 * port. One worker, one long test; the filled browser profile is kept between runs.
 */
import { resolve } from 'node:path';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

export function benchConfig(opts: { testMatch: string; port: number; timeoutMinutes: number; outputDir: string }): PlaywrightTestConfig {
  const repo = resolve(import.meta.dirname, '../..');
  const outDir = resolve(repo, `out/bench-${opts.port}`);
  return defineConfig({
    testDir: '.',
    testMatch: opts.testMatch,
    timeout: opts.timeoutMinutes * 60_000,
    workers: 1,
    retries: 0,
    reporter: [['list']],
    outputDir: `../../test-results/${opts.outputDir}`,
    use: { baseURL: `http://127.0.0.1:${opts.port}` },
    webServer: {
      command:
        `npx vite build --config vite.browser.config.mts --outDir ${outDir} --logLevel warn && ` +
        `npx vite build --config tests/bench/vite.bench.config.mts --outDir ${outDir}/bench --logLevel warn && ` +
        `npx vite preview --config vite.browser.config.mts --outDir ${outDir} --port ${opts.port} --strictPort`,
      cwd: repo,
      url: `http://127.0.0.1:${opts.port}/bench/`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: { ...process.env, BENCH_PORT: String(opts.port) } as Record<string, string>,
    },
  });
}
