/**
 * 交办: the clerk assigns issues to a lead department (and optionally co-departments) with
 * a deadline in working days on the county's calendar; a department accepts (接单) or
 * returns (退回) with a reason, which sends the issue back to the clerk's 待认领.
 * Each action is one transaction: the assignment rows, the issue, the station's status
 * update (through applyClerkActionIn) and the audit row.
 */
import { randomUUID } from 'node:crypto';
import { TEXT_LIMITS } from '../../../shared/protocol/index.js';
import type { Database, Queryable } from '../db/database.js';
import { loadCalendar, workingDeadline } from './calendar.js';
import { applyClerkActionIn, type ClerkResult } from './clerk.js';
import { ClerkError } from './clerkError.js';
import { audit, cleanText, type Actor } from './workActor.js';

/** A department named by its id (the console) or by its name (the command line, which may create it). */
export type DepartmentRef = { id: string } | { name: string };

export interface AssignInput {
  issueIds: string[];
  lead: DepartmentRef;
  co?: DepartmentRef[];
  /** Working days on the county's calendar. */
  days: number;
}

export const MAX_BULK_ASSIGN = 200;
export const MAX_CO_DEPARTMENTS = 5;
export const RETURN_REASON_MAX = 300;

interface Department {
  id: string;
  name: string;
}

async function resolveDepartment(tx: Queryable, ref: DepartmentRef): Promise<Department> {
  if ('id' in ref) {
    const r = await tx.query<Department>('SELECT id, name FROM departments WHERE id = $1 AND active', [ref.id]);
    const d = r.rows[0];
    if (!d) throw new ClerkError('unknownDepartment', '没有这个承办单位，或它已停用。');
    return d;
  }
  const name = cleanText(ref.name, '承办单位', 30, true);
  const found = await tx.query<Department & { active: boolean }>('SELECT id, name, active FROM departments WHERE name = $1', [name]);
  const d = found.rows[0];
  if (d) {
    if (!d.active) throw new ClerkError('unknownDepartment', `承办单位“${name}”已停用。`);
    return { id: d.id, name: d.name };
  }
  const r = await tx.query<Department>(
    'INSERT INTO departments (id, name) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id, name',
    [`d-${randomUUID()}`, name],
  );
  return r.rows[0]!;
}

export async function assignIssues(db: Database, input: AssignInput, actor: Actor, now: Date): Promise<ClerkResult[]> {
  const ids = [...new Set(input.issueIds)];
  if (ids.length === 0) throw new ClerkError('noIssues', '请先勾选要交办的问题。');
  if (ids.length > MAX_BULK_ASSIGN) throw new ClerkError('tooManyIssues', `一次最多交办 ${MAX_BULK_ASSIGN} 个问题。`);
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 90) throw new ClerkError('badDays', '办理期限应为 1–90 个工作日的整数。');
  if ((input.co ?? []).length > MAX_CO_DEPARTMENTS) throw new ClerkError('tooManyCo', `协办单位最多 ${MAX_CO_DEPARTMENTS} 个。`);
  return db.transaction(async (tx) => {
    const calendar = await loadCalendar(tx);
    const deadline = workingDeadline(calendar, now, input.days);
    const lead = await resolveDepartment(tx, input.lead);
    // Console names may be longer than a station can show for the 承办单位 of an update.
    if (lead.name.length > TEXT_LIMITS.department) {
      throw new ClerkError('departmentNameTooLong', `承办单位名称“${lead.name}”超过 ${TEXT_LIMITS.department} 个字，联络站无法显示，请管理员改用简称后再交办。`);
    }
    const co: Department[] = [];
    for (const ref of input.co ?? []) {
      const d = await resolveDepartment(tx, ref);
      if (d.id !== lead.id && !co.some((c) => c.id === d.id)) co.push(d);
    }
    const results: ClerkResult[] = [];
    for (const issueId of ids) {
      // Checks the status and writes the station's update first: a refused issue stops the whole batch.
      const result = await applyClerkActionIn(tx, issueId, { type: 'assigned', department: lead.name, days: input.days, deadline }, now);
      await tx.query(`UPDATE assignments SET state = 'superseded' WHERE issue_id = $1 AND state IN ('pending', 'accepted')`, [issueId]);
      for (const d of [lead, ...co]) {
        await tx.query(
          `INSERT INTO assignments (issue_id, department_id, is_lead, state, deadline, working_days, assigned_at, assigned_by)
           VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7)`,
          [issueId, d.id, d.id === lead.id, deadline, input.days, now, actor.userId],
        );
      }
      await tx.query('UPDATE issues SET lead_department_id = $2 WHERE id = $1', [issueId, lead.id]);
      await audit(tx, actor, 'issue.assign', issueId, now, {
        lead: lead.name,
        co: co.map((c) => c.name),
        days: input.days,
        deadline: deadline.toISOString(),
      });
      results.push(result);
    }
    return results;
  });
}

