/**
 * The clerk's 督办 after an answer: 公示 (publish), 销号 (close) once the visitor is
 * satisfied, 持续督办 (reopen, back to the lead department with a new deadline) when not,
 * and follow-up notes on overdue issues. Each is one transaction with the station's status
 * update (where the protocol has one), the follow-up row and the audit row.
 */
import type { Database } from '../db/database.js';
import { TEXT_LIMITS } from '../../../shared/protocol/index.js';
import { loadCalendar, workingDeadline } from './calendar.js';
import { applyClerkActionIn, type ClerkResult } from './clerk.js';
import { ClerkError } from './clerkError.js';
import { audit, cleanText, type Actor } from './workActor.js';

export const FOLLOW_UP_REASONS = ['overdue', 'unsatisfied', 'other'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

export async function publishIssue(db: Database, issueId: string, actor: Actor, now: Date): Promise<ClerkResult> {
  return db.transaction(async (tx) => {
    const result = await applyClerkActionIn(tx, issueId, { type: 'published' }, now);
    await audit(tx, actor, 'issue.publish', issueId, now);
    return result;
  });
}

/** 销号: only once the visitor said 满意 or 基本满意. */
export async function closeIssue(db: Database, issueId: string, noteText: string, actor: Actor, now: Date): Promise<ClerkResult> {
  const note = cleanText(noteText, '备注', TEXT_LIMITS.note, false);
  return db.transaction(async (tx) => {
    const r = await tx.query<{ satisfaction: string | null }>('SELECT satisfaction FROM issues WHERE id = $1', [issueId]);
    if (!r.rows[0]) throw new ClerkError('notFound', '没有找到这个问题。', 404);
    if (!['satisfied', 'basicallySatisfied'].includes(r.rows[0].satisfaction ?? '')) {
      throw new ClerkError('notSatisfied', '来访人满意或基本满意后才能销号；不满意的问题请持续督办。', 409);
    }
    const result = await applyClerkActionIn(tx, issueId, { type: 'closed', ...(note ? { note } : {}) }, now);
    await audit(tx, actor, 'issue.close', issueId, now);
    return result;
  });
}

/**
 * 持续督办 of an answered issue the visitor was not satisfied with: the station sees it
 * reopened with the note; the lead department gets it back with a new deadline.
 */
export async function reopenIssue(db: Database, issueId: string, noteText: string, days: number, actor: Actor, now: Date): Promise<ClerkResult> {
  const note = cleanText(noteText, '督办意见', TEXT_LIMITS.note, true);
  if (!Number.isInteger(days) || days < 1 || days > 90) throw new ClerkError('badDays', '办理期限应为 1–90 个工作日的整数。');
  return db.transaction(async (tx) => {
    const result = await applyClerkActionIn(tx, issueId, { type: 'reopened', note }, now);
    const deadline = workingDeadline(await loadCalendar(tx), now, days);
    await tx.query('UPDATE issues SET deadline = $2 WHERE id = $1', [issueId, deadline]);
    await tx.query(`UPDATE assignments SET deadline = $2, working_days = $3 WHERE issue_id = $1 AND state IN ('pending', 'accepted')`, [issueId, deadline, days]);
    await tx.query(`INSERT INTO follow_ups (issue_id, reason, note, at, by_user, by_name) VALUES ($1, 'unsatisfied', $2, $3, $4, $5)`, [
      issueId,
      note,
      now,
      actor.userId,
      actor.displayName,
    ]);
    await audit(tx, actor, 'issue.reopen', issueId, now, { days, deadline: deadline.toISOString() });
    return { ...result, deadline: deadline.toISOString() };
  });
}

/** A note of one follow-up (催办) of an open issue; the station's status does not change. */
export async function addFollowUp(db: Database, issueId: string, reason: FollowUpReason, noteText: string, actor: Actor, now: Date): Promise<void> {
  if (!(FOLLOW_UP_REASONS as readonly string[]).includes(reason)) throw new ClerkError('badReason', '请选择督办原因。');
  const note = cleanText(noteText, '督办记录', TEXT_LIMITS.note, true);
  await db.transaction(async (tx) => {
    const r = await tx.query<{ status: string }>('SELECT status FROM issues WHERE id = $1 FOR UPDATE', [issueId]);
    const status = r.rows[0]?.status;
    if (!status) throw new ClerkError('notFound', '没有找到这个问题。', 404);
    if (status === 'closed' || status === 'received') throw new ClerkError('notOpen', '只有已交办、未销号的问题可以督办。', 409);
    await tx.query(`INSERT INTO follow_ups (issue_id, reason, note, at, by_user, by_name) VALUES ($1, $2, $3, $4, $5, $6)`, [
      issueId,
      reason,
      note,
      now,
      actor.userId,
      actor.displayName,
    ]);
    await audit(tx, actor, 'issue.followUp', issueId, now, { reason });
  });
}

export interface FollowUp {
  reason: FollowUpReason;
  note: string;
  at: string;
  byName: string;
}

export async function listFollowUps(db: Database, issueId: string): Promise<FollowUp[]> {
  const r = await db.query<{ reason: FollowUpReason; note: string; at: Date; by_name: string }>(
    'SELECT reason, note, at, by_name FROM follow_ups WHERE issue_id = $1 ORDER BY at, id',
    [issueId],
  );
  return r.rows.map((row) => ({ reason: row.reason, note: row.note, at: new Date(row.at).toISOString(), byName: row.by_name }));
}
