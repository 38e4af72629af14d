/**
 * A backup that is damaged anywhere, cut short anywhere, opened with the wrong password or
 * not a backup at all is refused with its reason; a fresh database the restore had begun
 * to fill is deleted, and the station's database is exactly as before. A backup made by an older version
 * restores and migrates like an old install.
 */
import 'fake-indexeddb/auto';
import '../../fixtures/nodeBrowserGlobals';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupToBlob, dumpDb, restoreFile } from '../../fixtures/backup';
import { sampleReception, seededDb } from '../../fixtures/db';
import { declareUpTo, migrationDbName, seedOldVersion } from '../../fixtures/migration';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';
import { v3IssueRow } from '../../fixtures/legacyRows';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { saveDraft } from '../../../renderer/src/db/repositories/drafts';
import { StationDb } from '../../../renderer/src/db/database';
import { BackupFormatError } from '../../../renderer/src/backup/format';
import { deriveBackupKey, type BackupKey } from '../../../renderer/src/backup/keys';
import { blobSource, openBackup, unlockBackup, unlockWithKey } from '../../../renderer/src/backup/readBackup';
import type { BackupManifest } from '../../../renderer/src/backup/manifest';

const PASSWORD = 'correct horse 备份';
let db: StationDb;
let key: BackupKey;
let file: Uint8Array;
let manifest: BackupManifest;

beforeAll(async () => {
  const seeded = await seededDb();
  db = seeded.db;
  for (let i = 0; i < 3; i++) await createReception(db, sampleReception(seeded.deputyIds, { receivedAt: `2026-03-0${i + 1}T10:00:00.000+08:00` }), { dutyDayId: null });
  await saveDraft(db, 'reception:new', null, { visitors: [{ name: '草稿' }] });
  key = await deriveBackupKey(PASSWORD);
  const made = await backupToBlob(db, key);
  file = new Uint8Array(await made.file.arrayBuffer());
  manifest = made.manifest;
}, 60_000);

/** The whole restore path with the station's key; returns the problem it was refused for. */
async function attempt(bytes: Uint8Array): Promise<string> {
  try {
    const unlocked = await unlockWithKey(await openBackup(blobSource(new Blob([bytes as BlobPart]))), key);
    await restoreFile(unlocked);
    return 'restored';
  } catch (error) {
    if (error instanceof BackupFormatError) return error.problem;
    throw error;
  }
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!).sort();
}

describe('refused backups change nothing', () => {
  it('restores the intact file (the baseline the other cases damage)', async () => {
    const before = await databaseNames();
    expect(await attempt(file)).toBe('restored');
    const created = (await databaseNames()).filter((n) => !before.includes(n));
    expect(created).toHaveLength(1);
    await Dexie.delete(created[0]!);
  });

  it('refuses a wrong password, telling it from damage', async () => {
    const opened = await openBackup(blobSource(new Blob([file as BlobPart])));
    await expect(unlockBackup(opened, 'correct horse 备忘')).rejects.toMatchObject({ problem: 'wrongPassword' });
  }, 30_000);

  it('refuses any single damaged byte, anywhere in the file', async () => {
    const dbBefore = await dumpDb(db);
    const namesBefore = await databaseNames();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const damaged = file.slice();
        damaged[at]! ^= xor;
        expect(['notBackup', 'unsupportedVersion', 'wrongPassword', 'corrupt', 'truncated']).toContain(await attempt(damaged));
      }),
      { numRuns: 150 },
    );
    expect(await databaseNames()).toEqual(namesBefore);
    expect(await dumpDb(db)).toEqual(dbBefore);
  }, 60_000);

  it('refuses a file cut short at any length, including exactly before the last frame', async () => {
    const namesBefore = await databaseNames();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: file.length - 1 }), async (length) => {
        expect(['notBackup', 'corrupt', 'truncated']).toContain(await attempt(file.slice(0, length)));
      }),
      { numRuns: 150 },
    );
    expect(await databaseNames()).toEqual(namesBefore);
  }, 60_000);

  it('refuses a file that is not a backup, and bytes appended after the last frame', async () => {
    expect(await attempt(new TextEncoder().encode('{"formatName":"dexie","data":{}}'))).toBe('notBackup');
    const extended = new Uint8Array(file.length + 20);
    extended.set(file);
    expect(await attempt(extended)).not.toBe('restored');
  });

  it('refuses an export whose rows do not match the manifest, and removes what it imported', async () => {
    const namesBefore = await databaseNames();
    const unlocked = await unlockWithKey(await openBackup(blobSource(new Blob([file as BlobPart]))), key);
    const tampered = { ...unlocked, manifest: { ...unlocked.manifest, tables: { ...manifest.tables, receptions: 4 } } };
    await expect(restoreFile(tampered)).rejects.toThrow(/receptions/);
    expect(await databaseNames()).toEqual(namesBefore);
  });
});

describe('a backup from an older version', () => {
  it('restores at its own schema version and migrates to the current one', async () => {
    const name = migrationDbName();
    const issues = [sampleIssue(1), sampleIssue(2)];
    await seedOldVersion(name, declareUpTo(3), async (old) => {
      await old.table('receptions').put(SAMPLE_RECEPTION);
      await old.table('issues').bulkPut(issues.map((i) => v3IssueRow(i, SAMPLE_RECEPTION)));
    });
    const old = new Dexie(name);
    await old.open();
    const made = await backupToBlob(old, key);
    old.close();
    expect(made.manifest.schemaVersion).toBe(3);
    const unlocked = await unlockWithKey(await openBackup(blobSource(made.file)), key);
    const restoredName = await restoreFile(unlocked, { fileName: 'old' });
    const restored = new StationDb(restoredName);
    await restored.open();
    expect(restored.verno).toBe(new StationDb('never-opened').verno);
    expect((await restored.issueStates.toArray()).map((s) => s.id).sort()).toEqual(issues.map((i) => i.id).sort());
    expect(await restored.receptions.count()).toBe(1);
    restored.close();
  });
});
