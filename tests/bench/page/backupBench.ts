/**
 * Backup benchmark, in the page (window.stationBackupBench): a backup and a restore of the
 * filled database exactly as the app makes them, each beside a raw dexie-export-import
 * export / import of the same tables in the same run. Peak JavaScript heap is sampled
 * every 25 ms during each step (Chromium's performance.memory with precise memory info),
 * after a forced collection, and split by phase so a phase that grows with the database
 * shows up.
 */
import { Dexie } from 'dexie';
import { exportDB, importDB, peakImportFile } from 'dexie-export-import';
import { getDb } from '../../../renderer/src/db/database';
import { restoreFromBackup, writeStationBackup } from '../../../renderer/src/db/backup/backupFile';
import { deriveBackupKey } from '../../../renderer/src/backup/keys';
import { blobSource, openBackup, unlockWithKey } from '../../../renderer/src/backup/readBackup';

export interface StepResult {
  ms: number;
  peakHeapMb: number;
  baseHeapMb: number;
  bytes: number;
}

export interface PhaseResult {
  /** Mean time over the rounds. */
  ms: number;
  /** Highest heap above the step's start during this phase, over all rounds. */
  peakHeapMb: number;
}

export interface BackupBenchOptions {
  /** Backup / raw export pairs. */
  rounds: number;
  /** Restore / raw import pairs. */
  restoreRounds: number;
  /** The first restore pair starts with the restore. */
  restoreFirst: boolean;
  /**
   * Run the raw dexie-export-import baselines ('all'); a heap-capped run leaves them out
   * ('none') and times the app's path alone, or runs only the raw import ('import', of the
   * warm-up's export, which prints its progress) to see how far importDB gets.
   */
  raw: 'all' | 'import' | 'none';
}

export interface BackupBenchResult {
  /** Medians over the alternated rounds (each step's own runs in `rounds`); null when the raw baselines were left out. */
  rawExport: StepResult | null;
  rawImport: StepResult | null;
  backup: StepResult;
  restore: StepResult;
  rounds: { rawExport: StepResult[]; backup: StepResult[]; rawImport: StepResult[]; restore: StepResult[] };
  keyMs: number;
  rows: number;
  /** The app's export (before gzip) in bytes: what a backup holding the whole database in memory would hold. */
  exportBytes: number;
  /** dexie-export-import's export of the same tables, in bytes (null when the raw export did not run). */
  rawExportBytes: number | null;
  /** V8's heap limit as the page sees it (performance.memory.jsHeapSizeLimit), in MB: shows a heap cap took effect. */
  heapLimitMb: number;
  /** Where the backup's and the restore's time and heap go. */
  phases: { backup: Record<string, PhaseResult>; restore: Record<string, PhaseResult> };
  /** 1-minute load average is read by the driver; the page records when each step ran. */
  log: string[];
}

const memory = (): { usedJSHeapSize: number; jsHeapSizeLimit: number } | undefined =>
  (performance as unknown as { memory?: { usedJSHeapSize: number; jsHeapSizeLimit: number } }).memory;
const heap = (): number => memory()?.usedJSHeapSize ?? 0;
const gc = (): void => (window as unknown as { gc?: () => void }).gc?.();

/** The running step: its base heap and the highest heap seen since the last phase mark. */
const sampling = { base: 0, peak: 0, phaseStart: 0 };

async function measured<T>(run: () => Promise<T>, bytesOf: (t: T) => number): Promise<{ result: T; step: StepResult }> {
  // Collected first, so every step starts from the same live heap, whatever the last one left.
  gc();
  await new Promise((r) => setTimeout(r, 50));
  const base = heap();
  let peak = base;
  sampling.base = base;
  sampling.peak = base;
  let lowest = base;
  const timer = setInterval(() => {
    const h = heap();
    peak = Math.max(peak, h);
    lowest = Math.min(lowest, h);
    sampling.peak = Math.max(sampling.peak, h);
    sampling.base = Math.min(sampling.base, h);
  }, 25);
  const start = performance.now();
  sampling.phaseStart = start;
  const result = await run();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, heap());
  // Measured from the lowest heap of the step: a forced collection does not always free
  // what the page held before (once 127 MB, freed during the next step), and a peak taken
  // above such a base would hide the step's own growth.
  return { result, step: { ms, peakHeapMb: (peak - lowest) / 2 ** 20, baseHeapMb: lowest / 2 ** 20, bytes: bytesOf(result) } };
}

