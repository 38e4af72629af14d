/**
 * Closing the loop at the station (schema v10): the answer handed back to the visitor, the
 * visitor's rating, and the station's own follow-up of 联络站协调 issues. Each action is
 * one transaction that writes its row, the issue's state (track and 待办 fields, through
 * `withTodo`) and an audit entry; a rating also enters the outbox there, so it is sent
 * exactly once (its id is the county's idempotency key). Rows are never changed: a later
 * rating corrects an earlier one and names it.
 */
import { newId } from '../../../../shared/domain/ids';
import {
  handBackInputSchema,
  progressInputSchema,
  ratingInputSchema,
  ratingNoteForCounty,
  type HandBackInput,
  type ProgressInput,
  type RatingInput,
} from '../../../../shared/domain/satisfaction';
import { toLocalIso } from '../../../../shared/domain/time';
import { TEXT_LIMITS } from '../../../../shared/protocol/index';
import type { StationDb } from '../database';
import { putStateStats } from '../statDays';
import { EMPTY_TRACK, type IssueActionRow, type IssueTrack, type RatingRow } from '../followRows';
import { inboxOverlay, withInbox } from '../countyInbox';
import { readStates, stateTables } from '../issueStates';
import type { IssueStateRow, OutboxItem } from '../syncRows';
import { nextStamp } from '../stamps';
import { answerSeq, withTodo } from '../todoMarks';
import { addAudit } from './audit';
import { ValidationError } from './receptions';

/** The issue cannot take this action in its current state (shown as is). */
export class FollowUpStateError extends Error {
  constructor(public readonly userMessage: string) {
    super(`Follow-up refused: ${userMessage}`);
    this.name = 'FollowUpStateError';
  }
}

function parse<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  return r.data;
}

function tables(db: StationDb) {
  return [...stateTables(db), db.issueActions, db.ratings, db.outbox, db.auditLog, db.statDays];
}

/** The stored state row (to write) and the state as shown (county updates still in the inbox laid over). */
async function loadState(db: StationDb, issueId: string): Promise<{ stored: IssueStateRow; shown: IssueStateRow }> {
  const [stored, shown] = await Promise.all([db.issueStates.get(issueId), readStates(db, [issueId]).then((s) => s[0])]);
  if (!stored || !shown) throw new FollowUpStateError('找不到该问题。');
  return { stored, shown };
}

function writeTrack(db: StationDb, stored: IssueStateRow, change: Partial<IssueTrack>, status?: IssueStateRow['status']): Promise<string> {
  const track = { ...EMPTY_TRACK, ...stored.track, ...change };
  const next = withTodo({ ...stored, ...(status ? { status } : {}), track });
  // The statistics' day row in the same transaction (../statDays.ts).
  return db.issueStates.put(next).then((key) => putStateStats(db, [next]).then(() => key));
}

/** The county's answer was passed on to the visitor (电话 / 面谈 / 走访企业 / 公示栏). */
export async function recordHandBack(db: StationDb, input: HandBackInput): Promise<IssueActionRow> {
  const data = parse(handBackInputSchema, input);
  return db.transaction('rw', tables(db), async () => {
    const { stored, shown } = await loadState(db, data.issueId);
    const seq = answerSeq(shown);
    if (seq === 0) throw new FollowUpStateError('县里尚未答复该问题，暂无可反馈的答复。');
    const row: IssueActionRow = { id: newId(), issueId: data.issueId, kind: 'handBack', method: data.method, at: data.at, by: data.deputyName, text: data.note, recordedAt: toLocalIso(new Date()) };
    await db.issueActions.add(row);
    await writeTrack(db, stored, { handedBackSeq: Math.max(stored.track?.handedBackSeq ?? 0, seq) });
    await addAudit(db, 'issue.handBack', 'issue', data.issueId, { method: data.method, deputy: data.deputyName, countySeq: seq });
    return row;
  });
}

/** Progress or the result of the station's own follow-up (联络站协调). */
export async function recordProgress(db: StationDb, input: ProgressInput): Promise<IssueActionRow> {
  const data = parse(progressInputSchema, input);
  return db.transaction('rw', tables(db), async () => {
    const { stored } = await loadState(db, data.issueId);
    const track = { ...EMPTY_TRACK, ...stored.track };
    if (!track.followUp) throw new FollowUpStateError('该问题不是联络站协调问题，由县里交办处理。');
    if (track.closedAt) throw new FollowUpStateError('该问题已在联络站办结。');
    const recordedAt = toLocalIso(new Date());
    const row: IssueActionRow = { id: newId(), issueId: data.issueId, kind: data.kind, method: null, at: data.at, by: data.by, text: data.text, recordedAt };
    await db.issueActions.add(row);
    await writeTrack(db, stored, data.kind === 'result' ? { progressAt: recordedAt, resultAt: recordedAt } : { progressAt: recordedAt });
    await addAudit(db, data.kind === 'result' ? 'issue.result' : 'issue.progress', 'issue', data.issueId, { by: data.by });
    return row;
  });
}

