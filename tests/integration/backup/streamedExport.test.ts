/**
 * The streamed export (container version 2): what any row holds comes back exactly, a
 * history larger than a page and a frame is cut into many and put back together, the
 * file's own row counts are checked, a backup is one snapshot even while the desk saves,
 * and a failing target ends the backup without leaving the database locked.
 */
import 'fake-indexeddb/auto';
import '../../fixtures/nodeBrowserGlobals';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupToBlob, dumpDb, restoreFile } from '../../fixtures/backup';
import { sampleReception, seededDb } from '../../fixtures/db';
import { TEXT_LIMITS } from '../../../shared/protocol/constants';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { restoreFromBackup, writeStationBackup } from '../../../renderer/src/db/backup/backupFile';
import { StationDb } from '../../../renderer/src/db/database';
import type { DraftRow } from '../../../renderer/src/db/rows';
import { PAGE_CHARS, parsePage, pageLine } from '../../../renderer/src/backup/exportLines';
import { FRAME_BYTES } from '../../../renderer/src/backup/format';
import { deriveBackupKey, type BackupKey } from '../../../renderer/src/backup/keys';
import { blobSource, openBackup, readBackupLines, unlockWithKey } from '../../../renderer/src/backup/readBackup';
import { openBackupWriter } from '../../../renderer/src/backup/writeBackup';

let key: BackupKey;

beforeAll(async () => {
  key = await deriveBackupKey('分页 streamed');
}, 60_000);

async function unlock(file: Blob) {
  return unlockWithKey(await openBackup(blobSource(file)), key);
}

async function linesOf(file: Blob): Promise<string[]> {
  const lines: string[] = [];
  await readBackupLines(await unlock(file), async (line) => {
    lines.push(line);
  });
  return lines;
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!).sort();
}

/** Backs up, restores into a fresh database and returns that database open. */
async function roundTrip(db: StationDb): Promise<StationDb> {
  const made = await backupToBlob(db, key);
  const restored = new StationDb(await restoreFile(await unlock(made.file)));
  await restored.open();
  return restored;
}

const draft = (id: string, data: unknown): DraftRow => ({ id, kind: 'reception', targetId: null, data, updatedAt: '2026-05-01T09:00:00.000+08:00' });

