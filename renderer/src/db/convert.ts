/** The one place where stored rows and domain objects are converted. */
import { searchGrams, searchText, type SearchableIssueText } from '../../../shared/domain/search';
import type { Issue, Reception } from '../../../shared/domain/schemas';
import type { IssueRow, IssueTermsRow } from './rows';

/** What one issue is stored as: its row in `issues` and its search keys in `issueTerms`. */
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
  return {
    row: { ...issue, searchText: searchText(text) },
    terms: { id: issue.id, gramTimes: searchGrams(text).map((g) => gramTimeKey(g, issue.recordedAt)) },
  };
}

/** Separates a bigram from the time in `gramTimes` keys; never typed, sorts below every character. */
export const GRAM_TIME_SEPARATOR = '\u0001';

/** A key of the time-ordered posting list of `gram` (`issueTerms.*gramTimes`). */
export function gramTimeKey(gram: string, recordedAt: string): string {
  return gram + GRAM_TIME_SEPARATOR + recordedAt;
}

export function rowToIssue(row: IssueRow): Issue {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { searchText: _text, ...issue } = row;
  return issue;
}
