/**
 * Schema version 1: the reception desk (station, lists, duty days, receptions,
 * issues, drafts, audit log). Shipped versions are never edited: add a new file.
 */
import type { Dexie } from 'dexie';

export const V1_STORES = {
  settings: 'key',
  deputies: 'id, order',
  categories: 'id, order',
  departments: 'id, order',
  dutyDays: 'id, date, status',
  receptions: 'id, receivedAt, dutyDayId',
  issues:
    'id, receptionId, dutyDayId, recordedAt, [category+recordedAt], [status+recordedAt], [handling+recordedAt], *grams',
  drafts: 'id, updatedAt',
  auditLog: 'id, at, [entity+entityId]',
} as const;

export function declareV1(db: Dexie): void {
  db.version(1).stores(V1_STORES);
}
