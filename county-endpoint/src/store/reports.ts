/**
 * The console's statistics, read-only: per department (承办单位办理情况), per station
 * (联络站问题办理情况) and the 督察结果 report for the 主任会议. A period is a range of the
 * county's calendar dates (China Standard Time), both ends included.
 *
 * Counting rules (docs/console-reports.md says the same in words):
 * - A department's work is its assignment rows assigned in the period, lead or co, except
 *   rows it returned and rows superseded before it answered.
 * - An assignment is answered when the department submitted an answer for the issue after
 *   it was assigned; on time when that came by the deadline. Overdue: answered after the
 *   deadline, or still unanswered once the deadline has passed.
 * - Working days run from the day of assignment to the day of the answer on the county's
 *   calendar (shared/domain/workingDays.ts).
 * - Satisfaction is the visitor's latest rating of the issues the department led; the rate
 *   counts 满意 and 基本满意 over all rated.
 * - An issue's result is its lead department's latest submitted answer.
 */
import { cstDateKey, workingDaysBetween, type WorkingCalendar } from '../../../shared/domain/workingDays.js';
import type { Queryable } from '../db/database.js';
import { toSafeInt } from '../db/database.js';
import { loadCalendar } from './calendar.js';
import { ClerkError } from './clerkError.js';
import { listKeyIssues, type KeyIssueSummary } from './keyIssues.js';

export interface ReportPeriod {
  /** YYYY-MM-DD, China Standard Time, included. */
  from: string;
  /** YYYY-MM-DD, China Standard Time, included. */
  to: string;
}

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 3 * 366;

function validDay(key: string): boolean {
  return DAY_KEY.test(key) && new Date(`${key}T00:00:00Z`).toISOString().slice(0, 10) === key;
}

