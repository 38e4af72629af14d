/**
 * The lead department's written answer: 办理情况, 答复意见, the result (解决 / 部分解决 /
 * 因政策原因暂不能解决, with the explanation given to the enterprise), 经办人 and phone.
 * Saved as a draft any number of times; submitted once per round, which writes exactly
 * one 'responded' status update for the station (the answer composed as its text).
 */
import type { Database, Queryable } from '../db/database.js';
import { TEXT_LIMITS } from '../../../shared/protocol/index.js';
import { notYours } from './assignments.js';
import { applyClerkActionIn, type ClerkResult } from './clerk.js';
import { ClerkError } from './clerkError.js';
import { audit, cleanText, type Actor } from './workActor.js';

export const ANSWER_RESULTS = ['solved', 'partlySolved', 'policyUnable'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];

export const ANSWER_RESULT_LABELS: Record<AnswerResult, string> = {
  solved: '解决',
  partlySolved: '部分解决',
  policyUnable: '因政策原因暂不能解决',
};

/** Field limits, chosen so the composed answer always fits the protocol's response text. */
export const ANSWER_LIMITS = { progress: 600, reply: 800, explanation: 300, handlerName: 20, handlerPhone: 30 } as const;

export interface AnswerFields {
  progress: string;
  reply: string;
  result: AnswerResult | null;
  explanation: string;
  handlerName: string;
  handlerPhone: string;
}

export interface Answer extends AnswerFields {
  id: number;
  state: 'draft' | 'submitted';
  updatedAt: string;
  submittedAt: string | null;
}

const PHONE = /^[0-9+\-()（） ]{5,30}$/;

function clean(fields: AnswerFields, complete: boolean): AnswerFields {
  if (fields.result !== null && !(ANSWER_RESULTS as readonly string[]).includes(fields.result)) throw new ClerkError('badResult', '请选择办理结果。');
  const out: AnswerFields = {
    progress: cleanText(fields.progress, '办理情况', ANSWER_LIMITS.progress, complete),
    reply: cleanText(fields.reply, '答复意见', ANSWER_LIMITS.reply, complete),
    result: fields.result,
    explanation: cleanText(fields.explanation, '情况说明', ANSWER_LIMITS.explanation, complete && fields.result !== null && fields.result !== 'solved'),
    handlerName: cleanText(fields.handlerName, '经办人', ANSWER_LIMITS.handlerName, complete),
    handlerPhone: cleanText(fields.handlerPhone, '联系电话', ANSWER_LIMITS.handlerPhone, complete),
  };
  if (complete && out.result === null) throw new ClerkError('badResult', '请选择办理结果。');
  if (out.handlerPhone !== '' && !PHONE.test(out.handlerPhone)) throw new ClerkError('badPhone', '联系电话只能填写数字、空格和 + - ( )。');
  return out;
}

/** The answer as the station receives it (the 'responded' update's text). */
export function composeResponse(a: AnswerFields): string {
  const lines = [`办理情况：${a.progress}`, `答复意见：${a.reply}`, `办理结果：${a.result ? ANSWER_RESULT_LABELS[a.result] : ''}`];
  if (a.explanation !== '') lines.push(`情况说明：${a.explanation}`);
  lines.push(`经办人：${a.handlerName}  联系电话：${a.handlerPhone}`);
  const text = lines.join('\n');
  if (text.length > TEXT_LIMITS.response) throw new Error('composed answer longer than the protocol allows');
  return text;
}

/** The lead row of the department on the issue, with the issue locked; else 404. */
async function requireLead(tx: Queryable, issueId: string, departmentId: string): Promise<void> {
  const r = await tx.query<{ state: string; is_lead: boolean; status: string }>(
    `SELECT a.state, a.is_lead, i.status FROM assignments a JOIN issues i ON i.id = a.issue_id
      WHERE a.issue_id = $1 AND a.department_id = $2 AND a.state IN ('pending', 'accepted') FOR UPDATE OF i`,
    [issueId, departmentId],
  );
  const row = r.rows[0];
  if (!row) throw notYours();
  if (!row.is_lead) throw new ClerkError('notLead', '只有主办单位可以答复，协办单位请将意见交主办单位。', 403);
  if (row.state !== 'accepted') throw new ClerkError('notAccepted', '请先接单，再填写答复。', 409);
  if (!['assigned', 'reopened'].includes(row.status)) throw new ClerkError('alreadyAnswered', '这个问题已答复，等待县里公示或督办。', 409);
}

