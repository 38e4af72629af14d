/**
 * The measurements that run inside the page, each beside its raw Dexie baseline:
 * saving a reception (repository vs one hand-written transaction writing the same rows),
 * searching (searchIssues vs a full scan with .filter(includes)) and recording a rating
 * (recordRating vs one hand-written transaction writing the same rows).
 */
import type { StationDb } from '../../../renderer/src/db/database';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { pendingTermsOf } from '../../../renderer/src/db/convert';
import { indexPendingTerms, termIndexingIdle } from '../../../renderer/src/db/termIndex';
import { putReceptionStats, putStateStats } from '../../../renderer/src/db/statDays';
import { searchIssues, type IssueSearchQuery, type SearchTuning } from '../../../renderer/src/db/repositories/issueSearch';
import type { AuditRow, IssueRow } from '../../../renderer/src/db/rows';
import { recordRating } from '../../../renderer/src/db/repositories/followUp';
import { EMPTY_TRACK, type RatingRow } from '../../../renderer/src/db/followRows';
import type { OutboxItem } from '../../../renderer/src/db/syncRows';
import { answerSeq, withTodo } from '../../../renderer/src/db/todoMarks';
import { newId } from '../../../shared/domain/ids';
import { toLocalIso } from '../../../shared/domain/time';
import { normalizeForSearch } from '../../../shared/domain/search';
import { generateReception } from '../fixtures/generate';
import { buildRows, type Roster } from './fill';

export interface SaveTimings {
  repository: number[];
  raw: number[];
  /** From the save's return until the background step has written its search keys (nothing else running). */
  keys: number[];
}

/** Receptions saved here use indexes far past the filled history, so they never collide. */
const SAVE_BASE = 10_000_000;

export async function measureSaves(db: StationDb, r: Roster, count: number, warmup = 10): Promise<SaveTimings> {
  const out: SaveTimings = { repository: [], raw: [], keys: [] };
  const noDutyDays = new Map<string, string>();
  const run = Number(localStorage.getItem('station-bench-save-run') ?? '0') + 1;
  localStorage.setItem('station-bench-save-run', String(run));
  for (let i = 0; i < warmup + count; i++) {
    const index = SAVE_BASE + run * 100_000 + i * 2;
    // Alternate the two so both see the same database size and machine load.
    const input = generateReception(index, r.deputyIds, r.enterprises).input;
    let t = performance.now();
    await createReception(db, input, { dutyDayId: null });
    const repository = performance.now() - t;
    // The save's search keys, written by the background step it started (timed on their own).
    t = performance.now();
    await termIndexingIdle(db);
    const keys = performance.now() - t;

    const rows = buildRows(index + 1, r, noDutyDays);
    t = performance.now();
    // The rows the save's transaction writes (its statistics day row too): the search keys are queued (pendingTerms) and
    // written right after by the same background step for both.
    await db.transaction('rw', [db.receptions, db.issues, db.issueStates, db.pendingTerms, db.statDays, db.auditLog], async () => {
      await db.receptions.add(rows.reception);
      await db.issues.bulkAdd(rows.issueRows);
      await db.pendingTerms.bulkAdd(rows.issueRows.map(pendingTermsOf));
      await db.issueStates.bulkAdd(rows.stateRows);
      await putReceptionStats(db, [{ reception: rows.reception, issues: rows.issueRows.map((row, i) => ({ row, state: rows.stateRows[i] })) }]);
      await db.auditLog.add(rows.audit);
    });
    const raw = performance.now() - t;
    // The baseline's keys too, so both saves leave the same database behind.
    await indexPendingTerms(db);
    if (i >= warmup) {
      out.repository.push(repository);
      out.raw.push(raw);
      out.keys.push(keys);
    }
  }
  return out;
}

export interface SearchCase {
  name: string;
  query: IssueSearchQuery;
}

export interface SearchTiming {
  name: string;
  times: number[];
  /** Results on the first page and whether more exist. */
  shown: number;
  hasMore: boolean;
  /** Time to read the second page, when there is one. */
  nextPage: number | null;
  baseline: number | null;
  baselineMatches: number | null;
  /** The first page equals the newest 50 of the full scan (checked when the baseline runs). */
  agrees: boolean | null;
}

function rawMatch(query: IssueSearchQuery, statusOf: Map<string, string>): (row: IssueRow) => boolean {
  const text = normalizeForSearch(query.text ?? '');
  const upper = query.to ? `${query.to}T\uffff` : '\uffff';
  return (row) =>
    row.searchText.includes(text) &&
    (!query.category || row.category === query.category) &&
    (!query.status || statusOf.get(row.id) === query.status) &&
    (!query.handling || row.handling === query.handling) &&
    row.recordedAt >= (query.from ?? '') &&
    row.recordedAt <= upper;
}

