/**
 * Audit entries: written inside the transaction of the action they record. Every entry
 * names the staff account signed in at the time (`actor`, set by the session through
 * setAuditActor), whichever feature writes it; reading, printing, exporting, backing up
 * and restoring are recorded too, through recordAccess (docs/access.md).
 */
import type { Actor } from '../../../../shared/domain/access';
import { newId } from '../../../../shared/domain/ids';
import { toLocalIso } from '../../../../shared/domain/time';
import type { StationDb } from '../database';
import type { AuditRow } from '../rows';

export type AuditAction =
  | 'station.setup'
  | 'station.update'
  | 'deputy.add'
  | 'deputy.update'
  | 'list.add'
  | 'list.update'
  | 'dutyDay.open'
  | 'dutyDay.close'
  | 'dutyDay.reopen'
  | 'reception.create'
  | 'reception.update'
  | 'reception.delete'
  | 'issueList.seal'
  | 'sync.acknowledged'
  | 'sync.setAside'
  | 'sync.reconciled'
  | 'staff.add'
  | 'staff.update'
  | 'staff.pinChange'
  | 'staff.signIn'
  | 'staff.signInRefused'
  | 'staff.lock'
  | 'access.settings'
  | 'retention.erasePhones'
  | 'issue.handBack'
  | 'issue.progress'
  | 'issue.result'
  | 'issue.rating'
  | 'statistics.weights'
  | 'followUp.settings'
  | `access.${AccessKind}`;

/** What recordAccess records: a person saw or took data out, without changing it. */
export type AccessKind = 'viewed' | 'printed' | 'exported' | 'backedUp' | 'restored';

let currentActor: Actor | null = null;

/** The account every audit entry is written for from now on (null while the app is locked). */
export function setAuditActor(actor: Actor | null): void {
  currentActor = actor ? { id: actor.id, name: actor.name } : null;
}

export function auditActor(): Actor | null {
  return currentActor;
}

/** Call only inside a rw transaction that includes db.auditLog. */
export function addAudit(
  db: StationDb,
  action: AuditAction,
  entity: string,
  entityId: string,
  detail: Record<string, unknown> = {},
): Promise<string> {
  const row: AuditRow = { id: newId(), at: toLocalIso(new Date()), action, entity, entityId, detail, actor: currentActor };
  return db.auditLog.add(row);
}

/**
 * Records that the signed-in account viewed, printed, exported, backed up or restored
 * something (`target`: what, e.g. { entity: 'reception', id }), in its own transaction.
 * For backup and restore, pass { entity: 'station', id: stationId } or the file name.
 */
export async function recordAccess(
  db: StationDb,
  kind: AccessKind,
  target: { entity: string; id: string },
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.transaction('rw', db.auditLog, () => addAudit(db, `access.${kind}`, target.entity, target.id, detail));
}

export function auditFor(db: StationDb, entity: string, entityId: string): Promise<AuditRow[]> {
  return db.auditLog.where('[entity+entityId]').equals([entity, entityId]).sortBy('at');
}