async function upsertDraft(tx: Queryable, issueId: string, departmentId: string, a: AnswerFields, actor: Actor, now: Date): Promise<number> {
  const r = await tx.query<{ id: unknown }>(
    `INSERT INTO answers (issue_id, department_id, state, progress, reply, result, explanation, handler_name, handler_phone, created_at, updated_at, updated_by)
     VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $9, $10)
     ON CONFLICT (issue_id, department_id) WHERE state = 'draft' DO UPDATE SET
       progress = EXCLUDED.progress, reply = EXCLUDED.reply, result = EXCLUDED.result, explanation = EXCLUDED.explanation,
       handler_name = EXCLUDED.handler_name, handler_phone = EXCLUDED.handler_phone, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
     RETURNING id`,
    [issueId, departmentId, a.progress, a.reply, a.result, a.explanation, a.handlerName, a.handlerPhone, now, actor.userId],
  );
  return Number(r.rows[0]!.id);
}

export async function saveAnswerDraft(db: Database, issueId: string, departmentId: string, fields: AnswerFields, actor: Actor, now: Date): Promise<void> {
  const a = clean(fields, false);
  await db.transaction(async (tx) => {
    await requireLead(tx, issueId, departmentId);
    await upsertDraft(tx, issueId, departmentId, a, actor, now);
    await audit(tx, actor, 'answer.draft', issueId, now, { departmentId });
  });
}

export async function submitAnswer(db: Database, issueId: string, departmentId: string, fields: AnswerFields, actor: Actor, now: Date): Promise<ClerkResult> {
  const a = clean(fields, true);
  const response = composeResponse(a);
  return db.transaction(async (tx) => {
    await requireLead(tx, issueId, departmentId);
    const id = await upsertDraft(tx, issueId, departmentId, a, actor, now);
    await tx.query(`UPDATE answers SET state = 'submitted', submitted_at = $2 WHERE id = $1`, [id, now]);
    const result = await applyClerkActionIn(tx, issueId, { type: 'responded', response }, now);
    await audit(tx, actor, 'answer.submit', issueId, now, { departmentId, result: a.result });
    return result;
  });
}

interface AnswerRow {
  id: unknown;
  state: 'draft' | 'submitted';
  progress: string;
  reply: string;
  result: AnswerResult | null;
  explanation: string;
  handler_name: string;
  handler_phone: string;
  updated_at: Date;
  submitted_at: Date | null;
  department_name: string;
}

/** Answers of an issue, newest first; a department sees only its own (departmentId given). */
export async function listAnswers(db: Queryable, issueId: string, departmentId: string | null): Promise<(Answer & { departmentName: string })[]> {
  const r = await db.query<AnswerRow>(
    `SELECT a.id, a.state, a.progress, a.reply, a.result, a.explanation, a.handler_name, a.handler_phone, a.updated_at, a.submitted_at, d.name AS department_name
       FROM answers a JOIN departments d ON d.id = a.department_id
      WHERE a.issue_id = $1 AND ($2::text IS NULL OR a.department_id = $2::text)
        AND ($2::text IS NOT NULL OR a.state = 'submitted')
      ORDER BY a.id DESC`,
    [issueId, departmentId],
  );
  return r.rows.map((row) => ({
    id: Number(row.id),
    state: row.state,
    progress: row.progress,
    reply: row.reply,
    result: row.result,
    explanation: row.explanation,
    handlerName: row.handler_name,
    handlerPhone: row.handler_phone,
    updatedAt: new Date(row.updated_at).toISOString(),
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    departmentName: row.department_name,
  }));
}
