/**
 * Backup benchmark, in the page (window.stationBackupBench): a backup and a restore of the
 * filled database exactly as the app makes them, each beside a raw dexie-export-import
 * export / import of the same tables in the same run. Peak JavaScript heap is sampled
 * every 25 ms during each step (Chromium's performance.memory with precise memory info).
 */
import { Dexie } from 'dexie';
import { exportDB, importDB } from 'dexie-export-import';
import { getDb } from '../../../renderer/src/db/database';
import { exportStation, restoreIntoFreshDatabase } from '../../../renderer/src/db/backup/stationBackup';
import { deriveBackupKey } from '../../../renderer/src/backup/keys';
import type { BackupManifest } from '../../../renderer/src/backup/manifest';
import { digestOfBlob, writeBackup } from '../../../renderer/src/backup/writeBackup';
import { blobSource, openBackup, readBackupData, unlockWithKey } from '../../../renderer/src/backup/readBackup';

export interface StepResult {
  ms: number;
  peakHeapMb: number;
  baseHeapMb: number;
  bytes: number;
}

export interface BackupBenchResult {
  /** Medians over the alternated rounds (each step's own runs in `rounds`). */
  rawExport: StepResult;
  rawImport: StepResult;
  backup: StepResult;
  restore: StepResult;
  rounds: { rawExport: number[]; backup: number[] };
  keyMs: number;
  rows: number;
  /** Where the backup's time goes: export, checksum, compress+encrypt+collect. */
  phases: Record<string, number>;
}

const heap = (): number => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

async function measured<T>(run: () => Promise<T>, bytesOf: (t: T) => number): Promise<{ result: T; step: StepResult }> {
  const base = heap();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, heap());
  }, 25);
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, heap());
  return { result, step: { ms, peakHeapMb: (peak - base) / 2 ** 20, baseHeapMb: base / 2 ** 20, bytes: bytesOf(result) } };
}

/** The step with the median time (peak heap and size of that same run). */
function median(steps: StepResult[]): StepResult {
  return [...steps].sort((a, b) => a.ms - b.ms)[Math.floor((steps.length - 1) / 2)]!;
}

/**
 * Backup and raw export alternate (`rounds` times each, raw first), so both meet the same
 * machine and the same state of IndexedDB: run one after the other, the second of two
 * identical exports of this history took 2.4× the first on a loaded machine. Restore and
 * raw import run once each (several minutes apiece on the full history).
 */
async function run(rounds = 2): Promise<BackupBenchResult> {
  const db = getDb();
  await db.open();
  const keyStart = performance.now();
  const key = await deriveBackupKey('bench password 备份');
  const keyMs = performance.now() - keyStart;

  const phases: Record<string, number> = {};
  const lap = (name: string, since: number) => {
    phases[name] = (phases[name] ?? 0) + (performance.now() - since) / rounds;
    return performance.now();
  };
  const backupOnce = () =>
    measured(
      async () => {
        let t = performance.now();
        const exported = await exportStation(db);
        t = lap('export (exportDB + counts)', t);
        const payload = await digestOfBlob(exported.data);
        t = lap('SHA-256 of the export', t);
        const manifest: BackupManifest = {
          format: 1,
          app: { name: 'bench', version: '0' },
          schemaVersion: exported.schemaVersion,
          station: exported.station,
          createdAt: new Date().toISOString(),
          reason: 'manual',
          tables: exported.tables,
          payload,
        };
        // As the browser flavour's download: frames kept as Blobs, never one big array.
        const parts: Blob[] = [];
        await writeBackup(key, manifest, exported.data, async (bytes) => {
          parts.push(new Blob([bytes as BlobPart]));
        });
        lap('gzip + encrypt + collect', t);
        return { file: new Blob(parts), rows: Object.values(exported.tables).reduce((a, b) => a + b, 0) };
      },
      (r) => r.file.size,
    );

  const rawSteps: StepResult[] = [];
  const backupSteps: StepResult[] = [];
  let rawBlob: Blob | null = null;
  let backup: Awaited<ReturnType<typeof backupOnce>> | null = null;
  for (let i = 0; i < rounds; i++) {
    rawBlob = null;
    const raw = await measured(() => exportDB(db, { numRowsPerChunk: 2000 }), (b) => b.size);
    rawSteps.push(raw.step);
    rawBlob = raw.result;
    backup = null;
    backup = await backupOnce();
    backupSteps.push(backup.step);
    console.log(`round ${i + 1}: raw export ${raw.step.ms.toFixed(0)} ms, backup ${backup.step.ms.toFixed(0)} ms`);
  }
  if (!rawBlob || !backup) throw new Error('no rounds run');

  const restore = await measured(
    async () => {
      const unlocked = await unlockWithKey(await openBackup(blobSource(backup.result.file)), key);
      const data = await readBackupData(unlocked);
      const name = await restoreIntoFreshDatabase(data, unlocked.manifest.tables, { fileName: 'bench', createdAt: unlocked.manifest.createdAt, tables: {} });
      await Dexie.delete(name);
      return data;
    },
    (b) => b.size,
  );
  const blob = rawBlob;
  const rawName = `bench-raw-${Date.now()}`;
  const rawIn = await measured(
    async () => {
      const imported = await importDB(blob, { name: rawName, chunkSizeBytes: 4 * 1024 * 1024 });
      imported.close();
      return blob;
    },
    (b) => b.size,
  );
  await Dexie.delete(rawName);
  return {
    rawExport: median(rawSteps),
    rawImport: rawIn.step,
    backup: median(backupSteps),
    restore: restore.step,
    rounds: { rawExport: rawSteps.map((s) => s.ms), backup: backupSteps.map((s) => s.ms) },
    keyMs,
    rows: backup.result.rows,
    phases,
  };
}

(window as unknown as { stationBackupBench: { run: (rounds?: number) => Promise<BackupBenchResult> } }).stationBackupBench = { run };
