/**
 * A station restored from a backup older than the county's last receipt: until it has
 * reconciled with the county it sends nothing and seals nothing; then the next list's
 * number follows the county's highest, nothing the county holds is sent again as new,
 * and the lists only the county has are recorded for the 清单报送 screen.
 */
import 'fake-indexeddb/auto';
import '../../fixtures/nodeBrowserGlobals';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { backupToBlob, restoreFile } from '../../fixtures/backup';
import { sampleReception } from '../../fixtures/db';
import { harness } from './harness';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { listDeputies } from '../../../renderer/src/db/repositories/station';
import { closeDutyDay, openDutyDay } from '../../../renderer/src/db/repositories/dutyDays';
import { getSyncState } from '../../../renderer/src/db/repositories/syncState';
import { SealingWaitsForReconcile } from '../../../renderer/src/db/repositories/reconcile';
import { StationDb } from '../../../renderer/src/db/database';
import { SyncEngine } from '../../../renderer/src/sync/engine';
import { DEFAULT_TIMINGS } from '../../../renderer/src/sync/timings';
import { deriveBackupKey } from '../../../renderer/src/backup/keys';
import { blobSource, openBackup, unlockBackup } from '../../../renderer/src/backup/readBackup';

const PASSWORD = '联络站-备份-2026';

function pushedIds(bodies: (string | undefined)[]): string[] {
  return bodies.flatMap((b) => (b ? (JSON.parse(b) as { items: { id: string }[] }).items.map((i) => i.id) : []));
}

describe('reconciling a restored station with the county', () => {
  it('waits while the county is away, then raises the numbering, takes the receipts and reports the lists only the county has', async () => {
    const h = await harness(2);
    await h.engine.runOnce();
    const deputyIds = (await listDeputies(h.db)).map((d) => d.id);
    const seal = async (db: StationDb, day: number) => {
      await createReception(db, sampleReception(deputyIds, { receivedAt: `2026-03-${String(day).padStart(2, '0')}T09:30:00.000+08:00` }), { dutyDayId: null });
      return (await sealNow(db, new Date(2026, 2, day, 18)))[0]!;
    };
    // 〔2026〕第3号 is sealed but not yet sent when the backup is taken.
    const third = await seal(h.db, 4);
    expect(third.seq).toBe(3);
    const key = await deriveBackupKey(PASSWORD);
    const { file } = await backupToBlob(h.db, key);

    // After the backup the old PC sends 第3号 and seals and sends 第4号 and 第5号; then it is lost.
    const fourth = await seal(h.db, 5);
    const fifth = await seal(h.db, 6);
    await h.engine.runOnce();
    expect([...h.county.stored.keys()]).toEqual(expect.arrayContaining([third.id, fourth.id, fifth.id]));
    const oldName = h.db.name;
    h.db.close();
    await Dexie.delete(oldName);

    const unlocked = await unlockBackup(await openBackup(blobSource(file)), PASSWORD);
    const name = await restoreFile(unlocked, { fileName: 'b.sdbackup' });
    const db = new StationDb(name);
    expect((await getSyncState(db)).needsReconcile).toBe(true);
    const engine = new SyncEngine({
      db,
      send: h.county.send,
      tokenFingerprint: async () => h.token.value,
      now: () => h.clock.now + 60_000,
      random: () => 0.5,
      timings: DEFAULT_TIMINGS,
      setTimer: () => null,
      clearTimer: () => undefined,
    });

    // Sealing before reconciling would hand out 第4号 again: it is refused, and nothing changes.
    await createReception(db, sampleReception(deputyIds, { receivedAt: '2026-03-07T09:30:00.000+08:00' }), { dutyDayId: null });
    await expect(sealNow(db, new Date(2026, 2, 7, 18))).rejects.toBeInstanceOf(SealingWaitsForReconcile);
    expect(await db.issueLists.count()).toBe(3);
    // Closing a duty day seals too: refused as one transaction, the day stays open with its records.
    const day = await openDutyDay(db, { date: '2026-03-08', deputyIds: deputyIds.slice(0, 2) });
    await createReception(db, sampleReception(deputyIds, { receivedAt: '2026-03-08T09:30:00.000+08:00' }), { dutyDayId: day.id });
    await expect(closeDutyDay(db, day.id)).rejects.toBeInstanceOf(SealingWaitsForReconcile);
    expect((await db.dutyDays.get(day.id))!.status).toBe('open');
    expect(await db.issueLists.count()).toBe(3);

    // The county cannot be reached: nothing is sent, the mark stays, the station waits.
    const before = h.county.requests.length;
    h.county.faults = [{ kind: 'network', reason: 'unreachable' }];
    await engine.runOnce(true);
    expect(h.county.requests.slice(before).map((r) => r.path.split('?')[0])).toEqual(['/v1/ping']);
    let state = await getSyncState(db);
    expect(state.needsReconcile).toBe(true);
    expect(state.status).toBe('offline');

    // Reachable: reconcile, then sync normally.
    const requestsBefore = h.county.requests.length;
    const storedBefore = h.county.stored.size;
    const pushesAtStart = h.county.pushRequests().length;
    await engine.runOnce(true);
    const paths = h.county.requests.slice(requestsBefore).map((r) => r.path.split('?')[0]);
    expect(paths.slice(0, 2)).toEqual(['/v1/ping', '/v1/lists']);
    // 第3号 is at the county: its receipt is taken from the county's list, it is not sent again.
    expect(pushedIds(h.county.pushRequests().slice(pushesAtStart).map((r) => r.body))).toEqual([]);
    expect(h.county.stored.size).toBe(storedBefore);
    const restoredThird = (await db.issueLists.get(third.id))!;
    expect(restoredThird.state).toBe('acknowledged');
    expect(restoredThird.countyRef).toBe(h.county.stored.get(third.id)!.countyRef);
    expect((await db.outbox.where('itemId').equals(third.id).first())!.state).toBe('acknowledged');
    state = await getSyncState(db);
    expect(state.needsReconcile).toBe(false);
    expect(state.status).toBe('synced');
    expect(state.countyOnlyLists).toEqual([
      { id: fourth.id, year: 2026, seq: 4, countyRef: h.county.stored.get(fourth.id)!.countyRef, receivedAt: h.county.stored.get(fourth.id)!.receivedAt },
      { id: fifth.id, year: 2026, seq: 5, countyRef: h.county.stored.get(fifth.id)!.countyRef, receivedAt: h.county.stored.get(fifth.id)!.receivedAt },
    ]);

    // The next list is numbered after the county's highest, and goes out as a new list.
    const [next] = await sealNow(db, new Date(2026, 2, 7, 18));
    expect(next!.number).toBe('〔2026〕第6号');
    const closed = await closeDutyDay(db, day.id);
    expect(closed.lists.map((l) => l.number)).toEqual(['〔2026〕第7号']);
    const pushesBefore = h.county.pushRequests().length;
    await engine.runOnce(true);
    expect(pushedIds(h.county.pushRequests().slice(pushesBefore).map((r) => r.body))).toEqual([next!.id, closed.lists[0]!.id]);
    expect((await db.issueLists.get(next!.id))!.state).toBe('acknowledged');
    expect(h.county.stored.size).toBe(storedBefore + 2);
    db.close();
  }, 120_000);
});
