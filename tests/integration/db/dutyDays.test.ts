import { describe, expect, it } from 'vitest';
import {
  closeDutyDay,
  dutyDaySummary,
  getOpenDutyDay,
  openDutyDay,
  receptionPageOfDutyDay,
} from '../../../renderer/src/db/repositories/dutyDays';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { auditFor } from '../../../renderer/src/db/repositories/audit';
import { sampleReception, seededDb } from '../../fixtures/db';

describe('duty days repository', () => {
  it('opens one duty day with an audit entry and refuses a second while it is open', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds: deputyIds.slice(0, 2) });
    expect(day.status).toBe('open');
    expect((await getOpenDutyDay(db))?.id).toBe(day.id);
    await expect(openDutyDay(db, { date: '2026-03-02', deputyIds })).rejects.toThrow(/still open/);
    expect(await db.dutyDays.count()).toBe(1);
    expect((await auditFor(db, 'dutyDay', day.id)).map((a) => a.action)).toEqual(['dutyDay.open']);
  });

  it('rejects a duty day without deputies or with a malformed date', async () => {
    const { db, deputyIds } = await seededDb();
    await expect(openDutyDay(db, { date: '2026-03-01', deputyIds: [] })).rejects.toThrow(/请至少勾选一位在岗代表/);
    await expect(openDutyDay(db, { date: '2026/03/01', deputyIds })).rejects.toThrow();
    expect(await db.dutyDays.count()).toBe(0);
  });

  it('allows fewer than three deputies: understaffing is a warning, not a rule', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds: [deputyIds[0]!] });
    expect(day.deputyIds).toHaveLength(1);
  });

  it('closes with the summary of its own receptions only and writes it to the audit log', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds });
    await createReception(db, sampleReception(deputyIds), { dutyDayId: day.id });
    const second = sampleReception(deputyIds, { receivedAt: '2026-03-01T11:00:00.000+08:00' });
    second.visitors = [{ name: '周强', phone: '', enterprise: '一禾粮油有限公司', position: '' }];
    second.issues = [{ ...second.issues[0]!, handling: 'onSpot', onSpotAnswer: '已当场说明', category: '融资贷款' }];
    await createReception(db, second, { dutyDayId: day.id });
    await createReception(db, sampleReception(deputyIds), { dutyDayId: null }); // outside the day

    const before = await dutyDaySummary(db, day.id);
    const { day: closed, summary } = await closeDutyDay(db, day.id);
    expect(summary).toEqual(before);
    expect(summary).toMatchObject({ receptions: 2, visitors: 3, enterprises: 2, issues: 3 });
    expect(summary.byHandling).toEqual({ onSpot: 1, stationFollowUp: 1, referToCounty: 1 });
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(await getOpenDutyDay(db)).toBeUndefined();
    const audit = await auditFor(db, 'dutyDay', day.id);
    expect(audit.map((a) => a.action)).toEqual(['dutyDay.open', 'dutyDay.close']);
    expect(audit[1]!.detail).toMatchObject({ receptions: 2, issues: 3 });
    await expect(closeDutyDay(db, day.id)).rejects.toThrow(/already closed/);
    // A new day can be opened once the previous one is closed.
    await expect(openDutyDay(db, { date: '2026-03-15', deputyIds })).resolves.toMatchObject({ status: 'open' });
  });

  it('pages the receptions of a day newest first, with only the page’s issues', async () => {
    const { db, deputyIds } = await seededDb();
    const day = await openDutyDay(db, { date: '2026-03-01', deputyIds });
    for (let i = 0; i < 25; i++) {
      const minute = String(i).padStart(2, '0');
      await createReception(db, sampleReception(deputyIds, { receivedAt: `2026-03-01T09:${minute}:00.000+08:00` }), {
        dutyDayId: day.id,
      });
    }
    await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const first = await receptionPageOfDutyDay(db, day.id, { offset: 0, limit: 20 });
    expect(first.total).toBe(25);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.reception.receivedAt).toBe('2026-03-01T09:24:00.000+08:00');
    expect(first.items[0]!.issues.map((i) => i.seq)).toEqual([1, 2]);
    const second = await receptionPageOfDutyDay(db, day.id, { offset: 20, limit: 20 });
    expect(second.items.map((r) => r.reception.receivedAt.slice(11, 16))).toEqual(['09:04', '09:03', '09:02', '09:01', '09:00']);
    expect(await receptionPageOfDutyDay(db, 'no-such-day-0', { offset: 0, limit: 20 })).toEqual({ items: [], total: 0 });
  });
});
