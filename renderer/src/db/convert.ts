/** The one place where stored rows and domain objects are converted. */
import { searchKeysOfText, searchText, type SearchableIssueText } from '../../../shared/domain/search';
import type { Issue, Reception } from '../../../shared/domain/schemas';
import type { IssueRow, IssueTermsRow, PendingTermsRow } from './rows';
import type { IssueStateRow } from './syncRows';
import { EMPTY_TRACK } from './followRows';
import { withTodo } from './todoMarks';

/** What an issue's content is stored as: its row in `issues` and its search keys in `issueTerms`. */
export interface IssueRecord {
  row: IssueRow;
  terms: IssueTermsRow;
}

function searchable(issue: Issue, reception: Pick<Reception, 'visitors'>): SearchableIssueText {
  return {
    summary: issue.summary,
    request: issue.request,
    enterprises: reception.visitors.map((v) => v.enterprise),
    visitorNames: reception.visitors.map((v) => v.name),
  };
}

export function issueToRecord(issue: Issue, reception: Pick<Reception, 'visitors'>): IssueRecord {
  const { status: _status, ...content } = issue;
  const row: IssueRow = { ...content, searchText: searchText(searchable(issue, reception)) };
  return { row, terms: termsOfRow(row) };
}

/** An issue's search keys, from its stored row (what the background indexer writes). */
export function termsOfRow(row: Pick<IssueRow, 'id' | 'searchText' | 'recordedAt'>): IssueTermsRow {
  return { id: row.id, gramTimes: searchKeysOfText(row.searchText).map((g) => gramTimeKey(g, row.recordedAt)) };
}

/** The queue entry asking for `row`'s search keys; the stamp tells which version of the row it was. */
export function pendingTermsOf(row: Pick<IssueRow, 'id' | 'searchText' | 'recordedAt'>): PendingTermsRow {
  return { id: row.id, stamp: termsStamp(row) };
}

export function termsStamp(row: Pick<IssueRow, 'searchText' | 'recordedAt'>): string {
  return `${row.recordedAt}${GRAM_TIME_SEPARATOR}${row.searchText}`;
}

/** The state of an issue that was never sealed. */
export function newIssueState(issue: Pick<Issue, 'id' | 'status' | 'recordedAt'> & Partial<Pick<Issue, 'handling'>>): IssueStateRow {
  // Never `submitted` (derived from the list, see issueStates.ts); a new issue is in no list.
  const state: IssueStateRow = { id: issue.id, status: issue.status === 'submitted' ? 'recorded' : issue.status, recordedAt: issue.recordedAt, listId: '', sealState: 'open', countyRef: null, county: [], pendingSeal: 1 };
  // 联络站协调 issues are followed by the station itself (schema v10, ./todoMarks.ts).
  return issue.handling === 'stationFollowUp' ? withTodo({ ...state, track: { ...EMPTY_TRACK, followUp: true } }) : state;
}

/** Separates a bigram from the time in `gramTimes` keys; never typed, sorts below every character. */
export const GRAM_TIME_SEPARATOR = '\u0001';

/** A key of the time-ordered posting list of `gram` (`issueTerms.*gramTimes`). */
export function gramTimeKey(gram: string, recordedAt: string): string {
  return gram + GRAM_TIME_SEPARATOR + recordedAt;
}

/** The domain issue from its row and its state (a missing state reads as a never-sealed, recorded issue). */
export function rowToIssue(row: IssueRow, state: Pick<IssueStateRow, 'status'> | undefined): Issue {
  const { searchText: _text, ...content } = row;
  return { ...content, status: state?.status ?? 'recorded' };
}
