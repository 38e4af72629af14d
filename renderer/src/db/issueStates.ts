/**
 * Issue states (`issueStates`, schema v4): status and sealing of each issue, apart from
 * its content. The sealing rules (see renderer/src/sync/README.md):
 * - a new issue starts `open` with listId '';
 * - an edit of a sealed issue keeps listId and countyRef; if what the county saw changed
 *   (content or visitors), it becomes `amended` and the next seal carries an amendment
 *   entry; the sealed list itself never changes;
 * - a sealed issue cannot be deleted: the county already has it.
 */
import type { IssueStatus } from '../../../shared/domain/enums';
import type { Issue, Reception } from '../../../shared/domain/schemas';
import { newIssueState, rowToIssue } from './convert';
import { inboxOverlay, withInbox, type InboxOverlay } from './countyInbox';
import type { StationDb } from './database';
import type { IssueRow } from './rows';
import type { IssueStateRow } from './syncRows';
import { EMPTY_TRACK } from './followRows';
import { withTodo } from './todoMarks';

/**
 * A stored status never says `submitted`: an issue is submitted when it is `recorded` and
 * the list that carried it was acknowledged by the county (DESIGN: "in a list the county
 * acknowledged"). `readStates` derives it, so storing a receipt writes one row per list,
 * not one per issue.
 */
export function storedStatus(status: IssueStatus): IssueStatus {
  return status === 'submitted' ? 'recorded' : status;
}

/** The tables `readStates` reads: a transaction that calls it must include them. */
export function stateTables(db: StationDb) {
  return [db.issueStates, db.issueLists, db.countyInbox];
}

/**
 * The issues' state rows as the station shows them (in order; undefined where missing):
 * county updates still waiting in the inbox are laid over them (../countyInbox.ts);
 * `recorded` in an acknowledged list reads as `submitted`, and the county reference is the
 * list's. Reads `stateTables`, which the caller's transaction must include.
 */
export async function readStates(db: StationDb, ids: readonly string[]): Promise<(IssueStateRow | undefined)[]> {
  const [stored, inbox] = await Promise.all([db.issueStates.bulkGet([...ids]), inboxOverlay(db)]);
  return shown(db, stored, inbox);
}

/** Stored state rows as readStates shows them (rows read some other way, e.g. by a time range). */
export async function showStates(db: StationDb, stored: readonly (IssueStateRow | undefined)[]): Promise<(IssueStateRow | undefined)[]> {
  return shown(db, [...stored], await inboxOverlay(db));
}

async function shown(db: StationDb, stored: (IssueStateRow | undefined)[], inbox: InboxOverlay): Promise<(IssueStateRow | undefined)[]> {
  const states = inbox.size === 0 ? stored : stored.map((s) => s && withInbox(s, inbox));
  const listIds = [...new Set(states.flatMap((s) => (s && s.listId !== '' && (s.status === 'recorded' || s.countyRef === null) ? [s.listId] : [])))];
  if (listIds.length === 0) return states;
  const acknowledged = new Map(
    (await db.issueLists.bulkGet(listIds)).flatMap((l) => (l && l.state === 'acknowledged' ? [[l.id, l.countyRef] as const] : [])),
  );
  return states.map((s) => {
    if (!s || !acknowledged.has(s.listId)) return s;
    return { ...s, status: s.status === 'recorded' ? 'submitted' : s.status, countyRef: s.countyRef ?? acknowledged.get(s.listId) ?? null };
  });
}

/** Fields whose change means the county's copy is out of date. */
const REPORTED_FIELDS = ['category', 'summary', 'request', 'onSpotAnswer', 'handling', 'suggestedDepartment', 'searchText'] as const;

export class SealedIssueDeleteError extends Error {
  /** Shown to the station as is. */
  readonly userMessage = '该问题已封存进问题清单并报送县里，不能删除。如内容有误，请直接修改，系统会在下一份清单中报送更正。';
  constructor(issueId: string) {
    super(`Issue ${issueId} is sealed in an issue list and cannot be deleted`);
    this.name = 'SealedIssueDeleteError';
  }
}

/** Throws SealedIssueDeleteError when one of the issues is in a sealed list. */
export function assertDeletable(states: readonly (IssueStateRow | undefined)[]): void {
  const sealed = states.find((s) => s && s.listId !== '');
  if (sealed) throw new SealedIssueDeleteError(sealed.id);
}

/** The state with `sealState` set and `pendingSeal` kept in step with it (the only way to change sealState). */
export function withSealState(state: IssueStateRow, sealState: IssueStateRow['sealState']): IssueStateRow {
  const { pendingSeal: _pending, ...rest } = state;
  return sealState === 'sealed' ? { ...rest, sealState } : { ...rest, sealState, pendingSeal: 1 };
}

/**
 * What a list entry carries about the reception itself, besides the issue (shared/protocol
 * listIssueSchema): its time, channel, deputies and visitors. A change of any of them after
 * sealing is reported like a change of the issue's own text.
 */
export function receptionReportChanged(before: Reception, after: Reception): boolean {
  return (
    Date.parse(before.receivedAt) !== Date.parse(after.receivedAt) ||
    before.channel !== after.channel ||
    before.deputyIds.join('\u0000') !== after.deputyIds.join('\u0000') ||
    JSON.stringify(before.visitors.map((v) => [v.name, v.phone, v.enterprise, v.position])) !==
      JSON.stringify(after.visitors.map((v) => [v.name, v.phone, v.enterprise, v.position]))
  );
}

/**
 * The state an issue gets when its reception is saved: new issues start open; an edited
 * issue keeps its sealing, and a sealed one whose reported content changed — its own text,
 * or what its list entry says about the reception (`receptionChanged`) — is `amended`.
 */
export function stateAfterSave(issue: Issue, next: IssueRow, before: { row: IssueRow; state: IssueStateRow } | undefined, receptionChanged = false): IssueStateRow {
  if (!before) return newIssueState(issue);
  const changed = receptionChanged || REPORTED_FIELDS.some((f) => before.row[f] !== next[f]);
  const amend = before.state.listId !== '' && changed;
  // recordedAt follows the content row (the reception's time may have been corrected);
  // a change of handling mode starts or ends the station's own follow-up (schema v10).
  const track = { ...EMPTY_TRACK, ...before.state.track, followUp: next.handling === 'stationFollowUp' };
  return withTodo(withSealState({ ...before.state, recordedAt: next.recordedAt, status: storedStatus(issue.status), track }, amend ? 'amended' : before.state.sealState));
}

/** Domain issues for rows read from `issues`, each joined with its state (see readStates for the tables read). */
export async function withStates(db: StationDb, rows: readonly IssueRow[]): Promise<Issue[]> {
  const states = await readStates(db, rows.map((r) => r.id));
  return rows.map((row, i) => rowToIssue(row, states[i]));
}
