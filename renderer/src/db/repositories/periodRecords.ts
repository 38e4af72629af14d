/**
 * Everything recorded in a report period, read once for the 统计 screen and the 台账
 * (features/statistics). Reads by the time indexes (receptions.receivedAt,
 * issues.recordedAt, dutyDays.date) so a year of a long history reads that year only;
 * ratings and follow-up actions are few and read whole. Writes nothing.
 */
import type { Period } from '../../../../shared/domain/statistics/period';
import type { Deputy, DutyDay, Issue, Reception } from '../../../../shared/domain/schemas';
import type { StationDb } from '../database';
import type { IssueActionRow, RatingRow } from '../followRows';
import { EMPTY_TRACK, type IssueTrack } from '../followRows';
import { rowToIssue } from '../convert';
import { showStates, stateTables } from '../issueStates';
import type { CountyUpdate, IssueStateRow } from '../syncRows';
import { ISSUE_STATUSES } from '../../../../shared/domain/enums';

export interface PeriodIssue {
  issue: Issue;
  reception: Reception | undefined;
  /** The county's events about the issue, oldest first. */
  county: CountyUpdate[];
  track: IssueTrack;
  /** 〔2026〕第7号 of the list that first carried it, or null while unsealed. */
  listNumber: string | null;
}

export interface PeriodRecords {
  period: Period;
  receptions: Reception[];
  issues: PeriodIssue[];
  /** Ratings of the period's issues (corrections included: the counts keep only the latest). */
  ratings: RatingRow[];
  /** Follow-up actions that happened in the period (any issue). */
  actions: IssueActionRow[];
  dutyDays: DutyDay[];
  deputies: Deputy[];
}

const END = '\uffff';

/**
 * The issues' states as readStates shows them, read by `[status+recordedAt]` ranges (one per
 * stored status) rather than one request per id, ≈ 3× faster for a year here; a state whose
 * time is not the issue's (none is written so) is read by id.
 */
async function statesInPeriod(db: StationDb, period: Period, ids: readonly string[]): Promise<(IssueStateRow | undefined)[]> {
  const statuses = ISSUE_STATUSES.filter((s) => s !== 'submitted');
  const parts = await Promise.all(statuses.map((s) => db.issueStates.where('[status+recordedAt]').between([s, period.from], [s, period.to + END], true, true).toArray()));
  const byId = new Map(parts.flat().map((s) => [s.id, s]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) for (const s of await db.issueStates.bulkGet(missing)) if (s) byId.set(s.id, s);
  return showStates(db, ids.map((id) => byId.get(id)));
}

export async function loadPeriodRecords(db: StationDb, period: Period): Promise<PeriodRecords> {
  return db.transaction('r', [db.receptions, db.issues, db.ratings, db.issueActions, db.dutyDays, db.deputies, ...stateTables(db)], async () => {
    // Stored times are local ISO strings: day keys bound them as text.
    const [receptions, issueRows, dutyDays, deputies] = await Promise.all([
      db.receptions.where('receivedAt').between(period.from, period.to + END, true, true).toArray(),
      db.issues.where('recordedAt').between(period.from, period.to + END, true, true).toArray(),
      db.dutyDays.where('date').between(period.from, period.to, true, true).toArray(),
      db.deputies.orderBy('order').toArray(),
    ]);
    const states = await statesInPeriod(db, period, issueRows.map((r) => r.id));
    const byId = new Map(receptions.map((r) => [r.id, r]));
    // An issue's reception may lie just outside the period (a reception edited across midnight).
    const missing = [...new Set(issueRows.map((r) => r.receptionId).filter((id) => !byId.has(id)))];
    if (missing.length > 0) for (const r of await db.receptions.bulkGet(missing)) if (r) byId.set(r.id, r);
    const listIds = [...new Set(states.flatMap((s) => (s?.listId ? [s.listId] : [])))];
    const lists = new Map((await db.issueLists.bulkGet(listIds)).flatMap((l) => (l ? [[l.id, l.number] as const] : [])));
    const issueIds = new Set(issueRows.map((r) => r.id));
    const [ratings, actions] = await Promise.all([
      db.ratings.filter((r) => issueIds.has(r.issueId)).toArray(),
      db.issueActions.filter((a) => a.at.slice(0, 10) >= period.from && a.at.slice(0, 10) <= period.to).toArray(),
    ]);
    const issues = issueRows.map((row, i): PeriodIssue => {
      const state = states[i];
      return {
        issue: rowToIssue(row, state),
        reception: byId.get(row.receptionId),
        county: state?.county ?? [],
        track: { ...EMPTY_TRACK, ...state?.track },
        listNumber: state?.listId ? (lists.get(state.listId) ?? null) : null,
      };
    });
    return { period, receptions, issues, ratings, actions, dutyDays, deputies };
  });
}
