/**
 * A department's work: its inbox, an issue assigned to it, 接单, 退回 with a reason, and
 * the written answer (draft, then submit). Department users only, and every query is
 * scoped to the user's own department: another department's issue is "not found", the
 * same answer as an id that does not exist, and the attempt is audited.
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../store/consoleAudit.js';
import { ANSWER_RESULTS, saveAnswerDraft, submitAnswer, type AnswerFields } from '../../store/answers.js';
import { acceptAssignment, notYours, returnAssignment } from '../../store/assignments.js';
import { loadCalendar } from '../../store/calendar.js';
import { departmentInbox, readIssueDetail } from '../../store/workQueries.js';
import { requireRole } from '../auth/guard.js';
import { bodyOf, paramOf } from './body.js';
import { actorOf, departmentOf, oneOf, text } from './workInput.js';

function answerFields(b: Record<string, unknown>): AnswerFields {
  return {
    progress: text(b, 'progress', '办理情况', true),
    reply: text(b, 'reply', '答复意见', true),
    result: oneOf(b.result, ANSWER_RESULTS, '办理结果'),
    explanation: text(b, 'explanation', '情况说明', true),
    handlerName: text(b, 'handlerName', '经办人', true),
    handlerPhone: text(b, 'handlerPhone', '联系电话', true),
  };
}

export function registerDepartmentWorkRoutes(app: FastifyInstance): void {
  const dept = { preHandler: requireRole('department') };

  app.get('/console/api/inbox', dept, async (request) => {
    const ctx = request.server.consoleContext;
    const now = ctx.now();
    return { issues: await departmentInbox(ctx.db, departmentOf(request), await loadCalendar(ctx.db), now) };
  });

  app.get('/console/api/inbox/:id', dept, async (request) => {
    const ctx = request.server.consoleContext;
    const now = ctx.now();
    const id = paramOf(request, 'id');
    const actor = actorOf(request);
    const departmentId = departmentOf(request);
    const detail = await readIssueDetail(ctx.db, id, departmentId, await loadCalendar(ctx.db), now);
    await recordAudit(
      ctx.db,
      { userId: actor.userId, username: actor.username, action: detail ? 'issue.view' : 'issue.view.denied', target: id.slice(0, 100), address: actor.address, detail: { departmentId } },
      now,
    );
    if (!detail) throw notYours();
    return { issue: detail };
  });

  app.post('/console/api/inbox/:id/accept', dept, async (request) => {
    const ctx = request.server.consoleContext;
    await acceptAssignment(ctx.db, paramOf(request, 'id'), departmentOf(request), actorOf(request), ctx.now());
    return { ok: true };
  });

  app.post('/console/api/inbox/:id/return', dept, async (request) => {
    const ctx = request.server.consoleContext;
    await returnAssignment(ctx.db, paramOf(request, 'id'), departmentOf(request), text(bodyOf(request), 'reason', '退回理由'), actorOf(request), ctx.now());
    return { ok: true };
  });

  app.post('/console/api/inbox/:id/answer/draft', dept, async (request) => {
    const ctx = request.server.consoleContext;
    await saveAnswerDraft(ctx.db, paramOf(request, 'id'), departmentOf(request), answerFields(bodyOf(request)), actorOf(request), ctx.now());
    return { ok: true };
  });

  app.post('/console/api/inbox/:id/answer/submit', dept, async (request) => {
    const ctx = request.server.consoleContext;
    const result = await submitAnswer(ctx.db, paramOf(request, 'id'), departmentOf(request), answerFields(bodyOf(request)), actorOf(request), ctx.now());
    return { result: { issueId: result.issueId, status: result.status } };
  });
}
