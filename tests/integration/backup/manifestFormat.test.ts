/**
 * Manifest formats: files written before format 2 (payload checksum over the whole export)
 * still restore; format 2's checksum is the SHA-256 of the 1 MiB pieces' SHA-256s, checked
 * here against Node's own hash, at and around piece boundaries.
 */
import 'fake-indexeddb/auto';
import '../../fixtures/nodeBrowserGlobals';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupToBlob } from '../../fixtures/backup';
import { sampleReception, seededDb } from '../../fixtures/db';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { restoreIntoFreshDatabase } from '../../../renderer/src/db/backup/stationBackup';
import { StationDb } from '../../../renderer/src/db/database';
import { deriveBackupKey, type BackupKey } from '../../../renderer/src/backup/keys';
import { PIECE_BYTES } from '../../../renderer/src/backup/payloadDigest';
import { digestOfBlob } from '../../../renderer/src/backup/writeBackup';
import { blobSource, openBackup, readBackupData, unlockWithKey } from '../../../renderer/src/backup/readBackup';

let db: StationDb;
let key: BackupKey;

beforeAll(async () => {
  const seeded = await seededDb();
  db = seeded.db;
  for (let i = 0; i < 3; i++) await createReception(db, sampleReception(seeded.deputyIds, { receivedAt: `2026-04-0${i + 1}T10:00:00.000+08:00` }), { dutyDayId: null });
  key = await deriveBackupKey('旧格式 old format');
}, 60_000);

async function restoreFrom(file: Blob): Promise<StationDb> {
  const unlocked = await unlockWithKey(await openBackup(blobSource(file)), key);
  const name = await restoreIntoFreshDatabase(await readBackupData(unlocked), unlocked.manifest.tables, { fileName: 'x', createdAt: '', tables: {} });
  const restored = new StationDb(name);
  await restored.open();
  return restored;
}

describe('manifest formats', () => {
  it('restores a file written with manifest format 1 (whole-export SHA-256) row for row', async () => {
    const old = await backupToBlob(db, key, 'manual', 1);
    expect(old.manifest.format).toBe(1);
    const restored = await restoreFrom(old.file);
    expect(await restored.receptions.toArray()).toEqual(await db.receptions.toArray());
    expect(await restored.issues.toArray()).toEqual(await db.issues.toArray());
    restored.close();
  });

  it('writes format 2 and restores it row for row', async () => {
    const made = await backupToBlob(db, key);
    expect(made.manifest.format).toBe(2);
    const restored = await restoreFrom(made.file);
    expect(await restored.receptions.toArray()).toEqual(await db.receptions.toArray());
    restored.close();
  });

  it('computes each format’s checksum as documented, at and around 1 MiB piece boundaries', async () => {
    const sizes = [0, 1, PIECE_BYTES - 1, PIECE_BYTES, PIECE_BYTES + 1, 3 * PIECE_BYTES + 7];
    for (const size of sizes) {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 9)) & 0xff;
      // Several parts, so the stream's chunks do not line up with the pieces.
      const blob = new Blob([bytes.subarray(0, size >> 2), bytes.subarray(size >> 2, size >> 1), bytes.subarray(size >> 1)]);
      const whole = createHash('sha256').update(bytes).digest('hex');
      const pieces = createHash('sha256');
      for (let o = 0; o < size; o += PIECE_BYTES) pieces.update(createHash('sha256').update(bytes.subarray(o, o + PIECE_BYTES)).digest());
      expect(await digestOfBlob(blob, 1)).toEqual({ bytes: size, sha256: whole });
      expect(await digestOfBlob(blob, 2)).toEqual({ bytes: size, sha256: pieces.digest('hex') });
    }
  });
});
