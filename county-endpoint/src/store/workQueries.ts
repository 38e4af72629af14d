/**
 * What the console's work screens read: the clerk's 待认领, a department's inbox and one
 * issue's detail. A department's scope is part of each query (its open assignment rows),
 * so an issue of another department is simply not found.
 */
import type { DeadlineColour, WorkingCalendar } from '../../../shared/domain/workingDays.js';
import { maskForNotice, nameScrubber } from '../../../shared/domain/masking.js';
import type { ListIssue } from '../../../shared/protocol/index.js';
import type { Queryable } from '../db/database.js';
import { toIso } from '../db/database.js';
import { listAnswers, type Answer } from './answers.js';
import { colourOf } from './board.js';
import type { IssueStatus } from './clerk.js';
import { listFollowUps, type FollowUp } from './supervision.js';
import type { Database } from '../db/database.js';

export interface UnclaimedIssue {
  id: string;
  countyRef: string;
  stationId: string;
  stationName: string;
  listYear: number;
  listSeq: number;
  seq: number;
  category: string;
  summary: string;
  handling: string;
  suggestedDepartment: string;
  status: IssueStatus;
  receivedAt: string;
  /** Set when a department gave the issue back. */
  returnedBy: string | null;
  returnReason: string | null;
}

export const UNCLAIMED_LIMIT = 500;

/**
 * 待认领: issues waiting for a lead department, in station and list order. Issues the
 * station answered on the spot (当场答复办结) need no department and are left out.
 */
export async function listUnclaimed(db: Queryable): Promise<{ issues: UnclaimedIssue[]; more: boolean }> {
  const r = await db.query<{
    id: string;
    county_ref: string;
    station_id: string;
    station_name: string;
    list_year: number;
    list_seq: number;
    seq: number;
    category: string;
    summary: string;
    handling: string;
    suggested_department: string;
    status: IssueStatus;
    received_at: Date;
    returned_by: string | null;
    return_reason: string | null;
  }>(
    `SELECT i.id, it.county_ref, i.station_id, s.name AS station_name, l.list_year, l.list_seq, i.seq, i.category, i.summary, i.handling,
            i.suggested_department, i.status, it.received_at, ret.name AS returned_by, ret.return_reason
       FROM issues i JOIN lists l ON l.id = i.list_id JOIN items it ON it.id = i.list_id JOIN stations s ON s.id = i.station_id
       LEFT JOIN LATERAL (
         SELECT d.name, a.return_reason FROM assignments a JOIN departments d ON d.id = a.department_id
          WHERE a.issue_id = i.id AND a.state = 'returned' AND a.is_lead ORDER BY a.id DESC LIMIT 1
       ) ret ON i.status <> 'received'
      WHERE i.lead_department_id IS NULL AND i.status IN ('received', 'assigned', 'reopened') AND i.handling <> 'onSpot'
      ORDER BY s.name, i.station_id, l.list_year, l.list_seq, i.seq
      LIMIT $1`,
    [UNCLAIMED_LIMIT + 1],
  );
  return {
    more: r.rows.length > UNCLAIMED_LIMIT,
    issues: r.rows.slice(0, UNCLAIMED_LIMIT).map((row) => ({
      id: row.id,
      countyRef: row.county_ref,
      stationId: row.station_id,
      stationName: row.station_name,
      listYear: row.list_year,
      listSeq: row.list_seq,
      seq: row.seq,
      category: row.category,
      summary: row.summary,
      handling: row.handling,
      suggestedDepartment: row.suggested_department,
      status: row.status,
      receivedAt: toIso(row.received_at),
      returnedBy: row.returned_by,
      returnReason: row.return_reason,
    })),
  };
}

export interface InboxRow {
  id: string;
  countyRef: string;
  stationName: string;
  category: string;
  summary: string;
  status: IssueStatus;
  isLead: boolean;
  assignmentState: 'pending' | 'accepted';
  deadline: string;
  colour: DeadlineColour | null;
  assignedAt: string;
  hasDraft: boolean;
}

/** A department's inbox: its open assignments of issues not yet 销号, soonest deadline first. */
export async function departmentInbox(db: Queryable, departmentId: string, calendar: WorkingCalendar, now: Date): Promise<InboxRow[]> {
  const r = await db.query<{
    id: string;
    county_ref: string;
    station_name: string;
    category: string;
    summary: string;
    status: IssueStatus;
    is_lead: boolean;
    state: 'pending' | 'accepted';
    deadline: Date;
    assigned_at: Date;
    has_draft: boolean;
  }>(
    `SELECT i.id, it.county_ref, s.name AS station_name, i.category, i.summary, i.status, a.is_lead, a.state, i.deadline, a.assigned_at,
            EXISTS (SELECT 1 FROM answers an WHERE an.issue_id = i.id AND an.department_id = a.department_id AND an.state = 'draft') AS has_draft
       FROM assignments a JOIN issues i ON i.id = a.issue_id JOIN items it ON it.id = i.list_id JOIN stations s ON s.id = i.station_id
      WHERE a.department_id = $1 AND a.state IN ('pending', 'accepted') AND i.status <> 'closed'
      ORDER BY i.deadline, i.id
      LIMIT 1000`,
    [departmentId],
  );
  return r.rows.map((row) => ({
    id: row.id,
    countyRef: row.county_ref,
    stationName: row.station_name,
    category: row.category,
    summary: row.summary,
    status: row.status,
    isLead: row.is_lead,
    assignmentState: row.state,
    deadline: toIso(row.deadline),
    colour: colourOf(row.status, row.deadline, calendar, now),
    assignedAt: toIso(row.assigned_at),
    hasDraft: row.has_draft,
  }));
}