/** Closes a phase of the running step: its time (averaged over `rounds`) and peak heap. */
function phaseRecorder(rounds: number) {
  const phases: Record<string, PhaseResult> = {};
  return {
    phases,
    lap(name: string): void {
      const now = performance.now();
      sampling.peak = Math.max(sampling.peak, heap());
      const p = (phases[name] ??= { ms: 0, peakHeapMb: 0 });
      p.ms += (now - sampling.phaseStart) / rounds;
      p.peakHeapMb = Math.max(p.peakHeapMb, (sampling.peak - sampling.base) / 2 ** 20);
      // Printed as it happens: if the renderer runs out of memory, the last line names the phase before the one that did.
      console.log(`phase done: ${name}, ${(now - sampling.phaseStart).toFixed(0)} ms, heap +${((sampling.peak - sampling.base) / 2 ** 20).toFixed(0)} MB`);
      sampling.peak = heap();
      sampling.phaseStart = performance.now();
    },
  };
}

/** The step with the median time (peak heap and size of that same run). */
function median(steps: StepResult[]): StepResult {
  return [...steps].sort((a, b) => a.ms - b.ms)[Math.floor((steps.length - 1) / 2)]!;
}

/**
 * Backup and raw export alternate (`rounds` times each, raw first), then restore and raw
 * import (`restoreRounds` times each, which first alternating), so each pair meets the same machine and the same state of IndexedDB:
 * run one after the other, the second of two identical exports of this history took 2.4×
 * the first on a loaded machine, and a restore measured under load 15–29 beside a raw
 * import under load 3–6 said nothing about either. Without `raw` only the app's backup and
 * restore run (the heap-capped run: its question is whether they finish, not their ratio).
 */
