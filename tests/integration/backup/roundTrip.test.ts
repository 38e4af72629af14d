/**
 * Backup → wipe the database → restore: every table comes back deep-equal (drafts, audit,
 * outbox states, receipts, list counters, sync cursor), the restore adds only its own
 * audit entry, and the next sync with the same county sends only what the county never
 * acknowledged — a list it stored but whose receipt was lost gets its original receipt.
 */
import 'fake-indexeddb/auto';
import '../../fixtures/nodeBrowserGlobals';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dumpDb, backupToBlob, restoreFile } from '../../fixtures/backup';
import { harness } from '../sync/harness';
import { sampleReception } from '../../fixtures/db';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { saveDraft } from '../../../renderer/src/db/repositories/drafts';
import { listDeputies } from '../../../renderer/src/db/repositories/station';
import { StationDb } from '../../../renderer/src/db/database';
import { SyncEngine } from '../../../renderer/src/sync/engine';
import { DEFAULT_TIMINGS } from '../../../renderer/src/sync/timings';
import { deriveBackupKey } from '../../../renderer/src/backup/keys';
import { blobSource, openBackup, unlockBackup } from '../../../renderer/src/backup/readBackup';

const PASSWORD = '联络站-备份-2026';

function pushedIds(bodies: (string | undefined)[]): string[] {
  return bodies.flatMap((b) => (b ? (JSON.parse(b) as { items: { id: string }[] }).items.map((i) => i.id) : []));
}

describe('backup and restore round trip', () => {
  it('restores every record, draft and outbox state exactly, and the next sync sends nothing twice', async () => {
    const h = await harness(2);
    await h.engine.runOnce();
    const deputyIds = (await listDeputies(h.db)).map((d) => d.id);
    // A third list the county stores but whose answer is lost: the station still holds it unacknowledged.
    await createReception(h.db, sampleReception(deputyIds, { receivedAt: '2026-03-04T09:30:00.000+08:00' }), { dutyDayId: null });
    const [third] = await sealNow(h.db, new Date(2026, 2, 4, 18));
    h.county.pushFaults = [{ kind: 'commitThenDrop' }];
    await h.engine.runOnce();
    expect(h.county.stored.has(third!.id)).toBe(true);
    expect((await h.db.outbox.where('itemId').equals(third!.id).first())!.state).not.toBe('acknowledged');
    // A half-typed reception.
    await saveDraft(h.db, 'reception:new', null, { visitors: [{ name: '半截', phone: '139' }], issues: [] });

    const before = await dumpDb(h.db);
    const key = await deriveBackupKey(PASSWORD);
    const { file, manifest } = await backupToBlob(h.db, key);
    expect(manifest.tables['outbox']).toBe(3);

    // The PC is lost: nothing of the old database remains.
    const oldName = h.db.name;
    h.db.close();
    await Dexie.delete(oldName);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(oldName);

    const unlocked = await unlockBackup(await openBackup(blobSource(file)), PASSWORD);
    expect(unlocked.manifest.station.name).toBe('银湾科创产业园人大代表联络站');
    const name = await restoreFile(unlocked, { fileName: 'b.sdbackup' });
    const restored = new StationDb(name);
    const after = await dumpDb(restored);

    const restoreAudit = (after['auditLog'] as { action: string }[]).filter((a) => a.action === 'access.restored');
    expect(restoreAudit).toHaveLength(1);
    // The restore marks the database to reconcile with the county before it sends (docs/backup.md).
    expect((after['syncState'] as { needsReconcile?: boolean }[])[0]?.needsReconcile).toBe(true);
    const unmarked = (after['syncState'] as Record<string, unknown>[]).map(({ needsReconcile: _, ...rest }) => rest);
    expect({ ...after, syncState: unmarked, auditLog: (after['auditLog'] as { action: string }[]).filter((a) => a.action !== 'access.restored') }).toEqual(before);

    // The next sync on the restored station reconciles first: the list the county stored but
    // never acknowledged gets its original receipt from the county's list, and nothing is sent again.
    const storedBefore = h.county.stored.size;
    const requestsBefore = h.county.requests.length;
    const engine = new SyncEngine({
      db: restored,
      send: h.county.send,
      tokenFingerprint: async () => h.token.value,
      now: () => h.clock.now + 60_000,
      random: () => 0.5,
      timings: DEFAULT_TIMINGS,
      setTimer: () => null,
      clearTimer: () => undefined,
    });
    await engine.runOnce();
    const pushes = h.county.requests.slice(requestsBefore).filter((r) => r.path.startsWith('/v1/push'));
    expect(pushedIds(pushes.map((p) => p.body))).toEqual([]);
    expect((await restored.issueLists.get(third!.id))!.countyRef).toBe(h.county.stored.get(third!.id)!.countyRef);
    expect(h.county.stored.size).toBe(storedBefore);
    expect((await restored.outbox.toArray()).map((o) => o.state)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
    expect(await restored.counters.toArray()).toEqual(before['counters']);
    restored.close();
  }, 120_000);
});