export async function measureSearches(db: StationDb, cases: SearchCase[], reps: number, baseline: boolean, tuning: Partial<SearchTuning> = {}): Promise<SearchTiming[]> {
  const out: SearchTiming[] = [];
  for (const c of cases) {
    await searchIssues(db, c.query, { limit: 50, tuning });
    const times: number[] = [];
    let page = await searchIssues(db, c.query, { limit: 50, tuning });
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      page = await searchIssues(db, c.query, { limit: 50, tuning });
      times.push(performance.now() - t);
    }
    let nextPage: number | null = null;
    if (page.cursor) {
      const t = performance.now();
      await searchIssues(db, c.query, { limit: 50, cursor: page.cursor, tuning });
      nextPage = performance.now() - t;
    }
    let baselineMs: number | null = null;
    let baselineMatches: number | null = null;
    let agrees: boolean | null = null;
    if (baseline) {
      const t = performance.now();
      // Statuses live in issueStates: the scan reads them whole when the query filters by status.
      const statusOf = new Map(c.query.status ? (await db.issueStates.toArray()).map((s) => [s.id, s.status] as const) : []);
      const all = await db.issues.filter(rawMatch(c.query, statusOf)).toArray();
      all.sort((a, b) => (a.recordedAt !== b.recordedAt ? (a.recordedAt < b.recordedAt ? 1 : -1) : a.id < b.id ? 1 : -1));
      baselineMs = performance.now() - t;
      baselineMatches = all.length;
      const expected = all.slice(0, 50).map((row) => row.id).join();
      agrees = expected === page.items.map((h) => h.issue.id).join() && page.hasMore === all.length > 50;
    }
    out.push({
      name: c.name,
      times,
      shown: page.items.length,
      hasMore: page.hasMore,
      nextPage,
      baseline: baselineMs,
      baselineMatches,
      agrees,
    });
  }
  return out;
}

export interface RatingTimings {
  repository: number[];
  raw: number[];
}

/**
 * Recording a visitor's rating: `recordRating` (validation, reading the issue's state and
 * earlier ratings, the rating, its outbox entry, the state with its 待办 fields, an audit
 * entry, one transaction) against one hand-written transaction writing the same rows,
 * prepared beforehand, on another issue that waits for a rating. Alternated, so both see
 * the same database and load. Each rating takes its issue off 待办, so every run uses new ones.
 */
export async function measureRatings(db: StationDb, count: number, warmup = 5): Promise<RatingTimings> {
  const out: RatingTimings = { repository: [], raw: [] };
  const waiting = await db.issueStates.where('todo').anyOf('handBack', 'rate').limit(2 * (warmup + count)).toArray();
  if (waiting.length < 2 * (warmup + count)) throw new Error(`Only ${waiting.length} issues wait for a rating; fill a new profile`);
  for (let i = 0; i < warmup + count; i++) {
    const viaRepo = waiting[2 * i]!;
    const viaRaw = waiting[2 * i + 1]!;
    const ratedAt = toLocalIso(new Date());
    let t = performance.now();
    await recordRating(db, { issueId: viaRepo.id, rating: i % 5 === 4 ? 'basicallySatisfied' : 'satisfied', ratedBy: '王女士', ratedAt, note: '', reason: '' });
    const repository = performance.now() - t;

    const recordedAt = toLocalIso(new Date());
    const seq = answerSeq(viaRaw);
    const rating: RatingRow = { id: newId(), issueId: viaRaw.id, rating: 'satisfied', ratedBy: '王女士', ratedAt, note: '', reason: '', supersedes: null, countyNote: '评价人:王女士', recordedAt };
    const item: OutboxItem = { id: newId(), kind: 'satisfaction', itemId: rating.id, state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: '', createdAt: recordedAt };
    const track = { ...EMPTY_TRACK, ...viaRaw.track };
    const state = withTodo({ ...viaRaw, track: { ...track, ratedSeq: seq, handedBackSeq: Math.max(track.handedBackSeq, seq) } });
    const audit: AuditRow = { id: newId(), at: recordedAt, action: 'issue.rating', entity: 'issue', entityId: viaRaw.id, detail: { rating: 'satisfied', ratedBy: '王女士', ratingId: rating.id, supersedes: null }, actor: null };
    t = performance.now();
    // The same rows through the same database layer: the 待办 counters (todoCounts.ts) are
    // kept by it on every state write, and the statistics' day row is written beside the
    // state as every state write does (statDays.ts).
    await db.transaction('rw', [db.ratings, db.outbox, db.issueStates, db.statDays, db.auditLog], async () => {
      await Promise.all([db.ratings.add(rating), db.outbox.add(item)]);
      await db.issueStates.put(state);
      await putStateStats(db, [state]);
      await db.auditLog.add(audit);
    });
    const raw = performance.now() - t;
    if (i >= warmup) {
      out.repository.push(repository);
      out.raw.push(raw);
    }
  }
  return out;
}
