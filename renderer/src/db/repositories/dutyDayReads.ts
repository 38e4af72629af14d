/**
 * The duty-day reads Today needs, apart from dutyDays.ts (which seals lists and so brings
 * the list code and the protocol's schemas with it): a cold start issues the first two at
 * boot (db/startup.ts), and Today's screen reads its receptions from here.
 */
import type { DutyDay, Issue, Reception } from '../../../../shared/domain/schemas';
import { compareReceptions } from '../../../../shared/domain/ordering';
import type { StationDb } from '../database';
import { stateTables, withStates } from '../issueStates';

/** The duty day currently open, if any (at most one is open at a time). */
export async function getOpenDutyDay(db: StationDb): Promise<DutyDay | undefined> {
  return db.dutyDays.where('status').equals('open').first();
}

/**
 * The duty day of a date, if any. Data from before the one-per-date rule may hold two for
 * one date: the latest opened one is returned.
 */
export async function dutyDayOfDate(db: StationDb, date: string): Promise<DutyDay | undefined> {
  const days = await db.dutyDays.where('date').equals(date).toArray();
  return days.sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0))[0];
}

export interface ReceptionPage {
  items: { reception: Reception; issues: Issue[] }[];
  total: number;
}

/**
 * One page of a duty day's receptions, newest first, with their issues. Only the
 * page's issues are read, so a long day never loads every record at once.
 */
export async function receptionPageOfDutyDay(
  db: StationDb,
  dutyDayId: string,
  page: { offset: number; limit: number },
): Promise<ReceptionPage> {
  return db.transaction('r', [db.receptions, db.issues, ...stateTables(db)], async () => {
    // List order reversed (shared/domain/ordering.ts): the day's rows are few (tens), the index has no compound key for it.
    const all = await db.receptions.where('dutyDayId').equals(dutyDayId).toArray();
    all.sort((a, b) => compareReceptions(b, a));
    const slice = all.slice(page.offset, page.offset + page.limit);
    const rows = await db.issues.where('receptionId').anyOf(slice.map((r) => r.id)).toArray();
    const byReception = new Map<string, Issue[]>();
    for (const issue of (await withStates(db, rows)).sort((a, b) => a.seq - b.seq)) {
      const list = byReception.get(issue.receptionId) ?? [];
      list.push(issue);
      byReception.set(issue.receptionId, list);
    }
    return { items: slice.map((reception) => ({ reception, issues: byReception.get(reception.id) ?? [] })), total: all.length };
  });
}
