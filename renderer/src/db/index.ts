/**
 * The renderer's data layer, bound to the app's database. Features import from here;
 * nothing outside src/db sees Dexie. What a cold start needs comes from `startup.ts`.
 */
export {
  getDb,
  stationRepo,
  staffRepo,
  accessSettingsRepo,
  auditRepo,
  retentionRepo,
  todoRepo,
  syncStateRepo,
  outboxRepo,
  databaseSwitch,
  useLiveQuery,
  liveQuery,
} from './startup';
export * as receptionsRepo from './repositories/receptions';
export * as dutyDaysRepo from './repositories/dutyDays';
export * as draftsRepo from './repositories/drafts';
export * as issueListsRepo from './repositories/issueLists';
export * as countyStatusRepo from './repositories/countyStatus';
export type { IssueList, IssueListSummary, OutboxItem, CountyUpdate, CountyOnlyList, SyncState, SyncStatus } from './syncRows';
export { SealedIssueDeleteError } from './issueStates';
export { DutyDayExistsError } from './repositories/dutyDays';
export { SealingWaitsForReconcile } from './repositories/reconcile';
export * as issueSearchRepo from './repositories/issueSearch';
export * as printQueriesRepo from './repositories/printQueries';
export * as followUpRepo from './repositories/followUp';
export * as periodRecordsRepo from './repositories/periodRecords';
export * as periodStatisticsRepo from './repositories/periodStatistics';
export * as pointWeightsRepo from './repositories/pointWeights';
export * as followUpSettingsRepo from './repositories/followUpSettings';
export type { PeriodIssue, PeriodRecords } from './repositories/periodRecords';
export type { IssueActionRow, RatingRow } from './followRows';
export * as backupRepo from './backup/stationBackup';
export { ValidationError } from './repositories/receptions';
export type { ReceptionWithIssues } from './repositories/receptions';
