/**
 * The part of the data layer a cold start needs before its first screen: the database, the
 * station and its accounts, 待办, the sync counters, the backup trail. The shell and the
 * features it mounts import from here, so a start compiles only this; `index.ts` re-exports
 * it with the rest (import from there everywhere else).
 */
import { accessSchemas, domainSchemas, followUpSchemas } from './schemas';

export { getDb } from './database';
export * as stationRepo from './repositories/station';
export * as staffRepo from './repositories/staff';
export * as accessSettingsRepo from './repositories/accessSettings';
export * as auditRepo from './repositories/audit';
export * as retentionRepo from './repositories/retention';
export * as todoRepo from './repositories/todo';
export * as dutyDayReadsRepo from './repositories/dutyDayReads';
export * as syncStateRepo from './repositories/syncState';
export * as outboxRepo from './repositories/outbox';
export * as backupLogRepo from './backup/backupLog';
export * as databaseSwitch from './backup/activeDatabase';
export { useLiveQuery } from 'dexie-react-hooks';
export { liveQuery } from 'dexie';

/**
 * Fetches the data layer's code that is loaded on first use (PIN hashing, the backup file
 * writer and reader, the export library older backups are restored with, the schemas writes
 * are validated with), with the screens after the first one shows: the browser build must
 * still check a PIN, save a form, write a backup or restore one after the network went away.
 */
export function preloadOnDemandCode(): Promise<unknown> {
  return Promise.all([import('./pinHash'), import('./backup/backupFile'), import('dexie-export-import'), domainSchemas(), accessSchemas(), followUpSchemas()]);
}