/** The department's open row for the issue, locked; null when the issue is not (or no longer) its own. */
async function openRow(tx: Queryable, issueId: string, departmentId: string): Promise<{ id: unknown; state: string; is_lead: boolean } | null> {
  const r = await tx.query<{ id: unknown; state: string; is_lead: boolean }>(
    `SELECT id, state, is_lead FROM assignments
      WHERE issue_id = $1 AND department_id = $2 AND state IN ('pending', 'accepted') FOR UPDATE`,
    [issueId, departmentId],
  );
  return r.rows[0] ?? null;
}

/** What a department learns about an issue that is not its own: nothing but "not found". */
export function notYours(): ClerkError {
  return new ClerkError('notFound', '没有找到这个问题，或它不属于本单位。', 404);
}

export async function acceptAssignment(db: Database, issueId: string, departmentId: string, actor: Actor, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await openRow(tx, issueId, departmentId);
    if (!row) throw notYours();
    if (row.state === 'accepted') throw new ClerkError('alreadyAccepted', '本单位已接单。', 409);
    await tx.query(`UPDATE assignments SET state = 'accepted', decided_at = $2, decided_by = $3 WHERE id = $1`, [row.id, now, actor.userId]);
    await audit(tx, actor, 'assignment.accept', issueId, now, { departmentId });
  });
}

/**
 * 退回: the department gives the issue back with a reason. A lead department's return
 * sends the whole issue back to the clerk's 待认领 (co-departments' rows end with it); a
 * co-department's return ends its own row only. Nothing is returned once answered.
 */
export async function returnAssignment(db: Database, issueId: string, departmentId: string, reasonText: string, actor: Actor, now: Date): Promise<void> {
  const reason = cleanText(reasonText, '退回理由', RETURN_REASON_MAX, true);
  await db.transaction(async (tx) => {
    const row = await openRow(tx, issueId, departmentId);
    if (!row) throw notYours();
    const status = await tx.query<{ status: string }>('SELECT status FROM issues WHERE id = $1 FOR UPDATE', [issueId]);
    if (!['assigned', 'reopened'].includes(status.rows[0]?.status ?? '')) throw new ClerkError('alreadyAnswered', '已答复的问题不能退回。', 409);
    await tx.query(`UPDATE assignments SET state = 'returned', decided_at = $2, decided_by = $3, return_reason = $4 WHERE id = $1`, [
      row.id,
      now,
      actor.userId,
      reason,
    ]);
    if (row.is_lead) {
      await tx.query(`UPDATE assignments SET state = 'superseded' WHERE issue_id = $1 AND state IN ('pending', 'accepted')`, [issueId]);
      await tx.query('UPDATE issues SET lead_department_id = NULL WHERE id = $1', [issueId]);
    }
    await audit(tx, actor, 'assignment.return', issueId, now, { departmentId, lead: row.is_lead });
  });
}
