/** The backups' audit trail the automatic backups read at every start (db/backup/backupLog.ts). */
import { describe, expect, it } from 'vitest';
import { closeDutyDay, openDutyDay, reopenDutyDay } from '../../../renderer/src/db/repositories/dutyDays';
import { lastBackupAt, latestDutyDayClose, recordBackup } from '../../../renderer/src/db/backup/backupLog';
import { seededDb } from '../../fixtures/db';

describe('backup log', () => {
  it('latestDutyDayClose is null without a closed day, then the latest closedAt of any day, open ones ignored', async () => {
    const { db, deputyIds } = await seededDb();
    expect(await latestDutyDayClose(db)).toBeNull();
    const first = await openDutyDay(db, { date: '2026-03-02', deputyIds });
    expect(await latestDutyDayClose(db)).toBeNull();
    const closedFirst = await closeDutyDay(db, first.id);
    expect(await latestDutyDayClose(db)).toBe(closedFirst.day.closedAt);
    // An earlier date closed later: the close time counts, not the date.
    const earlier = await openDutyDay(db, { date: '2026-03-01', deputyIds });
    await new Promise((r) => setTimeout(r, 1100));
    const closedEarlier = await closeDutyDay(db, earlier.id);
    expect(closedEarlier.day.closedAt! > closedFirst.day.closedAt!).toBe(true);
    expect(await latestDutyDayClose(db)).toBe(closedEarlier.day.closedAt);
    // Reopened, that day no longer has a close; the other one's remains.
    await reopenDutyDay(db, earlier.id, '补登一位来访者');
    expect(await latestDutyDayClose(db)).toBe(closedFirst.day.closedAt);
  });

  it('lastBackupAt returns the latest backup of a reason, others apart', async () => {
    const { db } = await seededDb();
    expect(await lastBackupAt(db, 'daily')).toBeNull();
    await recordBackup(db, 'daily', { file: 'a' });
    const first = await lastBackupAt(db, 'daily');
    expect(first).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1100));
    await recordBackup(db, 'daily', { file: 'b' });
    await recordBackup(db, 'dutyDayClosed', { file: 'c' });
    const second = await lastBackupAt(db, 'daily');
    expect(second! > first!).toBe(true);
    expect(await lastBackupAt(db, 'dutyDayClosed')).not.toBeNull();
    expect(await lastBackupAt(db, 'manual')).toBeNull();
  });
});
