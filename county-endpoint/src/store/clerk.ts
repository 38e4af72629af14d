/**
 * What the county clerk does to an issue: assign, respond, publish, close, reopen.
 * Each action changes the issue and appends the status update for its station in one
 * transaction. Deadlines come from the county clock, never the station's.
 */
import { findUnsafeText, type StatusUpdateType } from '../../../shared/protocol/index.js';
import type { Database, Queryable } from '../db/database.js';
import { ClerkError } from './clerkError.js';
import { appendUpdate, type UpdateData } from './updates.js';

export type IssueStatus = 'received' | StatusUpdateType;

/** Which statuses each action may start from. */
const ALLOWED_FROM: Record<StatusUpdateType, IssueStatus[]> = {
  assigned: ['received', 'assigned', 'reopened'],
  responded: ['assigned', 'responded', 'reopened'],
  published: ['responded'],
  closed: ['responded', 'published'],
  reopened: ['responded', 'published', 'closed'],
};

export const STATUS_LABELS: Record<IssueStatus, string> = {
  received: '已接收',
  assigned: '已交办',
  responded: '已答复',
  published: '已公示',
  closed: '已销号',
  reopened: '持续督办',
};

const ACTION_LABELS: Record<StatusUpdateType, string> = {
  assigned: '交办',
  responded: '录入答复',
  published: '公示',
  closed: '销号',
  reopened: '重新督办',
};

export type ClerkAction =
  /** `deadline`, when given, is the caller's working-day deadline; else now + `days` calendar days. */
  | { type: 'assigned'; department: string; days: number; deadline?: Date }
  | { type: 'responded'; response: string }
  | { type: 'published' }
  | { type: 'closed'; note?: string }
  | { type: 'reopened'; note?: string };

export interface ClerkResult {
  issueId: string;
  stationId: string;
  status: IssueStatus;
  seq: number;
  department?: string;
  deadline?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function applyClerkAction(db: Database, issueId: string, action: ClerkAction, now: Date): Promise<ClerkResult> {
  return db.transaction((tx) => applyClerkActionIn(tx, issueId, action, now));
}

/** The same, inside the caller's transaction (the console writes its own rows beside it). */
export async function applyClerkActionIn(tx: Queryable, issueId: string, action: ClerkAction, now: Date): Promise<ClerkResult> {
  // The same text rule as a station's push: the database could not store them, and a
  // station could not show them.
  if (findUnsafeText(action) || findUnsafeText(issueId)) throw new ClerkError('badText', '文字中含有不可见的控制字符，请删除后重试。');
  const data = validate(action, now);
  const r = await tx.query<{ station_id: string; list_id: string; status: IssueStatus }>(
    'SELECT station_id, list_id, status FROM issues WHERE id = $1 FOR UPDATE',
    [issueId],
  );
  const issue = r.rows[0];
  if (!issue) throw new ClerkError('unknownIssue', `没有编号为 ${issueId} 的问题，请用 list-issues 查看。`);
  if (!ALLOWED_FROM[action.type].includes(issue.status)) {
    throw new ClerkError(
      'badTransition',
      `问题当前状态为“${STATUS_LABELS[issue.status]}”，不能${ACTION_LABELS[action.type]}。`,
    );
  }
  await tx.query(
    `UPDATE issues SET status = $2,
       department = COALESCE($3, department), deadline = COALESCE($4::timestamptz, deadline),
       response = COALESCE($5, response), updated_at = $6
     WHERE id = $1`,
    [issueId, action.type, data.department ?? null, data.deadline ?? null, data.response ?? null, now],
  );
  const seq = await appendUpdate(tx, { stationId: issue.station_id, issueId, listId: issue.list_id, type: action.type, data, at: now });
  return { issueId, stationId: issue.station_id, status: action.type, seq, ...pick(data) };
}

function pick(data: UpdateData): Pick<ClerkResult, 'department' | 'deadline'> {
  return { ...(data.department ? { department: data.department } : {}), ...(data.deadline ? { deadline: data.deadline } : {}) };
}

function validate(action: ClerkAction, now: Date): UpdateData {
  switch (action.type) {
    case 'assigned': {
      const department = action.department.trim();
      if (department === '' || department.length > 30) throw new ClerkError('badDepartment', '请填写承办单位（不超过 30 个字）。');
      if (!Number.isInteger(action.days) || action.days < 1 || action.days > 90) {
        throw new ClerkError('badDays', '办理期限应为 1–90 天的整数。');
      }
      return { department, deadline: (action.deadline ?? new Date(now.getTime() + action.days * DAY_MS)).toISOString() };
    }
    case 'responded': {
      const response = action.response.trim();
      if (response === '' || response.length > 2000) throw new ClerkError('badResponse', '请填写答复内容（不超过 2000 个字）。');
      return { response };
    }
    case 'published':
      return {};
    case 'closed':
    case 'reopened': {
      const note = action.note?.trim() ?? '';
      if (note.length > 500) throw new ClerkError('badNote', '备注不能超过 500 个字。');
      return note === '' ? {} : { note };
    }
  }
}

export interface IssueSummary {
  id: string;
  stationId: string;
  stationName: string;
  countyRef: string;
  listYear: number;
  listSeq: number;
  seq: number;
  category: string;
  summary: string;
  handling: string;
  suggestedDepartment: string;
  status: IssueStatus;
  department: string | null;
  deadline: Date | null;
  satisfaction: string | null;
}

export async function listIssues(db: Database, stationId: string | null): Promise<IssueSummary[]> {
  const r = await db.query<IssueSummary>(
    `SELECT i.id, i.station_id AS "stationId", s.name AS "stationName", it.county_ref AS "countyRef",
            l.list_year AS "listYear", l.list_seq AS "listSeq", i.seq, i.category, i.summary, i.handling,
            i.suggested_department AS "suggestedDepartment", i.status, i.department, i.deadline, i.satisfaction
       FROM issues i JOIN lists l ON l.id = i.list_id JOIN items it ON it.id = l.id JOIN stations s ON s.id = i.station_id
      WHERE ($1::text IS NULL OR i.station_id = $1)
      ORDER BY it.received_at, i.list_id, i.seq`,
    [stationId],
  );
  return r.rows;
}
