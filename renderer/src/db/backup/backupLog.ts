/**
 * The backups' audit trail: when one was written, and when a duty day last closed (automatic
 * backups follow closes). Apart from stationBackup.ts so the shell, which checks these at
 * every start, does not load the export library with them.
 */
import type { StationDb } from '../database';
import { addAudit } from '../repositories/audit';

/**
 * Audit entry for a written backup (access.backedUp, with the signed-in account): entity
 * 'backup', id = the reason, so the last automatic one is easy to find. A restore writes
 * access.restored with id 'restore' into the restored database.
 */
export async function recordBackup(db: StationDb, reason: string, detail: Record<string, unknown>): Promise<void> {
  await db.transaction('rw', db.auditLog, () => addAudit(db, 'access.backedUp', 'backup', reason, detail));
}

/** When the last backup for `reason` was written (station clock), or null. */
export async function lastBackupAt(db: StationDb, reason: string): Promise<string | null> {
  const rows = await db.auditLog.where('[entity+entityId]').equals(['backup', reason]).sortBy('at');
  return rows.at(-1)?.at ?? null;
}

/** When the latest duty day was closed (its closedAt), or null: automatic backups follow closes. */
export async function latestDutyDayClose(db: StationDb): Promise<string | null> {
  // One getAll (a station has a few hundred duty days at most): a cursor would cost a
  // round trip per day, on the path of every start.
  let latest: string | null = null;
  for (const day of await db.dutyDays.toArray()) {
    if (day.closedAt && (latest === null || day.closedAt > latest)) latest = day.closedAt;
  }
  return latest;
}
