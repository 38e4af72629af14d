/**
 * The station database: the single source of truth on the station PC.
 * Version declarations live one per file in ./schema and are applied in order.
 */
import { Dexie, type Table } from 'dexie';
import { declareV1 } from './schema/v1';
import { declareV2 } from './schema/v2';
import { declareV3 } from './schema/v3';
import { declareV4 } from './schema/v4';
import { declareV5 } from './schema/v5';
import { declareV6 } from './schema/v6';
import { declareV7 } from './schema/v7';
import { declareV9 } from './schema/v9';
import { declareV10 } from './schema/v10';
import { declareV12 } from './schema/v12';
import { declareV13 } from './schema/v13';
import { todoCountsMiddleware, type TodoCountRow } from './todoCounts';
import { activeDatabaseName } from './backup/activeDatabase';
import { scheduleCountyFold } from './repositories/countyFold';
import { scheduleTermIndexing } from './termIndex';
import { scheduleStatDaysBuild } from './statDays';
import type { StatDayRow } from './statRows';
import { scheduleTodoCheck } from './todoRecount';
import type { AccessSettingsRow, StaffRow } from './accessRows';
import type { IssueActionRow, RatingRow } from './followRows';
import type { AuditRow, DeputyRow, DraftRow, DutyDayRow, IssueRow, IssueTermsRow, ListEntryRow, PendingTermsRow, ReceptionRow, SettingsRow } from './rows';
import type {
  CounterRow,
  CountyInboxRow,
  CountyUpdate,
  IssueListPayloadRow,
  IssueListSummary,
  IssueStateRow,
  ListIssuesRow,
  OutboxItem,
  Receipt,
  SyncState,
} from './syncRows';

export const DB_NAME = 'station-desk';

export class StationDb extends Dexie {
  settings!: Table<SettingsRow, string>;
  deputies!: Table<DeputyRow, string>;
  categories!: Table<ListEntryRow, string>;
  departments!: Table<ListEntryRow, string>;
  dutyDays!: Table<DutyDayRow, string>;
  receptions!: Table<ReceptionRow, string>;
  issues!: Table<IssueRow, string>;
  issueTerms!: Table<IssueTermsRow, string>;
  pendingTerms!: Table<PendingTermsRow, string>;
  issueStates!: Table<IssueStateRow, string>;
  drafts!: Table<DraftRow, string>;
  auditLog!: Table<AuditRow, string>;
  issueLists!: Table<IssueListSummary, string>;
  listIssues!: Table<ListIssuesRow, string>;
  issueListPayloads!: Table<IssueListPayloadRow, string>;
  counters!: Table<CounterRow, string>;
  outbox!: Table<OutboxItem, string>;
  receipts!: Table<Receipt, string>;
  countyUpdates!: Table<CountyUpdate, number>;
  countyInbox!: Table<CountyInboxRow, string>;
  syncState!: Table<SyncState, string>;
  staff!: Table<StaffRow, string>;
  accessSettings!: Table<AccessSettingsRow, string>;
  issueActions!: Table<IssueActionRow, string>;
  ratings!: Table<RatingRow, string>;
  statDays!: Table<StatDayRow, string>;
  todoCounts!: Table<TodoCountRow, string>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    declareV1(this);
    declareV2(this);
    declareV3(this);
    declareV4(this);
    declareV5(this);
    declareV6(this);
    declareV7(this);
    declareV9(this);
    declareV10(this);
    declareV12(this);
    declareV13(this);
    this.use(todoCountsMiddleware);
  }
}

let instance: StationDb | null = null;

/**
 * The app's database, opened lazily once per page. On first use, work a previous session
 * queued but did not finish (the app closed right after a save or a pull) is done: search
 * keys are written and county updates folded into issue states.
 */
export function getDb(): StationDb {
  if (!instance) {
    // Usually DB_NAME; another name after a restore (./backup/activeDatabase.ts).
    instance = new StationDb(activeDatabaseName());
    scheduleTermIndexing(instance);
    scheduleCountyFold(instance);
    scheduleStatDaysBuild(instance);
    scheduleTodoCheck(instance);
  }
  return instance;
}
