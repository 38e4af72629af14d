/** `npm run bench:print`: the e2e setup (same build, same Chromium) pointed at the print benchmark. */
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../../playwright.config.mts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const server = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'print.bench.ts',
  workers: 1,
  timeout: 300_000,
  reporter: [['list']],
  outputDir: '../../test-results/bench-print',
  // The build command runs from the repository root, as in the e2e config.
  webServer: server ? { ...server, cwd: root } : undefined,
});
