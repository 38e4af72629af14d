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
  return { ...issue, grams: searchGrams(text), searchText: searchText(text) };
}

export function rowToIssue(row: IssueRow): Issue {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { grams, searchText: _text, ...issue } = row;
  return issue;
}
