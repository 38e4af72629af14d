/** One duty day per date: a second one is refused, a closed one is reopened (audited). */
import { describe, expect, it } from 'vitest';
import {
  closeDutyDay,
  dutyDayOfDate,
  DutyDayExistsError,
  getOpenDutyDay,
  openDutyDay,
  recentDutyDays,
  reopenDutyDay,
} from '../../../renderer/src/db/repositories/dutyDays';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { auditFor } from '../../../renderer/src/db/repositories/audit';
import { sampleReception, seededDb } from '../../fixtures/db';

describe('one duty day per date', () => {
  it('refuses to open a second day on a date that has one, open or closed', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds });
    await closeDutyDay(db, day.id);
    const refused = openDutyDay(db, { date: '2026-03-01', deputyIds });
    await expect(refused).rejects.toBeInstanceOf(DutyDayExistsError);
    await expect(refused).rejects.toMatchObject({ existing: { id: day.id, status: 'closed' } });
    expect((await recentDutyDays(db)).map((d) => d.date)).toEqual(['2026-03-01']);
    expect((await dutyDayOfDate(db, '2026-03-01'))?.id).toBe(day.id);
    expect(await dutyDayOfDate(db, '2026-03-02')).toBeUndefined();
    // Another date is fine.
    await expect(openDutyDay(db, { date: '2026-03-02', deputyIds })).resolves.toMatchObject({ status: 'open' });
  });

  it('refuses two days on one date even when two windows open it at once', async () => {
    const { db, deputyIds } = await seededDb();
    const results = await Promise.allSettled([
      openDutyDay(db, { date: '2026-03-01', deputyIds }),
      openDutyDay(db, { date: '2026-03-01', deputyIds }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.dutyDays.where('date').equals('2026-03-01').count()).toBe(1);
  });

  it('reopens a closed day with an audit entry; what is recorded after goes into a new list when it closes again', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds });
    await createReception(db, sampleReception(deputyIds), { dutyDayId: day.id });
    const first = await closeDutyDay(db, day.id);
    expect(first.lists).toHaveLength(1);

    const reopened = await reopenDutyDay(db, day.id, '漏登了一位下午来访的企业负责人');
    expect(reopened).toMatchObject({ id: day.id, status: 'open', closedAt: null, date: '2026-03-01' });
    expect((await getOpenDutyDay(db))?.id).toBe(day.id);
    const audit = await auditFor(db, 'dutyDay', day.id);
    expect(audit.map((a) => a.action)).toEqual(['dutyDay.open', 'dutyDay.close', 'dutyDay.reopen']);
    expect(audit[2]!.detail).toEqual({ date: '2026-03-01', closedAt: first.day.closedAt, reason: '漏登了一位下午来访的企业负责人' });

    await createReception(db, sampleReception(deputyIds, { receivedAt: '2026-03-01T15:00:00.000+08:00' }), { dutyDayId: day.id });
    const second = await closeDutyDay(db, day.id);
    expect(second.lists).toHaveLength(1);
    expect(second.lists[0]!.seq).toBe(first.lists[0]!.seq + 1);
    expect(second.lists[0]!.issueIds).toHaveLength(2);
    expect(await db.dutyDays.count()).toBe(1);
  });

  it('reopens only a closed day, and not while another day is open', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds });
    await expect(reopenDutyDay(db, day.id, '')).rejects.toThrow(/not closed/);
    await closeDutyDay(db, day.id);
    await openDutyDay(db, { date: '2026-03-15', deputyIds });
    await expect(reopenDutyDay(db, day.id, '')).rejects.toThrow(/still open/);
    expect((await db.dutyDays.get(day.id))?.status).toBe('closed');
    expect((await auditFor(db, 'dutyDay', day.id)).map((a) => a.action)).toEqual(['dutyDay.open', 'dutyDay.close']);
  });
});