export interface AssignmentView {
  departmentId: string;
  departmentName: string;
  isLead: boolean;
  state: 'pending' | 'accepted' | 'returned' | 'superseded';
  deadline: string;
  workingDays: number;
  assignedAt: string;
  returnReason: string | null;
}

export interface IssueDetail {
  id: string;
  countyRef: string;
  stationId: string;
  stationName: string;
  listYear: number;
  listSeq: number;
  seq: number;
  receivedAt: string;
  category: string;
  summary: string;
  request: string;
  onSpotAnswer: string;
  handling: string;
  suggestedDepartment: string;
  recordedAt: string | null;
  visitors: { name: string; phone: string; enterprise: string; position: string }[];
  status: IssueStatus;
  department: string | null;
  deadline: string | null;
  colour: DeadlineColour | null;
  response: string | null;
  satisfaction: string | null;
  satisfactionNote: string | null;
  assignments: AssignmentView[];
  answers: (Answer & { departmentName: string })[];
  followUps: FollowUp[];
  /** What the station will post on the 公示清单: masked by the same rules. */
  notice: { summary: string; response: string };
  /** For a department user: its own role on the issue. */
  mine: { isLead: boolean; state: 'pending' | 'accepted' } | null;
}

/**
 * One issue, as the clerk (departmentId null) or a department sees it; null when it does
 * not exist or (for a department) is not among its open assignments.
 */
export async function readIssueDetail(db: Database, issueId: string, departmentId: string | null, calendar: WorkingCalendar, now: Date): Promise<IssueDetail | null> {
  const r = await db.query<{
    id: string;
    county_ref: string;
    station_id: string;
    station_name: string;
    list_year: number;
    list_seq: number;
    seq: number;
    received_at: Date;
    category: string;
    summary: string;
    handling: string;
    suggested_department: string;
    status: IssueStatus;
    department: string | null;
    deadline: Date | null;
    response: string | null;
    satisfaction: string | null;
    payload: unknown;
    my_lead: boolean | null;
    my_state: 'pending' | 'accepted' | null;
  }>(
    `SELECT i.id, it.county_ref, i.station_id, s.name AS station_name, l.list_year, l.list_seq, i.seq, it.received_at, i.category, i.summary,
            i.handling, i.suggested_department, i.status, i.department, i.deadline, i.response, i.satisfaction, l.payload,
            mine.is_lead AS my_lead, mine.state AS my_state
       FROM issues i JOIN lists l ON l.id = i.list_id JOIN items it ON it.id = i.list_id JOIN stations s ON s.id = i.station_id
       LEFT JOIN LATERAL (
         SELECT a.is_lead, a.state FROM assignments a
          WHERE a.issue_id = i.id AND a.department_id = $2::text AND a.state IN ('pending', 'accepted') LIMIT 1
       ) mine ON true
      WHERE i.id = $1 AND ($2::text IS NULL OR mine.state IS NOT NULL)`,
    [issueId, departmentId],
  );
  const row = r.rows[0];
  if (!row) return null;
  const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as { issues: ListIssue[] };
  const source = payload.issues.find((x) => x.id === row.id);
  const assignments = await db.query<{
    department_id: string;
    name: string;
    is_lead: boolean;
    state: AssignmentView['state'];
    deadline: Date;
    working_days: number;
    assigned_at: Date;
    return_reason: string | null;
  }>(
    `SELECT a.department_id, d.name, a.is_lead, a.state, a.deadline, a.working_days, a.assigned_at, a.return_reason
       FROM assignments a JOIN departments d ON d.id = a.department_id
      WHERE a.issue_id = $1 AND ($2::text IS NULL OR a.department_id = $2::text) ORDER BY a.id`,
    [issueId, departmentId],
  );
  const rating = await db.query<{ note: string }>('SELECT note FROM satisfaction_ratings WHERE issue_id = $1 ORDER BY rated_at DESC LIMIT 1', [issueId]);
  // The notice masks every visitor of the list, as the station's 公示清单 does.
  const names = nameScrubber(payload.issues.flatMap((x) => x.visitors.map((v) => v.name)));
  return {
    id: row.id,
    countyRef: row.county_ref,
    stationId: row.station_id,
    stationName: row.station_name,
    listYear: row.list_year,
    listSeq: row.list_seq,
    seq: row.seq,
    receivedAt: toIso(row.received_at),
    category: row.category,
    summary: row.summary,
    request: source?.request ?? '',
    onSpotAnswer: source?.onSpotAnswer ?? '',
    handling: row.handling,
    suggestedDepartment: row.suggested_department,
    recordedAt: source?.recordedAt ?? null,
    visitors: source?.visitors ?? [],
    status: row.status,
    department: row.department,
    deadline: row.deadline ? toIso(row.deadline) : null,
    colour: colourOf(row.status, row.deadline, calendar, now),
    response: row.response,
    satisfaction: row.satisfaction,
    satisfactionNote: rating.rows[0]?.note ?? null,
    assignments: assignments.rows.map((a) => ({
      departmentId: a.department_id,
      departmentName: a.name,
      isLead: a.is_lead,
      state: a.state,
      deadline: toIso(a.deadline),
      workingDays: a.working_days,
      assignedAt: toIso(a.assigned_at),
      returnReason: a.return_reason,
    })),
    answers: await listAnswers(db, issueId, departmentId),
    followUps: departmentId ? [] : await listFollowUps(db, issueId),
    notice: { summary: maskForNotice(row.summary, names), response: maskForNotice(row.response ?? '', names) },
    mine: row.my_lead !== null && row.my_state !== null ? { isLead: row.my_lead, state: row.my_state } : null,
  };
}
