/**
 * 设置 → 待办提醒: the days after which a 联络站协调 issue without progress is listed are
 * the station's to set, validated before anything is written, saved with an audit entry,
 * and 待办 lists by them.
 */
import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../../../shared/domain/calendars/cn2026';
import { DEFAULT_STALE_FOLLOW_UP_DAYS } from '../../../shared/domain/followUpSettings';
import { auditFor } from '../../../renderer/src/db/repositories/audit';
import { getFollowUpSettings, updateFollowUpSettings } from '../../../renderer/src/db/repositories/followUpSettings';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { todoSummary } from '../../../renderer/src/db/repositories/todo';
import { sampleReception, seededDb } from '../../fixtures/db';

const NOW = new Date('2026-03-20T10:00:00+08:00');

/** A reception `daysAgo` before NOW; its second issue is followed by the station. */
async function followedIssue(db: Awaited<ReturnType<typeof seededDb>>['db'], deputyIds: string[], daysAgo: number): Promise<string> {
  const receivedAt = new Date(NOW.getTime() - daysAgo * 24 * 3600 * 1000 - 3600 * 1000).toISOString();
  const r = await createReception(db, sampleReception(deputyIds, { receivedAt }), { dutyDayId: null });
  return r.issues.find((i) => i.handling === 'stationFollowUp')!.id;
}

describe('days without progress before 待办 lists a 联络站协调 issue', () => {
  it('defaults to 7 days, and a saved number of days changes which issues are listed', async () => {
    const { db, deputyIds } = await seededDb();
    const twoDays = await followedIssue(db, deputyIds, 2);
    const fiveDays = await followedIssue(db, deputyIds, 5);
    const tenDays = await followedIssue(db, deputyIds, 10);

    const settings = await getFollowUpSettings(db);
    expect(settings.staleFollowUpDays).toBe(DEFAULT_STALE_FOLLOW_UP_DAYS);
    const listed = async () => {
      const { staleFollowUpDays } = await getFollowUpSettings(db);
      const todo = await todoSummary(db, NOW, CN_2026_CALENDAR, staleFollowUpDays);
      return { count: todo.staleFollowUp.count, ids: todo.staleFollowUp.items.map((i) => i.id) };
    };
    expect(await listed()).toEqual({ count: 1, ids: [tenDays] });

    await updateFollowUpSettings(db, { staleFollowUpDays: 3 });
    // Oldest progress first.
    expect(await listed()).toEqual({ count: 2, ids: [tenDays, fiveDays] });

    await updateFollowUpSettings(db, { staleFollowUpDays: 1 });
    expect(await listed()).toEqual({ count: 3, ids: [tenDays, fiveDays, twoDays] });

    await updateFollowUpSettings(db, { staleFollowUpDays: 30 });
    expect(await listed()).toEqual({ count: 0, ids: [] });

    const audit = await auditFor(db, 'station', 'followUp');
    expect(audit.map((a) => [a.action, (a.detail['before'] as { staleFollowUpDays: number }).staleFollowUpDays, (a.detail['after'] as { staleFollowUpDays: number }).staleFollowUpDays])).toEqual([
      ['followUp.settings', 7, 3],
      ['followUp.settings', 3, 1],
      ['followUp.settings', 1, 30],
    ]);
  });

  it('refuses a number of days outside 1–90 or not whole, and writes nothing', async () => {
    const { db } = await seededDb();
    await updateFollowUpSettings(db, { staleFollowUpDays: 14 });
    for (const bad of [0, -3, 91, 1000, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '', 'abc', null]) {
      await expect(updateFollowUpSettings(db, { staleFollowUpDays: bad })).rejects.toThrow();
    }
    await expect(updateFollowUpSettings(db, { staleFollowUpDays: 5, extra: 1 })).rejects.toThrow();
    expect((await getFollowUpSettings(db)).staleFollowUpDays).toBe(14);
    expect(await auditFor(db, 'station', 'followUp')).toHaveLength(1);
  });

  it('a stored row that no longer validates reads as the default', async () => {
    const { db } = await seededDb();
    await db.table('settings').put({ key: 'followUp', value: { staleFollowUpDays: 500 } });
    expect((await getFollowUpSettings(db)).staleFollowUpDays).toBe(DEFAULT_STALE_FOLLOW_UP_DAYS);
  });
});
