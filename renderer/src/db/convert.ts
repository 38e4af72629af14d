/** The one place where stored rows and domain objects are converted. */
import { searchGrams, searchText } from '../../../shared/domain/search';
import type { Issue, Reception } from '../../../shared/domain/schemas';
import type { IssueRow } from './rows';

export function issueToRow(issue: Issue, reception: Pick<Reception, 'visitors'>): IssueRow {
  const text = {
    summary: issue.summary,
    request: issue.request,
    enterprises: reception.visitors.map((v) => v.enterprise),
    visitorNames: reception.visitors.map((v) => v.name),
  };
  const grams = searchGrams(text);
  return { ...issue, grams, gramTimes: grams.map((g) => gramTimeKey(g, issue.recordedAt)), searchText: searchText(text) };
}

/** Separates a bigram from the time in `gramTimes` keys; never typed, sorts below every character. */
export const GRAM_TIME_SEPARATOR = '\u0001';

/** A key of the time-ordered posting list of `gram` (schema v3, `*gramTimes`). */
export function gramTimeKey(gram: string, recordedAt: string): string {
  return gram + GRAM_TIME_SEPARATOR + recordedAt;
}

export function rowToIssue(row: IssueRow): Issue {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { grams, gramTimes, searchText: _text, ...issue } = row;
  return issue;
}
