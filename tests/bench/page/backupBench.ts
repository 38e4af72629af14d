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
  rawExport: StepResult;
  rawImport: StepResult;
  backup: StepResult;
  restore: StepResult;
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

async function run(): Promise<BackupBenchResult> {
  const db = getDb();
  await db.open();
  const keyStart = performance.now();
  const key = await deriveBackupKey('bench password 备份');
  const keyMs = performance.now() - keyStart;

  const raw = await measured(() => exportDB(db, { numRowsPerChunk: 2000 }), (b) => b.size);
  const rawName = `bench-raw-${Date.now()}`;
  const rawIn = await measured(
    async () => {
      const imported = await importDB(raw.result, { name: rawName, chunkSizeBytes: 4 * 1024 * 1024 });
      imported.close();
      return raw.result;
    },
    (b) => b.size,
  );
  await Dexie.delete(rawName);

  const phases: Record<string, number> = {};
  const lap = (name: string, since: number) => {
    phases[name] = performance.now() - since;
    return performance.now();
  };
  const backup = await measured(
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
  return { rawExport: raw.step, rawImport: rawIn.step, backup: backup.step, restore: restore.step, keyMs, rows: backup.result.rows, phases };
}

(window as unknown as { stationBackupBench: { run: () => Promise<BackupBenchResult> } }).stationBackupBench = { run };
