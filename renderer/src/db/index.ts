/**
 * The renderer's data layer, bound to the app's database. Features import from here;
 * nothing outside src/db sees Dexie.
 */
export { getDb } from './database';
export * as receptionsRepo from './repositories/receptions';
export * as stationRepo from './repositories/station';
export * as dutyDaysRepo from './repositories/dutyDays';
export * as draftsRepo from './repositories/drafts';
export * as auditRepo from './repositories/audit';
export * as staffRepo from './repositories/staff';
export * as accessSettingsRepo from './repositories/accessSettings';
export * as retentionRepo from './repositories/retention';
export * as issueListsRepo from './repositories/issueLists';
export * as outboxRepo from './repositories/outbox';
export * as countyStatusRepo from './repositories/countyStatus';
export * as syncStateRepo from './repositories/syncState';
export type { IssueList, IssueListSummary, OutboxItem, CountyUpdate, CountyOnlyList, SyncState, SyncStatus } from './syncRows';
export { SealedIssueDeleteError } from './issueStates';
export { DutyDayExistsError } from './repositories/dutyDays';
export { SealingWaitsForReconcile } from './repositories/reconcile';
export * as issueSearchRepo from './repositories/issueSearch';
export * as printQueriesRepo from './repositories/printQueries';
export * as followUpRepo from './repositories/followUp';
export * as todoRepo from './repositories/todo';
export * as periodRecordsRepo from './repositories/periodRecords';
export * as periodStatisticsRepo from './repositories/periodStatistics';
export * as pointWeightsRepo from './repositories/pointWeights';
export * as followUpSettingsRepo from './repositories/followUpSettings';
export type { PeriodIssue, PeriodRecords } from './repositories/periodRecords';
export type { IssueActionRow, RatingRow } from './followRows';
export * as backupRepo from './backup/stationBackup';
export * as databaseSwitch from './backup/activeDatabase';
export { useLiveQuery } from 'dexie-react-hooks';
export { liveQuery } from 'dexie';
export { ValidationError } from './repositories/receptions';
export type { ReceptionWithIssues } from './repositories/receptions';
