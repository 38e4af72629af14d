/**
 * File formats: files written before streamed exports (container version 1, a
 * dexie-export-import payload, manifest format 1 with the whole export's SHA-256 or 2 with
 * the 1 MiB pieces' SHA-256s) still restore row for row; this build writes container
 * version 2 with manifest format 3. The pieces' checksum is checked here against Node's
 * own hash, at and around piece boundaries.
 */
import 'fake-indexeddb/auto';
import '../../fixtures/nodeBrowserGlobals';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupToBlob, restoreFile } from '../../fixtures/backup';
import { digestOfBlob, legacyBackupToBlob } from '../../fixtures/legacyBackup';
import { sampleReception, seededDb } from '../../fixtures/db';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { StationDb } from '../../../renderer/src/db/database';
import { deriveBackupKey, type BackupKey } from '../../../renderer/src/backup/keys';
import { PIECE_BYTES } from '../../../renderer/src/backup/payloadDigest';
import { blobSource, openBackup, unlockWithKey } from '../../../renderer/src/backup/readBackup';

let db: StationDb;
let key: BackupKey;

beforeAll(async () => {
  const seeded = await seededDb();
  db = seeded.db;
  for (let i = 0; i < 3; i++) await createReception(db, sampleReception(seeded.deputyIds, { receivedAt: `2026-04-0${i + 1}T10:00:00.000+08:00` }), { dutyDayId: null });
  key = await deriveBackupKey('旧格式 old format');
}, 60_000);

async function restoreFrom(file: Blob, container: 1 | 2): Promise<StationDb> {
  const unlocked = await unlockWithKey(await openBackup(blobSource(file)), key);
  expect(unlocked.version).toBe(container);
  const name = await restoreFile(unlocked);
  const restored = new StationDb(name);
  await restored.open();
  return restored;
}

describe('manifest formats', () => {
  for (const format of [1, 2] as const) {
    it(`restores a container version 1 file with manifest format ${format} row for row`, async () => {
      const old = await legacyBackupToBlob(db, key, format);
      expect(old.manifest.format).toBe(format);
      const restored = await restoreFrom(old.file, 1);
      expect(await restored.receptions.toArray()).toEqual(await db.receptions.toArray());
      expect(await restored.issues.toArray()).toEqual(await db.issues.toArray());
      restored.close();
    });
  }

  it('writes container version 2 with manifest format 3 and restores it row for row', async () => {
    const made = await backupToBlob(db, key);
    expect(made.manifest.format).toBe(3);
    expect(made.manifest.payload).toBeUndefined();
    const restored = await restoreFrom(made.file, 2);
    expect(await restored.receptions.toArray()).toEqual(await db.receptions.toArray());
    expect(await restored.issues.toArray()).toEqual(await db.issues.toArray());
    restored.close();
  });

  it('refuses a manifest whose format does not match its container', async () => {
    const made = await backupToBlob(db, key);
    const bytes = new Uint8Array(await made.file.arrayBuffer());
    // The same frames under a version-1 header: the header digest changes, so the frames no longer authenticate.
    bytes[8] = 1;
    await expect(unlockWithKey(await openBackup(blobSource(new Blob([bytes as BlobPart]))), key)).rejects.toMatchObject({ problem: 'corrupt' });
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
