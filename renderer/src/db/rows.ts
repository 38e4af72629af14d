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

/** An issue row carries its search bigrams and normalized text besides the domain fields. */
export interface IssueRow extends Issue {
  grams: string[];
  /** One `${gram}\u0001${recordedAt}` key per bigram: time-ordered posting lists (schema v3). */
  gramTimes: string[];
  searchText: string;
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
