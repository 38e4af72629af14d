/**
 * The 督办 board: every open issue (assigned and not yet 销号) with its 三色 status, filtered
 * by station, lead department, category, status, colour, 持续督办 attention and the date the
 * county received its list. Conditions are added only when a filter is set, so each query
 * can use its index (migrations 004–006) on a million issues; the colour filter becomes a
 * range on the deadline (colourCutoffs), never a computation per row. The colour counts
 * come mostly from a maintained summary (boardCounts.ts).
 */
import { deadlineColour, type DeadlineColour, type WorkingCalendar } from '../../../shared/domain/workingDays.js';
import type { Queryable } from '../db/database.js';
import { toIso } from '../db/database.js';
import { countBoard } from './boardCounts.js';
import { colourCutoffs } from './calendar.js';
import type { IssueStatus } from './clerk.js';

export const OPEN_STATUSES = ['assigned', 'responded', 'published', 'reopened'] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
/** Statuses in which the lead department still owes an answer: the deadline counts. */
export const AWAITING_ANSWER: readonly IssueStatus[] = ['assigned', 'reopened'];

export interface BoardFilters {
  stationId?: string | null;
  departmentId?: string | null;
  category?: string | null;
  /** One open status, or 'answered' (答复 or 公示: the 公示销号 screen). */
  status?: OpenStatus | 'answered' | null;
  colour?: DeadlineColour | null;
  /** overdue: red and still unanswered; unsatisfied: the visitor said 不满意 and it is not closed. */
  attention?: 'overdue' | 'unsatisfied' | null;
  /** County receive date range, `YYYY-MM-DD` in China Standard Time, both ends included. */
  from?: string | null;
  to?: string | null;
  offset?: number;
  limit?: number;
}

export interface BoardRow {
  id: string;
  countyRef: string;
  stationId: string;
  stationName: string;
  listYear: number;
  listSeq: number;
  seq: number;
  category: string;
  summary: string;
  status: IssueStatus;
  departmentName: string | null;
  /** pending (not yet 接单) or accepted; null when the lead returned it. */
  leadState: 'pending' | 'accepted' | null;
  deadline: string | null;
  colour: DeadlineColour | null;
  satisfaction: string | null;
  receivedAt: string;
}

export interface Board {
  rows: BoardRow[];
  total: number;
  counts: Record<DeadlineColour, number>;
}

interface Row {
  id: string;
  county_ref: string;
  station_id: string;
  station_name: string;
  list_year: number;
  list_seq: number;
  seq: number;
  category: string;
  summary: string;
  status: IssueStatus;
  department_name: string | null;
  lead_state: 'pending' | 'accepted' | null;
  deadline: Date | null;
  satisfaction: string | null;
  received_at: Date;
}

function nextDayKey(key: string): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The FROM and WHERE clauses of the open issues the filters select, shared by the page and its counts. */
export interface BoardWhere {
  /** `FROM issues i`, or the issues received in a date range as `i`. */
  from: string;
  sql: string;
  params: unknown[];
  /** redBefore and greenFrom, for the colour counts. */
  colourParams: unknown[];
}

