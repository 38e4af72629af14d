/**
 * Backup benchmark: the benchmark history (~100,000 issues), backed up and restored as the
 * app does it (export, SHA-256, gzip, AES-GCM frames; decrypt, verify, import into a fresh
 * database, count, migrate), each beside a raw dexie-export-import export / import of the
 * same tables in the same run. Prints a table and writes the "## Backup and restore"
 * section of docs/benchmarks.md (only for a full-size history). No timed assertions.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import type { BackupBenchResult, StepResult } from './page/backupBench';
import { CHROMIUM_ARGS } from './env';
import { writeSection } from './docSection';
import { ms, ratio, table } from './stats';

const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4292);
const RECEPTIONS = Number(process.env.BENCH_RECEPTIONS ?? 40_000);
/** Backup and raw export alternate this many times each; the medians are compared. */
const ROUNDS = Number(process.env.BENCH_BACKUP_ROUNDS ?? 2);
const repo = resolve(__dirname, '../..');
const profile = resolve(repo, `test-results/bench-profile-${BENCH_PORT}`);

const mb = (n: number) => `${n.toFixed(0)} MB`;

test('backup and restore of the benchmark history', async () => {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const page = await context.newPage();
  page.on('console', (m) => console.log(`  [page] ${m.text()}`));
  await page.goto(`http://127.0.0.1:${BENCH_PORT}/bench/`);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  let counts = await page.evaluate(() => window.stationBench.counts());
  if (counts.receptions < RECEPTIONS) {
    console.log(`Filling ${RECEPTIONS} receptions…`);
    await page.evaluate((n) => window.stationBench.fill(n), RECEPTIONS - counts.receptions);
    counts = await page.evaluate(() => window.stationBench.counts());
  }
  const load: number[] = [];
  const sampler = setInterval(() => load.push(loadavg()[0]!), 5000);
  const r = await page.evaluate(
    (rounds) => (window as unknown as { stationBackupBench: { run: (rounds: number) => Promise<BackupBenchResult> } }).stationBackupBench.run(rounds),
    ROUNDS,
  );
  clearInterval(sampler);
  const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'));
  await context.close();

  const row = (name: string, step: StepResult, raw: StepResult): string[] => [
    name,
    ms(step.ms),
    ms(raw.ms),
    ratio(step.ms, raw.ms),
    mb(step.peakHeapMb),
    mb(raw.peakHeapMb),
    `${(step.bytes / 2 ** 20).toFixed(1)} MB`,
  ];
  const summary = table(
    ['Step', 'Backup / restore', 'Raw export / import', 'Ratio (target ≤ 1.5×)', 'Peak JS heap', 'Raw peak JS heap', 'Size'],
    [row('Backup (export, checksum, gzip, encrypt)', r.backup, r.rawExport), row('Restore (decrypt, verify, import, count, migrate)', r.restore, r.rawImport)],
  );
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on the project's build machine (2 CPU cores shared with other jobs; ` +
      `1-minute load average ${load.length ? `${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)}` : loadavg()[0]!.toFixed(1)}), ` +
      `Debian Chromium ${version} headless. Database: ${counts.receptions.toLocaleString('en')} receptions, ${counts.issues.toLocaleString('en')} issues ` +
      `(${r.rows.toLocaleString('en')} rows in all tables). Command: \`npm run bench:backup\`.`,
    '',
    summary,
    '',
    `Backup and raw export alternated ${ROUNDS} times each (raw first), medians compared: raw export ${r.rounds.rawExport.map(ms).join(', ')}; ` +
      `backup ${r.rounds.backup.map(ms).join(', ')}. Restore and raw import once each (restore first).`,
    '',
    `Backup time by phase (mean of the rounds): ${Object.entries(r.phases).map(([k, v]) => `${k} ${ms(v)}`).join('; ')}.`,
    '',
    `Raw: dexie-export-import \`exportDB\` to a Blob, and \`importDB\` of that Blob into a new database, in the same run. ` +
      `Backup: the app's path (renderer/src/db/backup, renderer/src/backup), file kept as Blob parts as the browser flavour's download does. ` +
      `Restore: from that file into a fresh database, deleted afterwards. Peak JS heap: highest \`performance.memory.usedJSHeapSize\` above the ` +
      `step's start, sampled every 25 ms; Blob contents live outside the JavaScript heap. Key derivation (scrypt N=2^17, r=8, p=1, once per ` +
      `password) took ${ms(r.keyMs)} and is not in the backup time (the app derives it when the password is set).`,
  ].join('\n');
  console.log(body);
  if (RECEPTIONS >= 40_000) writeSection(resolve(repo, 'docs/benchmarks.md'), '## Backup and restore', body);
});
