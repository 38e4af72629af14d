/** The one place where stored rows and domain objects are converted. */
import { searchKeys, searchText, type SearchableIssueText } from '../../../shared/domain/search';
import type { Issue, Reception } from '../../../shared/domain/schemas';
import type { IssueRow, IssueTermsRow } from './rows';
import type { IssueStateRow } from './syncRows';

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
  const text = searchable(issue, reception);
  const { status: _status, ...content } = issue;
  return {
    row: { ...content, searchText: searchText(text) },
    terms: { id: issue.id, gramTimes: searchKeys(text).map((g) => gramTimeKey(g, issue.recordedAt)) },
  };
}

/** The state of an issue that was never sealed. */
export function newIssueState(issue: Pick<Issue, 'id' | 'status' | 'recordedAt'>): IssueStateRow {
  // Never `submitted` (derived from the list, see issueStates.ts); a new issue is in no list.
  return { id: issue.id, status: issue.status === 'submitted' ? 'recorded' : issue.status, recordedAt: issue.recordedAt, listId: '', sealState: 'open', countyRef: null, county: [], pendingSeal: 1 };
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