/**
 * The visitor's rating, sealed into the outbox in the same transaction. On a 联络站协调
 * issue with a result, 满意 / 基本满意 close it at the station and 不满意 sends the
 * follow-up back to work. A rating never replaces an earlier one: it names it.
 */
export async function recordRating(db: StationDb, input: RatingInput): Promise<RatingRow> {
  const data = parse(ratingInputSchema, input);
  return db.transaction('rw', tables(db), async () => {
    // One round of reads and one of writes: a rating is recorded at the desk while the
    // visitor waits, on a history of any length.
    const [stored, overlay, earlier] = await Promise.all([
      db.issueStates.get(data.issueId),
      inboxOverlay(db),
      db.ratings.where('issueId').equals(data.issueId).toArray(),
    ]);
    if (!stored) throw new FollowUpStateError('找不到该问题。');
    const track = { ...EMPTY_TRACK, ...stored.track };
    // The county's answers as shown (updates still waiting in the inbox laid over).
    const seq = answerSeq(withInbox(stored, overlay));
    const stationResult = track.followUp && (track.resultAt !== null || track.closedAt !== null);
    if (seq === 0 && !stationResult) throw new FollowUpStateError('该问题还没有答复或办理结果，暂不能评价。');
    const latest = earlier.reduce<RatingRow | undefined>((last, r) => (!last || r.recordedAt >= last.recordedAt ? r : last), undefined);
    // Strictly after the rating it corrects, so the order of an issue's ratings is never a tie.
    const recordedAt = nextStamp(latest?.recordedAt);
    const row: RatingRow = {
      id: newId(),
      issueId: data.issueId,
      rating: data.rating,
      ratedBy: data.ratedBy,
      ratedAt: data.ratedAt,
      note: data.note,
      reason: data.reason,
      supersedes: latest?.id ?? null,
      countyNote: ratingNoteForCounty(data, TEXT_LIMITS.note),
      recordedAt,
    };
    const item: OutboxItem = { id: newId(), kind: 'satisfaction', itemId: row.id, state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: '', createdAt: recordedAt };
    const satisfied = data.rating !== 'unsatisfied';
    let state: Promise<string>;
    if (seq === 0 && track.followUp) {
      // The station's own follow-up: closed at the station, or back to work.
      if (satisfied) state = writeTrack(db, stored, { closedAt: recordedAt }, 'closed');
      else state = writeTrack(db, stored, { resultAt: null, closedAt: null, progressAt: recordedAt }, stored.status === 'closed' ? 'recorded' : undefined);
    } else {
      state = writeTrack(db, stored, { ratedSeq: seq, handedBackSeq: Math.max(track.handedBackSeq, seq) });
    }
    await Promise.all([
      db.ratings.add(row),
      db.outbox.add(item),
      state,
      addAudit(db, 'issue.rating', 'issue', data.issueId, { rating: data.rating, ratedBy: data.ratedBy, ratingId: row.id, supersedes: row.supersedes }),
    ]);
    return row;
  });
}

/** A rating with where it stands in the outbox. */
export interface RatingView extends RatingRow {
  /** `waitingForList`: pending until the list that carries the issue reaches the county. */
  delivery: OutboxItem['state'] | 'waitingForList' | 'unknown';
  countyRef: string | null;
  /** Why the last try failed (a retry is due), '' when none did. */
  lastError: string;
}

export interface IssueFollowUp {
  track: IssueTrack;
  actions: IssueActionRow[];
  ratings: RatingView[];
}

/** Everything the station did after the answer, oldest first. */
export async function issueFollowUp(db: StationDb, issueId: string): Promise<IssueFollowUp> {
  return db.transaction('r', [...stateTables(db), db.issueActions, db.ratings, db.outbox, db.receipts], async () => {
    const [[state], actions, ratings] = await Promise.all([
      readStates(db, [issueId]),
      db.issueActions.where('issueId').equals(issueId).sortBy('recordedAt'),
      db.ratings.where('issueId').equals(issueId).sortBy('recordedAt'),
    ]);
    const items = await Promise.all(ratings.map((r) => db.outbox.where('itemId').equals(r.id).first()));
    const receipts = await db.receipts.bulkGet(ratings.map((r) => r.id));
    return {
      track: { ...EMPTY_TRACK, ...state?.track },
      actions,
      ratings: ratings.map((r, i) => {
        const item = items[i];
        const waitingForList = item?.state === 'pending' && !state?.countyRef;
        return { ...r, delivery: waitingForList ? 'waitingForList' : (item?.state ?? 'unknown'), countyRef: receipts[i]?.countyRef ?? null, lastError: item?.state === 'pending' ? item.lastError : '' };
      }),
    };
  });
}

/** What the station did on the issues between two instants (a duty day): hand-backs, progress, ratings. */
export async function handledBetween(db: StationDb, fromIso: string, toIso: string): Promise<{ actions: IssueActionRow[]; ratings: RatingRow[] }> {
  return db.transaction('r', [db.issueActions, db.ratings], async () => ({
    actions: await db.issueActions.where('recordedAt').between(fromIso, toIso, true, true).toArray(),
    ratings: await db.ratings.where('recordedAt').between(fromIso, toIso, true, true).toArray(),
  }));
}
