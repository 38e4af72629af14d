/**
 * Duty days: opened with the deputies on duty, closed with a summary. One duty day per
 * date: opening a date that already has one is refused (DutyDayExistsError); a closed day
 * is reopened instead, an explicit action with its own audit entry (reopenDutyDay).
 * At most one day is open at a time. The date index is not unique (schema v1), so both
 * rules are checked inside the writing transaction.
 */
import { summarizeDutyDay, type DutyDaySummary } from '../../../../shared/domain/dutyDaySummary';
import { newId } from '../../../../shared/domain/ids';
import { dutyDayOpenSchema, type DutyDay, type DutyDayOpenInput } from '../../../../shared/domain/schemas';
import { toLocalIso } from '../../../../shared/domain/time';
import type { StationDb } from '../database';
import { stateTables, withStates } from '../issueStates';
import { addAudit } from './audit';
import { sealTables, sealWithin } from './issueLists';
import type { IssueList } from '../syncRows';

import { dutyDayOfDate } from './dutyDayReads';

export { dutyDayOfDate, getOpenDutyDay, receptionPageOfDutyDay, type ReceptionPage } from './dutyDayReads';


export function getDutyDay(db: StationDb, id: string): Promise<DutyDay | undefined> {
  return db.dutyDays.get(id);
}

export function recentDutyDays(db: StationDb, limit = 30): Promise<DutyDay[]> {
  return db.dutyDays.orderBy('date').reverse().limit(limit).toArray();
}

/** The date already has a duty day; it can be reopened (if closed), not opened twice. */
export class DutyDayExistsError extends Error {
  constructor(public readonly existing: DutyDay) {
    super(`A duty day already exists for ${existing.date} (${existing.status})`);
    this.name = 'DutyDayExistsError';
  }
}


export async function openDutyDay(db: StationDb, input: DutyDayOpenInput): Promise<DutyDay> {
  const valid = dutyDayOpenSchema.parse(input);
  const day: DutyDay = {
    id: newId(),
    date: valid.date,
    status: 'open',
    deputyIds: valid.deputyIds,
    openedAt: toLocalIso(new Date()),
    closedAt: null,
  };
  await db.transaction('rw', [db.dutyDays, db.auditLog], async () => {
    const open = await db.dutyDays.where('status').equals('open').first();
    if (open) throw new Error(`Duty day ${open.date} is still open`);
    const existing = await dutyDayOfDate(db, day.date);
    if (existing) throw new DutyDayExistsError(existing);
    await db.dutyDays.add(day);
    await addAudit(db, 'dutyDay.open', 'dutyDay', day.id, { date: day.date, deputies: day.deputyIds.length });
  });
  return day;
}

/**
 * Reopens a closed duty day (its issues already sealed stay in their lists; what is
 * recorded after reopening is sealed into a new list when the day closes again). Refused
 * while another day is open. The audit entry keeps when it had been closed and why it
 * was reopened.
 */
export async function reopenDutyDay(db: StationDb, id: string, reason: string): Promise<DutyDay> {
  let result: DutyDay | undefined;
  await db.transaction('rw', [db.dutyDays, db.auditLog], async () => {
    const day = await db.dutyDays.get(id);
    if (!day) throw new Error(`Duty day ${id} not found`);
    if (day.status !== 'closed') throw new Error(`Duty day ${id} is not closed`);
    const open = await db.dutyDays.where('status').equals('open').first();
    if (open) throw new Error(`Duty day ${open.date} is still open`);
    result = { ...day, status: 'open', closedAt: null };
    await db.dutyDays.put(result);
    await addAudit(db, 'dutyDay.reopen', 'dutyDay', id, { date: day.date, closedAt: day.closedAt, reason: reason.trim() });
  });
  return result!;
}

export async function updateDutyDayDeputies(db: StationDb, id: string, deputyIds: string[]): Promise<void> {
  await db.transaction('rw', [db.dutyDays, db.auditLog], async () => {
    const day = await db.dutyDays.get(id);
    if (!day || day.status !== 'open') throw new Error(`Duty day ${id} is not open`);
    await db.dutyDays.put({ ...day, deputyIds });
    await addAudit(db, 'dutyDay.open', 'dutyDay', id, { deputies: deputyIds.length, changed: true });
  });
}

export async function dutyDaySummary(db: StationDb, id: string): Promise<DutyDaySummary> {
  return db.transaction('r', [db.receptions, db.issues, ...stateTables(db)], async () => {
    const receptions = await db.receptions.where('dutyDayId').equals(id).toArray();
    const issues = await withStates(db, await db.issues.where('dutyDayId').equals(id).toArray());
    return summarizeDutyDay(receptions, issues);
  });
}

/**
 * Closes the day and, in the same transaction, seals its unsealed issues into numbered
 * issue lists queued for the county (`lists`, empty when the day had no new issues).
 */
export async function closeDutyDay(
  db: StationDb,
  id: string,
): Promise<{ day: DutyDay; summary: DutyDaySummary; lists: IssueList[] }> {
  let result: { day: DutyDay; summary: DutyDaySummary; lists: IssueList[] } | undefined;
  await db.transaction('rw', sealTables(db), async () => {
    const day = await db.dutyDays.get(id);
    if (!day) throw new Error(`Duty day ${id} not found`);
    if (day.status === 'closed') throw new Error(`Duty day ${id} is already closed`);
    const receptions = await db.receptions.where('dutyDayId').equals(id).toArray();
    const issues = await withStates(db, await db.issues.where('dutyDayId').equals(id).toArray());
    const summary = summarizeDutyDay(receptions, issues);
    const closed: DutyDay = { ...day, status: 'closed', closedAt: toLocalIso(new Date()) };
    await db.dutyDays.put(closed);
    await addAudit(db, 'dutyDay.close', 'dutyDay', id, { ...summary });
    const lists = await sealWithin(db, { dutyDayId: id });
    result = { day: closed, summary, lists };
  });
  return result!;
}