function where(f: BoardFilters, calendar: WorkingCalendar, now: Date): BoardWhere {
  const params: unknown[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const conds: string[] = [`i.status IN ('assigned', 'responded', 'published', 'reopened')`];
  if (f.stationId) conds.push(`i.station_id = ${p(f.stationId)}`);
  if (f.departmentId) conds.push(`i.lead_department_id = ${p(f.departmentId)}`);
  if (f.category) conds.push(`i.category = ${p(f.category)}`);
  if (f.status === 'answered') conds.push(`i.status IN ('responded', 'published')`);
  else if (f.status) conds.push(`i.status = ${p(f.status)}`);
  const received = f.from || f.to;
  if (f.from) conds.push(`i.received_at >= ${p(new Date(`${f.from}T00:00:00+08:00`))}`);
  if (f.to) conds.push(`i.received_at < ${p(new Date(`${nextDayKey(f.to)}T00:00:00+08:00`))}`);
  const { redBefore, greenFrom } = colourCutoffs(calendar, now);
  const awaiting = `i.status IN ('assigned', 'reopened')`;
  if (f.colour === 'red' || f.attention === 'overdue') conds.push(`${awaiting} AND i.deadline < ${p(redBefore)}`);
  if (f.colour === 'yellow') conds.push(`${awaiting} AND i.deadline >= ${p(redBefore)} AND i.deadline < ${p(greenFrom)}`);
  if (f.colour === 'green') conds.push(`${awaiting} AND i.deadline >= ${p(greenFrom)}`);
  if (f.attention === 'unsatisfied') conds.push(`i.satisfaction = 'unsatisfied'`);
  // With a receive-date range, the open issues received in it come first (issues_board_received,
  // read alone), then the page is sorted from them: `OFFSET 0` keeps the planner from walking
  // every open issue in deadline order to test each one's date (recent issues have the latest
  // deadlines, and the planner cannot know that).
  const from = received
    ? `FROM (SELECT id, deadline, status, station_id, lead_department_id, category, satisfaction FROM issues i WHERE ${conds.join(' AND ')} OFFSET 0) i`
    : 'FROM issues i';
  return { sql: received ? 'true' : conds.join(' AND '), params, colourParams: [redBefore, greenFrom], from };
}

export async function readBoard(db: Queryable, f: BoardFilters, calendar: WorkingCalendar, now: Date): Promise<Board> {
  const w = where(f, calendar, now);
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const offset = Math.max(f.offset ?? 0, 0);
  const n = w.params.length;
  // The page's ids first, in the board's order (an index walk that stops after the page),
  // then the joins for those rows only.
  const [page, counts] = await Promise.all([
    db.query<Row>(
    `SELECT i.id, it.county_ref, i.station_id, s.name AS station_name, l.list_year, l.list_seq, i.seq, i.category, i.summary, i.status,
            d.name AS department_name, i.deadline, i.satisfaction, it.received_at,
            (SELECT a.state FROM assignments a WHERE a.issue_id = i.id AND a.is_lead AND a.state IN ('pending', 'accepted') LIMIT 1) AS lead_state
       FROM (SELECT i.id ${w.from} WHERE ${w.sql} ORDER BY i.deadline NULLS LAST, i.id LIMIT $${n + 1} OFFSET $${n + 2}) pg
       JOIN issues i ON i.id = pg.id JOIN items it ON it.id = i.list_id JOIN lists l ON l.id = i.list_id
       JOIN stations s ON s.id = i.station_id LEFT JOIN departments d ON d.id = i.lead_department_id
      ORDER BY i.deadline NULLS LAST, i.id`,
      [...w.params, limit, offset],
    ),
    countBoard(db, f, w, calendar, now),
  ]);
  return { rows: page.rows.map((r) => toBoardRow(r, calendar, now)), ...counts };
}

export function colourOf(status: IssueStatus, deadline: Date | null, calendar: WorkingCalendar, now: Date): DeadlineColour | null {
  if (!deadline || !AWAITING_ANSWER.includes(status)) return null;
  return deadlineColour(calendar, new Date(deadline).toISOString(), now);
}

function toBoardRow(r: Row, calendar: WorkingCalendar, now: Date): BoardRow {
  return {
    id: r.id,
    countyRef: r.county_ref,
    stationId: r.station_id,
    stationName: r.station_name,
    listYear: r.list_year,
    listSeq: r.list_seq,
    seq: r.seq,
    category: r.category,
    summary: r.summary,
    status: r.status,
    departmentName: r.department_name,
    leadState: r.lead_state,
    deadline: r.deadline ? toIso(r.deadline) : null,
    colour: colourOf(r.status, r.deadline, calendar, now),
    satisfaction: r.satisfaction,
    receivedAt: toIso(r.received_at),
  };
}
