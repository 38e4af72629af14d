/**
 * Stored row shapes. Rows are what IndexedDB holds; domain objects are what the rest
 * of the app sees. Conversion happens only in ./convert.ts.
 */
import type { AuditEntry, Deputy, DutyDay, Issue, ListEntry, Reception, StationSettings } from '../../../shared/domain/schemas';

export interface SettingsRow {
  key: 'station';
  value: StationSettings;
}
export type DeputyRow = Deputy;
export type ListEntryRow = ListEntry;
export type DutyDayRow = DutyDay;
export type ReceptionRow = Reception;

/**
 * An issue row holds what the station wrote (the domain fields but status) and the
 * normalized search text. Since schema v4 its search keys live in `issueTerms` and its
 * status and sealing in `issueStates` (syncRows.ts), so sync never rewrites this row.
 */
export interface IssueRow extends Omit<Issue, 'status'> {
  searchText: string;
}

/** The search keys of one issue, keyed by the issue's id (schema v4). */
export interface IssueTermsRow {
  id: string;
  /** One `${gram}\u0001${recordedAt}` key per bigram: time-ordered posting lists. */
  gramTimes: string[];
}

/**
 * An issue whose search keys are still to be written (schema v6): saving writes this small
 * row instead of the keys, which a background step writes right after (db/termIndex.ts);
 * until then search reads these issues directly. `stamp` is the row version it was queued for.
 */
export interface PendingTermsRow {
  id: string;
  stamp: string;
}

export interface DraftRow {
  id: string;
  kind: 'reception';
  /** The reception being edited, or null for a new one. */
  targetId: string | null;
  data: unknown;
  updatedAt: string;
}

export type AuditRow = AuditEntry;