async function run({ rounds, restoreRounds, restoreFirst, raw }: BackupBenchOptions): Promise<BackupBenchResult> {
  const withRaw = raw === 'all';
  const withRawImport = raw !== 'none';
  const log: string[] = [];
  const say = (line: string) => {
    log.push(line);
    console.log(line);
  };
  // Copies left by a run that was stopped half-way would weigh on this one's IndexedDB.
  for (const { name } of await indexedDB.databases()) {
    if (name && (name.includes('-restored-') || name.startsWith('bench-raw-'))) {
      await Dexie.delete(name);
      say(`deleted a leftover copy: ${name}`);
    }
  }
  const db = getDb();
  await db.open();
  // Before the warm-up and its collections: scrypt's 128 MiB buffer, freed by the collector
  // during whichever step came first, made that step's heap figure about +128 MB (a step is
  // measured from its lowest heap).
  const keyStart = performance.now();
  const key = await deriveBackupKey('bench password 备份');
  const keyMs = performance.now() - keyStart;
  say(`key derived (scrypt): ${keyMs.toFixed(0)} ms`);
  const about = { app: { name: 'bench', version: '0' }, createdAt: new Date().toISOString(), reason: 'manual' as const };
  // Untimed warm-up: the first export of a fresh browser reads a cold database, and the
  // collections after it leave the first step a settled heap. It is the app's streamed
  // backup into a sink that keeps nothing (its uncompressed size is reported), or, when the
  // raw import alone is to run, dexie-export-import's export for it to read.
  let warmUpForImport: Blob | null = null;
  let exportBytes: number;
  if (raw === 'import') {
    say('warm-up export (exportDB)…');
    warmUpForImport = await exportDB(db, { numRowsPerChunk: 2000 });
    exportBytes = warmUpForImport.size;
  } else {
    say('warm-up backup (streamed, kept nowhere)…');
    exportBytes = (await writeStationBackup(db, key, async () => undefined, about)).payload.bytes;
  }
  say(`warm-up done: export of ${(exportBytes / 2 ** 20).toFixed(1)} MB`);
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 200));
  }
  say(`heap after warm-up: ${(heap() / 2 ** 20).toFixed(1)} MB`);

  const backupPhases = phaseRecorder(rounds);
  const backupOnce = () =>
    measured(
      async () => {
        // As the browser flavour's download: frames kept as Blobs, never one big array.
        const parts: Blob[] = [];
        const { manifest } = await writeStationBackup(
          db,
          key,
          async (bytes) => {
            parts.push(new Blob([bytes as BlobPart]));
          },
          about,
        );
        backupPhases.lap('export + SHA-256 + gzip + encrypt + collect (streamed together)');
        return { file: new Blob(parts), rows: Object.values(manifest.tables).reduce((a, b) => a + b, 0) };
      },
      (r) => r.file.size,
    );

  const rawExports: StepResult[] = [];
  let rawExportBytes: number | null = null;
  const backups: StepResult[] = [];
  let rawBlob: Blob | null = null;
  let backup: Awaited<ReturnType<typeof backupOnce>> | null = null;
  for (let i = 0; i < rounds; i++) {
    let rawLine = '';
    if (withRaw) {
      rawBlob = null;
      const raw = await measured(() => exportDB(db, { numRowsPerChunk: 2000 }), (b) => b.size);
      rawExports.push(raw.step);
      rawBlob = raw.result;
      rawExportBytes = raw.result.size;
      rawLine = `raw export ${raw.step.ms.toFixed(0)} ms (+${raw.step.peakHeapMb.toFixed(0)} MB), `;
    }
    backup = null;
    backup = await backupOnce();
    backups.push(backup.step);
    say(`round ${i + 1}: ${rawLine}backup ${backup.step.ms.toFixed(0)} ms (+${backup.step.peakHeapMb.toFixed(0)} MB)`);
  }
  if (!backup || (withRaw && !rawBlob)) throw new Error('no rounds run');
  const file = backup.result.file;
  const exportBlob = rawBlob ?? warmUpForImport;
  backup = null;
  rawBlob = null;

  const restorePhases = phaseRecorder(restoreRounds);
  const restoreOnce = () =>
    measured(
      async () => {
        const unlocked = await unlockWithKey(await openBackup(blobSource(file)), key);
        restorePhases.lap('unlock (header, key check, manifest)');
        const name = await restoreFromBackup(unlocked, { fileName: 'bench', createdAt: unlocked.manifest.createdAt, tables: {} }, (step) =>
          restorePhases.lap(
            { import: 'decrypt + gunzip + import + verify (streamed together)', count: 'count every table', migrate: 'open as StationDb, audit, reconcile mark' }[step],
          ),
        );
        return { file, name };
      },
      (r) => r.file.size,
    );
  const rawImportOnce = () =>
    measured(
      async () => {
        const name = `bench-raw-${Date.now()}`;
        if (!exportBlob) throw new Error('raw import without a raw export');
        const meta = await peakImportFile(exportBlob);
        console.log(`raw import, tables in order: ${meta.data.tables.map((t) => `${t.name} ${t.rowCount}`).join(', ')}`);
        let printedRows = -Infinity;
        let printedTables = -1;
        const imported = await importDB(exportBlob, {
          name,
          chunkSizeBytes: 4 * 1024 * 1024,
          // Printed as it goes (every 2 % of the rows and each finished table), so a run out of memory shows how far the import got.
          progressCallback: ({ completedRows, totalRows = 1, completedTables }) => {
            if (completedRows - printedRows >= totalRows / 50 || completedTables !== printedTables) {
              console.log(`raw import: ${completedRows}/${totalRows} rows, ${completedTables} tables done, heap ${(heap() / 2 ** 20).toFixed(0)} MB`);
              printedRows = completedRows;
              printedTables = completedTables;
            }
            return true;
          },
        });
        imported.close();
        return { file: exportBlob, name };
      },
      (r) => r.file.size,
    );
  const rawImports: StepResult[] = [];
  const restores: StepResult[] = [];
  for (let i = 0; i < restoreRounds; i++) {
    // Which goes first alternates from round to round (ABBA): an import right after another
    // import's copy was deleted meets IndexedDB still busy with that deletion.
    const restoreNow = (i % 2 === 1) !== restoreFirst;
    const pair = restoreNow ? (['restore', 'raw'] as const) : (['raw', 'restore'] as const);
    const order = pair.filter((w) => withRawImport || w === 'restore');
    const got: Partial<Record<'raw' | 'restore', StepResult>> = {};
    for (const which of order) {
      // The imported copies are deleted outside the timed steps (a restore keeps its database).
      const r = which === 'raw' ? await rawImportOnce() : await restoreOnce();
      got[which] = r.step;
      await Dexie.delete(r.result.name);
    }
    if (got.raw) rawImports.push(got.raw);
    restores.push(got.restore!);
    const rawLine = got.raw ? `raw import ${got.raw.ms.toFixed(0)} ms (+${got.raw.peakHeapMb.toFixed(0)} MB), ` : '';
    say(`round ${i + 1} (${order.join(' first, ')}): ${rawLine}restore ${got.restore!.ms.toFixed(0)} ms (+${got.restore!.peakHeapMb.toFixed(0)} MB)`);
  }
  const rows = await rowCount(db);
  return {
    rawExport: rawExports.length ? median(rawExports) : null,
    rawImport: rawImports.length ? median(rawImports) : null,
    backup: median(backups),
    restore: median(restores),
    rounds: { rawExport: rawExports, backup: backups, rawImport: rawImports, restore: restores },
    keyMs,
    rows,
    exportBytes,
    rawExportBytes,
    heapLimitMb: (memory()?.jsHeapSizeLimit ?? 0) / 2 ** 20,
    phases: { backup: backupPhases.phases, restore: restorePhases.phases },
    log,
  };
}

async function rowCount(db: Dexie): Promise<number> {
  let n = 0;
  for (const table of db.tables) n += await table.count();
  return n;
}

(window as unknown as { stationBackupBench: { run: (options: BackupBenchOptions) => Promise<BackupBenchResult> } }).stationBackupBench = { run };