export function validatePeriod(p: ReportPeriod): ReportPeriod {
  if (!validDay(p.from) || !validDay(p.to)) throw new ClerkError('badPeriod', '请选择统计期间的开始和结束日期。');
  if (p.from > p.to) throw new ClerkError('badPeriod', '开始日期不能晚于结束日期。');
  const days = (Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000;
  if (days > MAX_DAYS) throw new ClerkError('badPeriod', '统计期间不能超过三年。');
  return p;
}

/** The period as instants: [start, end). */
export function periodBounds(p: ReportPeriod): { start: Date; end: Date } {
  const start = new Date(`${p.from}T00:00:00+08:00`);
  const end = new Date(new Date(`${p.to}T00:00:00+08:00`).getTime() + 86_400_000);
  return { start, end };
}

export interface DepartmentRow {
  departmentId: string;
  department: string;
  assigned: number;
  lead: number;
  onTime: number;
  overdue: number;
  /** Of the overdue: still without an answer. */
  overdueOpen: number;
  inProgress: number;
  /** Mean working days from assignment to answer, over answered assignments; null when none. */
  avgWorkingDays: number | null;
  rated: number;
  satisfied: number;
  /** (满意 + 基本满意) / rated; null when nothing was rated. */
  satisfactionRate: number | null;
}

interface AssignmentRow {
  department_id: string;
  name: string;
  issue_id: string;
  is_lead: boolean;
  deadline: Date;
  assigned_at: Date;
  answered_at: Date | null;
  satisfaction: string | null;
}

export async function departmentReport(db: Queryable, period: ReportPeriod, now: Date, calendar?: WorkingCalendar): Promise<DepartmentRow[]> {
  const { start, end } = periodBounds(validatePeriod(period));
  const cal = calendar ?? (await loadCalendar(db));
  const departments = await db.query<{ id: string; name: string; active: boolean }>('SELECT id, name, active FROM departments');
  const r = await db.query<AssignmentRow>(
    `SELECT a.department_id, d.name, a.issue_id, a.is_lead, a.deadline, a.assigned_at, ans.answered_at, i.satisfaction
       FROM assignments a
       JOIN departments d ON d.id = a.department_id
       JOIN issues i ON i.id = a.issue_id
       LEFT JOIN LATERAL (
         SELECT min(an.submitted_at) AS answered_at FROM answers an
          WHERE an.issue_id = a.issue_id AND an.department_id = a.department_id
            AND an.state = 'submitted' AND an.submitted_at >= a.assigned_at
       ) ans ON true
      WHERE a.assigned_at >= $1 AND a.assigned_at < $2
        AND a.state <> 'returned'
        AND NOT (a.state = 'superseded' AND ans.answered_at IS NULL)`,
    [start, end],
  );
  const rows = new Map<string, DepartmentRow & { days: number[]; ratedIssues: Set<string> }>();
  const rowOf = (id: string, name: string) => {
    let row = rows.get(id);
    if (!row) {
      row = {
        departmentId: id,
        department: name,
        assigned: 0,
        lead: 0,
        onTime: 0,
        overdue: 0,
        overdueOpen: 0,
        inProgress: 0,
        avgWorkingDays: null,
        rated: 0,
        satisfied: 0,
        satisfactionRate: null,
        days: [],
        ratedIssues: new Set(),
      };
      rows.set(id, row);
    }
    return row;
  };
  for (const d of departments.rows) if (d.active) rowOf(d.id, d.name);
  for (const a of r.rows) {
    const row = rowOf(a.department_id, a.name);
    const deadline = new Date(a.deadline);
    row.assigned += 1;
    if (a.is_lead) row.lead += 1;
    if (a.answered_at) {
      const answered = new Date(a.answered_at);
      if (answered.getTime() <= deadline.getTime()) row.onTime += 1;
      else row.overdue += 1;
      row.days.push(workingDaysBetween(cal, cstDateKey(new Date(a.assigned_at)), cstDateKey(answered)));
    } else if (now.getTime() > deadline.getTime()) {
      row.overdue += 1;
      row.overdueOpen += 1;
    } else {
      row.inProgress += 1;
    }
    if (a.is_lead && a.satisfaction && !row.ratedIssues.has(a.issue_id)) {
      row.ratedIssues.add(a.issue_id);
      row.rated += 1;
      if (a.satisfaction === 'satisfied' || a.satisfaction === 'basicallySatisfied') row.satisfied += 1;
    }
  }
  const collator = new Intl.Collator('zh-CN');
  return [...rows.values()]
    .map(({ days, ratedIssues: _rated, ...row }) => ({
      ...row,
      avgWorkingDays: days.length === 0 ? null : days.reduce((s, d) => s + d, 0) / days.length,
      satisfactionRate: row.rated === 0 ? null : row.satisfied / row.rated,
    }))
    .sort((a, b) => b.assigned - a.assigned || collator.compare(a.department, b.department));
}

export interface StationRow {
  stationId: string;
  station: string;
  lists: number;
  issues: number;
  onSpot: number;
  referred: number;
  answered: number;
  solved: number;
  partlySolved: number;
  policyUnable: number;
  closed: number;
  /** 当场办结 plus answers with the result 解决. */
  solvedTotal: number;
}

/** Lists the county received in the period, per station (every enrolled station, even with none). */
export async function stationReport(db: Queryable, period: ReportPeriod): Promise<StationRow[]> {
  const { start, end } = periodBounds(validatePeriod(period));
  const r = await db.query<Record<string, unknown> & { id: string; name: string }>(
    `WITH period_lists AS (
       SELECT l.id, l.station_id FROM lists l JOIN items it ON it.id = l.id
        WHERE it.received_at >= $1 AND it.received_at < $2
     ), period_issues AS (
       SELECT i.station_id, i.handling, i.status, res.result
         FROM period_lists pl JOIN issues i ON i.list_id = pl.id
         LEFT JOIN LATERAL (
           SELECT an.result FROM answers an
            WHERE an.issue_id = i.id AND an.department_id = i.lead_department_id AND an.state = 'submitted'
            ORDER BY an.submitted_at DESC, an.id DESC LIMIT 1
         ) res ON true
     )
     SELECT s.id, s.name,
            (SELECT count(*) FROM period_lists pl WHERE pl.station_id = s.id) AS lists,
            count(pi.station_id) AS issues,
            count(*) FILTER (WHERE pi.handling = 'onSpot') AS on_spot,
            count(*) FILTER (WHERE pi.handling = 'referToCounty') AS referred,
            count(*) FILTER (WHERE pi.result IS NOT NULL) AS answered,
            count(*) FILTER (WHERE pi.result = 'solved') AS solved,
            count(*) FILTER (WHERE pi.result = 'partlySolved') AS partly_solved,
            count(*) FILTER (WHERE pi.result = 'policyUnable') AS policy_unable,
            count(*) FILTER (WHERE pi.status = 'closed') AS closed
       FROM stations s LEFT JOIN period_issues pi ON pi.station_id = s.id
      GROUP BY s.id, s.name`,
    [start, end],
  );
  const collator = new Intl.Collator('zh-CN');
  return r.rows
    .map((row) => {
      const n = (k: string) => toSafeInt(row[k]);
      return {
        stationId: row.id,
        station: row.name,
        lists: n('lists'),
        issues: n('issues'),
        onSpot: n('on_spot'),
        referred: n('referred'),
        answered: n('answered'),
        solved: n('solved'),
        partlySolved: n('partly_solved'),
        policyUnable: n('policy_unable'),
        closed: n('closed'),
        solvedTotal: n('on_spot') + n('solved'),
      };
    })
    .sort((a, b) => b.issues - a.issues || collator.compare(a.station, b.station));
}

export interface SupervisedIssue {
  id: string;
  countyRef: string;
  station: string;
  category: string;
  summary: string;
  department: string | null;
  deadline: string | null;
  /** overdue: the lead department has not answered and the deadline passed; unsatisfied: the visitor rated 不满意. */
  reason: 'overdue' | 'unsatisfied';
  followUps: number;
}

export interface SupervisionTotals {
  lists: number;
  issues: number;
  referred: number;
  assigned: number;
  onTime: number;
  overdue: number;
  solved: number;
  partlySolved: number;
  policyUnable: number;
  rated: number;
  satisfied: number;
  satisfactionRate: number | null;
  supervised: number;
}

export interface SupervisionReport {
  period: ReportPeriod;
  generatedAt: string;
  totals: SupervisionTotals;
  departments: DepartmentRow[];
  stations: StationRow[];
  keyIssues: (KeyIssueSummary & { latestNote: string | null })[];
  supervised: SupervisedIssue[];
}

/**
 * 督察结果 for the 主任会议: totals of the period, the departments' and stations' tables,
 * the key issues of the period's years with their latest progress, and every issue still
 * under supervision (持续督办) among those received in the period.
 */
export async function supervisionReport(db: Queryable, period: ReportPeriod, now: Date): Promise<SupervisionReport> {
  const { start, end } = periodBounds(validatePeriod(period));
  const calendar = await loadCalendar(db);
  const departments = await departmentReport(db, period, now, calendar);
  const stations = await stationReport(db, period);
  const fromYear = Number(period.from.slice(0, 4));
  const toYear = Number(period.to.slice(0, 4));
  const keys = (await listKeyIssues(db, null)).filter((k) => k.year >= fromYear && k.year <= toYear);
  const notes = await db.query<{ key_issue_id: string; note: string }>(
    `SELECT DISTINCT ON (key_issue_id) key_issue_id, note FROM key_issue_notes
      WHERE key_issue_id = ANY($1::text[]) ORDER BY key_issue_id, at DESC, id DESC`,
    [keys.map((k) => k.id)],
  );
  const latest = new Map(notes.rows.map((n) => [n.key_issue_id, n.note]));
  const supervised = await db.query<{
    id: string;
    county_ref: string;
    station: string;
    category: string;
    summary: string;
    department: string | null;
    deadline: Date | null;
    satisfaction: string | null;
    follow_ups: unknown;
  }>(
    `SELECT i.id, it.county_ref, s.name AS station, i.category, i.summary, d.name AS department, i.deadline, i.satisfaction,
            (SELECT count(*) FROM follow_ups f WHERE f.issue_id = i.id) AS follow_ups
       FROM issues i JOIN items it ON it.id = i.list_id JOIN stations s ON s.id = i.station_id
       LEFT JOIN departments d ON d.id = i.lead_department_id
      WHERE it.received_at >= $1 AND it.received_at < $2
        AND i.status <> 'closed'
        AND (i.satisfaction = 'unsatisfied'
             OR (i.lead_department_id IS NOT NULL AND i.deadline < $3 AND NOT EXISTS (
                   SELECT 1 FROM answers an WHERE an.issue_id = i.id AND an.department_id = i.lead_department_id
                      AND an.state = 'submitted' AND an.submitted_at >= (
                        SELECT max(a.assigned_at) FROM assignments a WHERE a.issue_id = i.id AND a.department_id = i.lead_department_id))))
      ORDER BY it.received_at, i.list_id, i.seq`,
    [start, end, now],
  );
  const sum = (f: (d: DepartmentRow) => number) => departments.reduce((s, d) => s + f(d), 0);
  const sumS = (f: (s: StationRow) => number) => stations.reduce((s, d) => s + f(d), 0);
  const rated = sum((d) => d.rated);
  const satisfied = sum((d) => d.satisfied);
  const rows: SupervisedIssue[] = supervised.rows.map((r) => ({
    id: r.id,
    countyRef: r.county_ref,
    station: r.station,
    category: r.category,
    summary: r.summary,
    department: r.department,
    deadline: r.deadline ? cstDateKey(new Date(r.deadline)) : null,
    reason: r.satisfaction === 'unsatisfied' ? 'unsatisfied' : 'overdue',
    followUps: toSafeInt(r.follow_ups),
  }));
  return {
    period,
    generatedAt: now.toISOString(),
    totals: {
      lists: sumS((s) => s.lists),
      issues: sumS((s) => s.issues),
      referred: sumS((s) => s.referred),
      assigned: sum((d) => d.lead),
      onTime: sum((d) => d.onTime),
      overdue: sum((d) => d.overdue),
      solved: sumS((s) => s.solved),
      partlySolved: sumS((s) => s.partlySolved),
      policyUnable: sumS((s) => s.policyUnable),
      rated,
      satisfied,
      satisfactionRate: rated === 0 ? null : satisfied / rated,
      supervised: rows.length,
    },
    departments,
    stations,
    keyIssues: keys.map((k) => ({ ...k, latestNote: latest.get(k.id) ?? null })),
    supervised: rows,
  };
}
