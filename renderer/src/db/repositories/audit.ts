/** Audit entries: written inside the transaction of the action they record. */
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
  | 'sync.setAside';

/** Call only inside a rw transaction that includes db.auditLog. */
export function addAudit(
  db: StationDb,
  action: AuditAction,
  entity: string,
  entityId: string,
  detail: Record<string, unknown> = {},
): Promise<string> {
  const row: AuditRow = { id: newId(), at: toLocalIso(new Date()), action, entity, entityId, detail };
  return db.auditLog.add(row);
}

export function auditFor(db: StationDb, entity: string, entityId: string): Promise<AuditRow[]> {
  return db.auditLog.where('[entity+entityId]').equals([entity, entityId]).sortBy('at');
}
