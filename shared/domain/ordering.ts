/**
 * The one order of receptions and issues, used by every list and form (today's
 * receptions, the draft issue list, the sealed list, the reception forms, the public
 * notice, history), so an issue's 序号 never changes between them.
 *
 * - Receptions: by time (receivedAt), then by id. Ids are made once on the client in
 *   creation order (ids.ts, UUIDv7 layout) and never change, so two receptions that
 *   share a minute keep the order they were recorded in, on every screen and paper.
 * - Issues: by their reception's place in that order, then by their seq within the
 *   reception (the order the form lists them). An issue's time is its reception's.
 * Sealing writes this order into the list (each entry's `seq` is its place), so a sealed
 * list keeps it for good. Times are compared as stored strings (local ISO with offset).
 * Pure functions: no DOM, no storage.
 */

export interface ReceptionKey {
  receivedAt: string;
  id: string;
}

export interface IssueKey {
  /** The reception's time (an issue's recordedAt follows it). */
  receivedAt: string;
  receptionId: string;
  seq: number;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest first. */
export function compareReceptions(a: ReceptionKey, b: ReceptionKey): number {
  return byText(a.receivedAt, b.receivedAt) || byText(a.id, b.id);
}

/** In list order: reception by reception (oldest first), each reception's issues by seq. */
export function compareIssues(a: IssueKey, b: IssueKey): number {
  return byText(a.receivedAt, b.receivedAt) || byText(a.receptionId, b.receptionId) || a.seq - b.seq;
}

/**
 * History's order, newest first: receptions newest first, but each reception's issues
 * still in their own order (1, 2, 3), as on its form.
 */
export function compareIssuesNewestFirst(a: IssueKey, b: IssueKey): number {
  return byText(b.receivedAt, a.receivedAt) || byText(b.receptionId, a.receptionId) || a.seq - b.seq;
}

/** The order key of an issue, from the issue and its reception. */
export function issueKey(issue: { receptionId: string; seq: number }, reception: { receivedAt: string }): IssueKey {
  return { receivedAt: reception.receivedAt, receptionId: issue.receptionId, seq: issue.seq };
}
