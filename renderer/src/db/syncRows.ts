/**
 * Stored shapes added by schema v2 for sealing and sync: issue lists, the numbering
 * counter, the outbox, county receipts, applied county updates and the sync state.
 * These rows are also the domain objects the repositories return (nothing to hide).
 */
import type { IssueStatus } from '../../../shared/domain/enums';
import type { IssueListPayload, StatusUpdateType } from '../../../shared/protocol/index';
import type { IssueTrack, TodoMark } from './followRows';

/** Sealing fields of an issue (schema v2; in `issueStates` since v4). Maintained by ./issueStates.ts, never by forms. */
export interface IssueSealFields {
  /** The list that first carried the issue, or '' while it is not sealed (indexed). */
  listId: string;
  /** open: never sealed; sealed: its latest content is in a list; amended: edited since. */
  sealState: 'open' | 'sealed' | 'amended';
  /** The county's reference for the list that carried the issue, once acknowledged. */
  countyRef: string | null;
}

/**
 * Where an issue stands in the closed loop, kept apart from its content in `issueStates`
 * (schema v4): sealing, receipts and county updates write this small row and never the
 * issue's row, whose text and indexes are large.
 */
export interface IssueStateRow extends IssueSealFields {
  /** The issue's id. */
  id: string;
  status: IssueStatus;
  /** Copy of the issue's recordedAt (never changes), so `[status+recordedAt]` lists a status newest first. */
  recordedAt: string;
  /** What the county did with the issue (交办, 答复, 公示, 销号, 督办), oldest first, each event once. */
  county: CountyUpdate[];
  /**
   * 1 while `sealState` is open or amended, absent once sealed (schema v6): the index on it
   * lists only the issues the next seal takes. Set with `withSealState` (../issueStates.ts).
   */
  pendingSeal?: 1;
  /** Schema v10: the station's follow-up after the answer (absent reads as EMPTY_TRACK). */
  track?: IssueTrack;
  /** Schema v10, sparse 待办 indexes: set only through `withTodo` (./todoMarks.ts). */
  todo?: TodoMark;
  dueAt?: string;
  followUpAt?: string;
}

export type IssueListState = 'sealed' | 'sending' | 'acknowledged' | 'rejected' | 'conflict';

/** A sealed list as stored in `issueLists`: everything but the payload (kept apart, it is large). */
export interface IssueListSummary {
  /** Client UUID, the idempotency key at the county. */
  id: string;
  stationId: string;
  year: number;
  seq: number;
  /** 〔2026〕第7号 */
  number: string;
  sealedAt: string;
  dutyDayId: string | null;
  /** Station issue ids the list carries (originals and corrected ones), in list order. */
  issueIds: string[];
  /** How many entries are corrections of issues sent before. */
  amendments: number;
  amendsListId: string | null;
  state: IssueListState;
  countyRef: string | null;
  /** County clock: when the county first stored the list. */
  receivedAt: string | null;
  /** Chinese reason when the county rejected the list or reported a conflict. */
  problem: string;
}

/** Which issues a list carried (`*issueIds`, schema v6): written once at sealing, never changed. */
export interface ListIssuesRow {
  /** The list's id. */
  id: string;
  issueIds: string[];
}

/** Exactly what is sent to the county; written once at sealing, never changed. */
export interface IssueListPayloadRow {
  id: string;
  payload: IssueListPayload;
}

/** A sealed list with its payload. */
export interface IssueList extends IssueListSummary {
  payload: IssueListPayload;
}

export interface CounterRow {
  /** `${stationId}:${year}` */
  key: string;
  stationId: string;
  year: number;
  /** The last number handed out; the next list gets last + 1. */
  last: number;
}

export type OutboxState = 'pending' | 'sending' | 'acknowledged' | 'rejected' | 'conflict';

export interface OutboxItem {
  id: string;
  /** Since schema v10 also a visitor's rating (kept apart by the list queries: no list has its id). */
  kind: 'issueList' | 'satisfaction';
  /** The id of the thing to send (an issue list id, or a rating id). */
  itemId: string;
  state: OutboxState;
  attempts: number;
  /** Epoch milliseconds; 0 means at once. */
  nextAttemptAt: number;
  /** Chinese, shown to the station. '' when none. */
  lastError: string;
  createdAt: string;
  /**
   * Server errors the county gave for this item alone (a 500 to a request carrying only
   * it, or a `storeFailed` receipt). Not indexed, so no schema version: absent reads as 0.
   * At MAX_ITEM_SERVER_FAILURES the list is set aside for a person; 重新报送 resets it.
   */
  serverFailures?: number;
}

export interface Receipt {
  itemId: string;
  outboxId: string;
  kind: 'issueList' | 'satisfaction';
  outcome: 'accepted' | 'duplicate';
  countyRef: string;
  /** The county's own receive time (station clocks are often wrong). */
  receivedAt: string;
  storedAt: string;
}

/**
 * One county status event for one issue, applied once (the county's seq orders them).
 * Kept in the issue's state row; `countyUpdates` keeps only events about issues the
 * station does not have.
 */
/**
 * A few hundred county updates as one pull stored them (`countyInbox`, schema v7), waiting
 * to be folded into their issues' state rows. Keyed by its first and last seq, so the
 * same key always holds the same events; never changed, deleted once folded.
 */
export interface CountyInboxRow {
  id: string;
  /** In seq order, each naming the issue (or correction entry) as the county did. */
  updates: CountyUpdate[];
}

export interface CountyUpdate {
  seq: number;
  issueId: string;
  listId: string;
  type: StatusUpdateType;
  department: string;
  deadline: string | null;
  response: string;
  note: string;
  /** County time of the event. */
  at: string;
  appliedAt: string;
}

export type SyncStatus =
  | 'idle'
  | 'syncing'
  | 'synced'
  | 'offline'
  | 'retrying'
  | 'tokenRejected'
  | 'notConfigured'
  | 'attention';

export interface SyncState {
  key: 'main';
  /** The county's seq of the last applied update. */
  cursor: number;
  lastSyncAt: string | null;
  status: SyncStatus;
  /** Chinese explanation of the status, '' when all is well. */
  message: string;
  consecutiveFailures: number;
  /** Epoch ms of the next automatic attempt after a failure; 0 when none is scheduled. */
  nextAttemptAt: number;
  /** Masked form of the token the county refused; syncing resumes when the token differs. */
  rejectedToken: string;
  /**
   * Set in a database restored from a backup: the county may hold lists sealed after the
   * backup. Until the engine has reconciled with the county, nothing is sent and nothing
   * is sealed (renderer/src/sync/reconcile.ts). Not indexed, so no schema version; absent
   * reads as false.
   */
  needsReconcile?: boolean;
  /** Lists the county held for this station that the restored database did not have, found when it reconciled. */
  countyOnlyLists?: CountyOnlyList[];
}

/** A list the county holds for this station that this database never had (sealed after its backup). */
export interface CountyOnlyList {
  id: string;
  year: number;
  seq: number;
  countyRef: string;
  /** County clock. */
  receivedAt: string;
}
