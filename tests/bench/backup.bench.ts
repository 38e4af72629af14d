/**
 * Backup benchmark: the benchmark history (~100,000 issues), backed up and restored as the
 * app does it (the export streamed through SHA-256, gzip and AES-GCM frames; decrypt,
 * gunzip, import page by page into a fresh database, verify, count, migrate), each beside a raw dexie-export-import export / import of the
 * same tables in the same run. Prints a table and writes the "## Backup and restore"
 * section of docs/benchmarks.md (for a full-size history, or any size with
 * BENCH_WRITE_DOC=1; the text names the size). BENCH_FILL_ONLY=1 fills the profile and
 * stops, so a long fill and the measurement can hold the bench lock separately.
 * BENCH_HEAP_CAP_MB=<n> limits V8's heap in the renderer to n MB, below the size of
 * the export, and runs the app's backup and restore alone: they must finish and verify
 * (a renderer out of memory fails the run), which shows they stream rather than hold the
 * database; that run writes "## Backup and restore under a heap cap" instead.
 * No timed assertions.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import type { BackupBenchOptions, BackupBenchResult, PhaseResult, StepResult } from './page/backupBench';
import { CHROMIUM_ARGS } from './env';
import { writeSection } from './docSection';
import { processPeaks } from './processMemory';
import { ms, ratio, table } from './stats';

const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4292);
const RECEPTIONS = Number(process.env.BENCH_RECEPTIONS ?? 40_000);
/** Backup and raw export alternate this many times each; the medians are compared. */
const ROUNDS = Number(process.env.BENCH_BACKUP_ROUNDS ?? 2);
/** Restore and raw import alternate this many times each (each several minutes on a big history). */
const RESTORE_ROUNDS = Number(process.env.BENCH_RESTORE_ROUNDS ?? ROUNDS);
/** The restore pairs alternate which goes first; this makes the first pair start with the restore. */
const RESTORE_FIRST = process.env.BENCH_RESTORE_FIRST === '1';
/** V8 heap limit (young and old generation) for the renderer in MB (0: Chromium's own). */
const HEAP_CAP_MB = Number(process.env.BENCH_HEAP_CAP_MB ?? 0);
/** The raw baselines run unless the heap is capped (BENCH_RAW=1 runs them under the cap too; BENCH_RAW=import only the raw import, of the warm-up's export). */
const RAW: BackupBenchOptions['raw'] = HEAP_CAP_MB === 0 || process.env.BENCH_RAW === '1' ? 'all' : process.env.BENCH_RAW === 'import' ? 'import' : 'none';
const WITH_RAW = RAW === 'all';
const repo = resolve(__dirname, '../..');
const profile = resolve(repo, `test-results/bench-profile-${BENCH_PORT}`);

const mb = (n: number) => `${n.toFixed(0)} MB`;
const timesWord = (n: number) => (n === 1 ? 'once' : `${n} times`);