describe('streamed export', () => {
  it('brings back any JSON a row can hold: line breaks, U+2028, quotes, lone surrogates, deep nesting', async () => {
    const tricky = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\u2028\u2029', '"}]\n{"table":"x"', '\ud800', '𠮷'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, tricky, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('node'), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ maxLength: 8 }), tie('node'), { maxKeys: 4 }),
    })).node;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), value), { maxLength: 12, selector: ([id]) => id }), async (rows) => {
        const { db } = await seededDb();
        await db.drafts.bulkPut(rows.map(([id, data]) => draft(id, data)));
        const restored = await roundTrip(db);
        expect(await restored.drafts.toArray()).toEqual(await db.drafts.toArray());
        const name = restored.name;
        restored.close();
        db.close();
        await Promise.all([Dexie.delete(name), Dexie.delete(db.name)]);
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('keeps text at every length limit of the forms', async () => {
    const { db, deputyIds } = await seededDb();
    const at = (n: number) => '联'.repeat(n);
    await createReception(
      db,
      sampleReception(deputyIds, {
        visitors: [{ name: at(TEXT_LIMITS.visitorName), phone: '13979612345', enterprise: at(TEXT_LIMITS.enterprise), position: at(TEXT_LIMITS.position) }],
        issues: [
          {
            category: '其他',
            summary: at(TEXT_LIMITS.summary),
            request: at(TEXT_LIMITS.request),
            onSpotAnswer: at(TEXT_LIMITS.onSpotAnswer),
            handling: 'referToCounty',
            suggestedDepartment: at(TEXT_LIMITS.department),
          },
        ],
      }),
      { dutyDayId: null },
    );
    const before = await dumpDb(db);
    const restored = await roundTrip(db);
    const after = await dumpDb(restored);
    restored.close();
    expect({ ...after, auditLog: (after['auditLog'] as { action: string }[]).filter((a) => a.action !== 'access.restored'), syncState: before['syncState'] }).toEqual(before);
  });

  it('cuts a history larger than a page and a frame into many, and puts it back row for row', async () => {
    const { db } = await seededDb();
    // Varied text, so it does not compress to less than a frame.
    let seed = 7;
    const noise = (n: number) =>
      Array.from({ length: n }, () => {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        return String.fromCharCode(0x4e00 + ((seed >>> 8) % 20000));
      }).join('');
    await db.drafts.bulkPut(Array.from({ length: 800 }, (_, i) => draft(`d-${String(i).padStart(4, '0')}`, { text: noise(6000) })));
    const made = await backupToBlob(db, key);
    expect(made.payload.bytes).toBeGreaterThan(3 * PAGE_CHARS);
    expect(made.file.size).toBeGreaterThan(2 * FRAME_BYTES);
    const lines = await linesOf(made.file);
    const draftPages = lines.slice(1).filter((l) => parsePage(l).table === 'drafts');
    // 4.8 million characters of rows: pages of about PAGE_CHARS, none longer than a page and a row; restored in more than one transaction.
    expect(draftPages.length).toBeGreaterThanOrEqual(3);
    for (const page of draftPages) expect(page.length).toBeLessThan(PAGE_CHARS + 6100);
    // The progress a long restore shows: rising, ending at the whole file.
    const progress: number[] = [];
    const restored = new StationDb(await restoreFromBackup(await unlock(made.file), { fileName: 'x', createdAt: '', tables: {} }, undefined, (read) => progress.push(read)));
    expect(await restored.drafts.toArray()).toEqual(await db.drafts.toArray());
    restored.close();
    expect(progress.length).toBeGreaterThan(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(made.file.size);
  }, 60_000);

  it('refuses a file whose pages hold fewer rows than it lists, and removes what it restored', async () => {
    const { db, deputyIds } = await seededDb();
    for (let i = 0; i < 3; i++) await createReception(db, sampleReception(deputyIds, { receivedAt: `2026-03-0${i + 1}T10:00:00.000+08:00` }), { dutyDayId: null });
    const made = await backupToBlob(db, key);
    const lines = await linesOf(made.file);
    // The same manifest and head, one reception left out of its page: a well-formed, authentic file.
    const edited = lines.map((line, i) => {
      if (i === 0) return line;
      const page = parsePage(line);
      return page.table === 'receptions' ? pageLine(page.table, page.rows.slice(1).map((r) => JSON.stringify(r))).trimEnd() : line;
    });
    const parts: Uint8Array[] = [];
    const writer = await openBackupWriter(key, async (bytes) => {
      parts.push(bytes.slice());
    });
    await writer.manifest(made.manifest);
    for (const line of edited) await writer.write(`${line}\n`);
    await writer.finish();
    const before = await databaseNames();
    await expect(restoreFile(await unlock(new Blob(parts as BlobPart[])))).rejects.toThrow(/receptions/);
    expect(await databaseNames()).toEqual(before);
  });

  it('is one snapshot: a save during the backup waits for it and is not in it, and nothing is lost', async () => {
    const { db, deputyIds } = await seededDb();
    await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const parts: Uint8Array[] = [];
    const during: { saving?: Promise<unknown> } = {};
    const backup = writeStationBackup(
      db,
      key,
      async (bytes) => {
        parts.push(bytes.slice());
        // Once the manifest is out the snapshot is open: the desk saves meanwhile, and the sink is slow.
        if (parts.length === 2) during.saving = createReception(db, sampleReception(deputyIds, { receivedAt: '2026-03-02T10:00:00.000+08:00' }), { dutyDayId: null });
        await new Promise((r) => setTimeout(r, 20));
      },
      { app: { name: 't', version: '0' }, createdAt: '2026-03-02T10:00:00.000+08:00', reason: 'manual' },
    );
    const { manifest } = await backup;
    expect(during.saving).toBeDefined();
    await during.saving;
    expect(manifest.tables['receptions']).toBe(1);
    expect(await db.receptions.count()).toBe(2);
    const restored = new StationDb(await restoreFile(await unlock(new Blob(parts as BlobPart[]))));
    await restored.open();
    expect(await restored.receptions.count()).toBe(1);
    restored.close();
  });

  it('a target that fails stops the backup with its error and leaves the database free', async () => {
    const { db, deputyIds } = await seededDb();
    await db.drafts.bulkPut(Array.from({ length: 50 }, (_, i) => draft(`d-${i}`, { text: 'x'.repeat(50_000) + i })));
    let calls = 0;
    const failing = writeStationBackup(
      db,
      key,
      async () => {
        if (++calls === 3) throw new Error('disk removed');
      },
      { app: { name: 't', version: '0' }, createdAt: '2026-03-02T10:00:00.000+08:00', reason: 'manual' },
    );
    await expect(failing).rejects.toThrow('disk removed');
    await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    expect(await db.receptions.count()).toBe(1);
  });
});
