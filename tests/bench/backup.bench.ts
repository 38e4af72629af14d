/**
 * Backup benchmark: the benchmark history (~100,000 issues), backed up and restored as the
 * app does it (export, SHA-256, gzip, AES-GCM frames; decrypt, verify, import into a fresh
 * database, count, migrate), each beside a raw dexie-export-import export / import of the
 * same tables in the same run. Prints a table and writes the "## Backup and restore"
 * section of docs/benchmarks.md (for a full-size history, or any size with
 * BENCH_WRITE_DOC=1; the text names the size). BENCH_FILL_ONLY=1 fills the profile and
 * stops, so a long fill and the measurement can hold the bench lock separately.
 * No timed assertions.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import type { BackupBenchResult, PhaseResult, StepResult } from './page/backupBench';
import { CHROMIUM_ARGS } from './env';
import { writeSection } from './docSection';
import { ms, ratio, table } from './stats';

const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4292);
const RECEPTIONS = Number(process.env.BENCH_RECEPTIONS ?? 40_000);
/** Backup and raw export alternate this many times each; the medians are compared. */
const ROUNDS = Number(process.env.BENCH_BACKUP_ROUNDS ?? 2);
/** Restore and raw import alternate this many times each (each several minutes on a big history). */
const RESTORE_ROUNDS = Number(process.env.BENCH_RESTORE_ROUNDS ?? ROUNDS);
/** The restore pairs alternate which goes first; this makes the first pair start with the restore. */
const RESTORE_FIRST = process.env.BENCH_RESTORE_FIRST === '1';
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
  if (process.env.BENCH_FILL_ONLY === '1') {
    console.log(`Filled: ${counts.receptions} receptions, ${counts.issues} issues; BENCH_FILL_ONLY set, nothing measured.`);
    await context.close();
    return;
  }
  const load: number[] = [loadavg()[0]!];
  const sampler = setInterval(() => load.push(loadavg()[0]!), 5000);
  const r = await page.evaluate(
    ([rounds, restoreRounds, restoreFirst]) =>
      (
        window as unknown as { stationBackupBench: { run: (rounds: number, restoreRounds: number, restoreFirst: boolean) => Promise<BackupBenchResult> } }
      ).stationBackupBench.run(rounds, restoreRounds, restoreFirst),
    [ROUNDS, RESTORE_ROUNDS, RESTORE_FIRST] as const,
  );
  clearInterval(sampler);
  load.push(loadavg()[0]!);
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
  const phaseList = (phases: Record<string, PhaseResult>) =>
    Object.entries(phases)
      .map(([k, v]) => `${k} ${ms(v.ms)} (heap +${mb(v.peakHeapMb)})`)
      .join('; ');
  const times = (steps: StepResult[]) => steps.map((s) => `${ms(s.ms)} (+${mb(s.peakHeapMb)})`).join(', ');
  const body = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on the project's build machine (2 CPU cores shared with other jobs; ` +
      `1-minute load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} during the run), ` +
      `Debian Chromium ${version} headless. Database: ${counts.receptions.toLocaleString('en')} receptions, ${counts.issues.toLocaleString('en')} issues ` +
      `(${r.rows.toLocaleString('en')} rows in all tables)${counts.receptions < 40_000 ? ` — **a smaller history than the full 100,000-issue benchmark (40,000 receptions)**` : ''}. ` +
      `Command: \`BENCH_RECEPTIONS=${RECEPTIONS} npm run bench:backup\`.`,
    '',
    summary,
    '',
    `Backup and raw export alternated ${ROUNDS} times each, then raw import and restore ${RESTORE_ROUNDS} times each (${RESTORE_FIRST ? 'restore' : 'raw'} first, then alternating which goes first), medians compared; every run with its peak heap: ` +
      `raw export ${times(r.rounds.rawExport)}; backup ${times(r.rounds.backup)}; raw import ${times(r.rounds.rawImport)}; restore ${times(r.rounds.restore)}.`,
    '',
    `Backup by phase (mean time of the rounds, highest heap): ${phaseList(r.phases.backup)}.`,
    '',
    `Restore by phase: ${phaseList(r.phases.restore)}.`,
    '',
    `Raw: dexie-export-import \`exportDB\` to a Blob, and \`importDB\` of that Blob into a new database, in the same run. ` +
      `Backup: the app's path (renderer/src/db/backup, renderer/src/backup), file kept as Blob parts as the browser flavour's download does. ` +
      `Restore: from that file into a fresh database. The imported databases are deleted after each step, outside its time. Peak JS heap: highest \`performance.memory.usedJSHeapSize\` above the ` +
      `lowest heap of the step (each step starts after a forced collection), sampled every 25 ms; Blob contents live outside the JavaScript heap. Key derivation (scrypt N=2^17, r=8, p=1, once per ` +
      `password) took ${ms(r.keyMs)} and is not in the backup time (the app derives it when the password is set).`,
  ].join('\n');
  console.log(body);
  writeFileSync(resolve(repo, `test-results/bench-backup-section-${counts.receptions}.md`), `${body}\n`);
  if (RECEPTIONS >= 40_000 || process.env.BENCH_WRITE_DOC === '1') writeSection(resolve(repo, 'docs/benchmarks.md'), '## Backup and restore', body);
});