test('backup and restore of the benchmark history', async () => {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // One --js-flags switch: Chromium keeps only the last one given. --max-heap-size caps the
    // whole V8 heap (young and old generation); --max-old-space-size alone left a 144 MB limit for 48.
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', `--js-flags=--expose-gc${HEAP_CAP_MB > 0 ? ` --max-heap-size=${HEAP_CAP_MB}` : ''}`],
  });
  const page = await context.newPage();
  page.on('console', (m) => console.log(`  [page] ${new Date().toISOString().slice(11, 19)} ${m.text()}`));
  page.on('crash', () => console.log(`  [page] renderer crashed at ${new Date().toISOString().slice(11, 19)} (out of memory under a heap cap of ${HEAP_CAP_MB || 'none'} MB?)`));
  await page.goto(`http://127.0.0.1:${BENCH_PORT}/bench/`);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  let counts = await page.evaluate(() => window.stationBench.counts());
  const filled = counts.receptions < RECEPTIONS;
  if (filled) {
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
    (options) => (window as unknown as { stationBackupBench: { run: (o: BackupBenchOptions) => Promise<BackupBenchResult> } }).stationBackupBench.run(options),
    { rounds: ROUNDS, restoreRounds: RESTORE_ROUNDS, restoreFirst: RESTORE_FIRST, raw: RAW } satisfies BackupBenchOptions,
  );
  clearInterval(sampler);
  load.push(loadavg()[0]!);
  const peaks = processPeaks(profile);
  const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'));
  await context.close();

  const row = (name: string, step: StepResult, raw: StepResult | null): string[] => [
    name,
    ms(step.ms),
    raw ? ms(raw.ms) : 'not run',
    raw ? ratio(step.ms, raw.ms) : '—',
    mb(step.peakHeapMb),
    raw ? mb(raw.peakHeapMb) : '—',
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
  const times = (steps: StepResult[]) => (steps.length ? steps.map((s) => `${ms(s.ms)} (+${mb(s.peakHeapMb)})`).join(', ') : 'not run');
  const exportMb = r.exportBytes / 2 ** 20;
  const memoryLine =
    `The app's export (before gzip) ${exportMb.toFixed(1)} MB` +
    (r.rawExportBytes === null ? '; ' : ` (dexie-export-import's JSON of the same tables ${(r.rawExportBytes / 2 ** 20).toFixed(1)} MB); `) +
    (HEAP_CAP_MB > 0
      ? `**heap cap: V8 heap limited to ${HEAP_CAP_MB} MB** (\`--js-flags=--max-heap-size=${HEAP_CAP_MB}\`, ${(HEAP_CAP_MB / exportMb).toFixed(2)}× the export; the page saw a heap limit of ${r.heapLimitMb.toFixed(0)} MB). ` +
        `Backup and restore finished, the restore verified (SHA-256 of the export, every table's row count)` +
        `${HEAP_CAP_MB < exportMb ? ' — a program holding the whole export, or all the rows, in the JavaScript heap could not have run' : ' — but the cap is not below the export, so this does not show streaming'}. ` +
        `${WITH_RAW ? 'The raw baselines ran under the same cap.' : RAW === 'import' ? 'Of the raw baselines only the import ran, under the same cap.' : 'The raw baselines were not run under the cap.'} `
      : `no heap cap (Chromium's own limit, ${r.heapLimitMb.toFixed(0)} MB). `) +
    `Peak resident memory over the whole run (VmHWM; the browser's start, ${filled ? 'the fill, ' : ''}the warm-up ${RAW === 'import' ? 'export' : 'backup'}${WITH_RAW ? ' and the raw steps' : ''} included): ` +
    `renderer ${peaks.rendererMb === null ? 'not found' : mb(peaks.rendererMb)}, browser process (Blob contents, IndexedDB) ${peaks.browserMb === null ? 'not found' : mb(peaks.browserMb)}.`;
  const body = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on the project's build machine (2 CPU cores shared with other jobs; ` +
      `1-minute load average ${Math.min(...load).toFixed(1)}–${Math.max(...load).toFixed(1)} during the run), ` +
      `Debian Chromium ${version} headless. Database: ${counts.receptions.toLocaleString('en')} receptions, ${counts.issues.toLocaleString('en')} issues ` +
      `(${r.rows.toLocaleString('en')} rows in all tables)${counts.receptions < 40_000 ? ` — **a smaller history than the full 100,000-issue benchmark (40,000 receptions)**` : ''}. ` +
      `Command: \`${HEAP_CAP_MB > 0 ? `BENCH_HEAP_CAP_MB=${HEAP_CAP_MB} ` : ''}BENCH_RECEPTIONS=${RECEPTIONS} BENCH_BACKUP_ROUNDS=${ROUNDS} BENCH_RESTORE_ROUNDS=${RESTORE_ROUNDS}${RESTORE_FIRST ? ' BENCH_RESTORE_FIRST=1' : ''} npm run bench:backup\`.`,
    '',
    memoryLine,
    '',
    summary,
    '',
    (WITH_RAW
      ? `Backup and raw export alternated ${timesWord(ROUNDS)} each, then raw import and restore ${timesWord(RESTORE_ROUNDS)} each (${RESTORE_FIRST ? 'restore' : 'raw'} first, then alternating which goes first), medians compared; every run with its peak heap: `
      : `Backup ${timesWord(ROUNDS)}, then restore ${timesWord(RESTORE_ROUNDS)}; every run with its peak heap: `) +
      `raw export ${times(r.rounds.rawExport)}; backup ${times(r.rounds.backup)}; raw import ${times(r.rounds.rawImport)}; restore ${times(r.rounds.restore)}.`,
    '',
    `Backup by phase (mean time of the rounds, highest heap): ${phaseList(r.phases.backup)}.`,
    '',
    `Restore by phase: ${phaseList(r.phases.restore)}.`,
    '',
    `Raw: dexie-export-import \`exportDB\` to a Blob, and \`importDB\` of that Blob into a new database, in the same run. ` +
      `Backup: the app's path (renderer/src/db/backup, renderer/src/backup): one read transaction, pages of about 1 MiB of rows streamed through the checksum, gzip and encryption, ` +
      `the file kept as Blob parts as the browser flavour's download does (the desktop app writes them to disk through main). ` +
      `Restore: from that file into a fresh database, page by page as the frames are decrypted. The imported databases are deleted after each step, outside its time. Peak JS heap: highest \`performance.memory.usedJSHeapSize\` (which in Chromium includes ArrayBuffer memory) above the ` +
      `lowest heap of the step (each step starts after a forced collection, the run after an untimed warm-up), sampled every 25 ms; Blob contents live outside the JavaScript heap. Key derivation (scrypt N=2^17, r=8, p=1, once per ` +
      `password) took ${ms(r.keyMs)} and is not in the backup time (the app derives it when the password is set).`,
  ].join('\n');
  console.log(body);
  writeFileSync(resolve(repo, `test-results/bench-backup-section-${counts.receptions}${HEAP_CAP_MB > 0 ? `-cap${HEAP_CAP_MB}` : ''}.md`), `${body}\n`);
  const heading = HEAP_CAP_MB > 0 ? '## Backup and restore under a heap cap' : '## Backup and restore';
  if (RECEPTIONS >= 40_000 || process.env.BENCH_WRITE_DOC === '1') writeSection(resolve(repo, 'docs/benchmarks.md'), heading, body);
});
