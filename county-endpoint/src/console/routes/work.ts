/**
 * The clerk's work: 待认领 and (bulk) assignment, the 督办 board, an issue's detail, 公示,
 * 销号, 持续督办 and follow-up notes. Clerk only (the admin reads the board and issues).
 * Every action and every view of an issue is audited.
 */
import type { FastifyInstance } from 'fastify';
import type { DeadlineColour } from '../../../../shared/domain/workingDays.js';
import { recordAudit } from '../../store/consoleAudit.js';
import { MAX_BULK_ASSIGN, MAX_CO_DEPARTMENTS, assignIssues } from '../../store/assignments.js';
import { OPEN_STATUSES, readBoard } from '../../store/board.js';
import { DEFAULT_WORKING_DAYS, loadCalendar } from '../../store/calendar.js';
import { ClerkError } from '../../store/clerkError.js';
import { listDepartments } from '../../store/departments.js';
import { FOLLOW_UP_REASONS, addFollowUp, closeIssue, publishIssue, reopenIssue } from '../../store/supervision.js';
import { listUnclaimed, readIssueDetail } from '../../store/workQueries.js';
import { requireRole } from '../auth/guard.js';
import { bodyOf, paramOf } from './body.js';
import { actorOf, dayQuery, ids, int, oneOf, queryOf, text } from './workInput.js';

const COLOURS: readonly DeadlineColour[] = ['green', 'yellow', 'red'];

export function registerWorkRoutes(app: FastifyInstance): void {
  const clerk = { preHandler: requireRole('clerk') };
  const readers = { preHandler: requireRole('clerk', 'admin') };

  app.get('/console/api/work/options', readers, async (request) => {
    const db = request.server.consoleContext.db;
    const stations = await db.query<{ id: string; name: string }>('SELECT id, name FROM stations ORDER BY name');
    const categories = await db.query<{ category: string }>('SELECT category FROM issues GROUP BY category ORDER BY count(*) DESC, category LIMIT 60');
    return {
      stations: stations.rows,
      departments: (await listDepartments(db, { activeOnly: true })).map((d) => ({ id: d.id, name: d.name })),
      categories: categories.rows.map((r) => r.category),
      defaultDays: DEFAULT_WORKING_DAYS,
    };
  });

  app.get('/console/api/work/unclaimed', clerk, async (request) => listUnclaimed(request.server.consoleContext.db));

  app.post('/console/api/work/assign', clerk, async (request) => {
    const ctx = request.server.consoleContext;
    const b = bodyOf(request);
    const issueIds = ids(b, 'issueIds', '问题', MAX_BULK_ASSIGN);
    const lead = text(b, 'leadDepartmentId', '主办单位');
    const co = ids(b, 'coDepartmentIds', '协办单位', MAX_CO_DEPARTMENTS);
    const days = int(b, 'days', '办理期限', DEFAULT_WORKING_DAYS);
    const results = await assignIssues(ctx.db, { issueIds, lead: { id: lead }, co: co.map((id) => ({ id })), days }, actorOf(request), ctx.now());
    return { assigned: results.map((r) => ({ issueId: r.issueId, department: r.department, deadline: r.deadline })) };
  });

  app.get('/console/api/work/board', readers, async (request) => {
    const ctx = request.server.consoleContext;
    const now = ctx.now();
    const offset = Number(queryOf(request, 'offset', 7) ?? 0);
    const limit = Number(queryOf(request, 'limit', 3) ?? 50);
    if (!Number.isInteger(offset) || !Number.isInteger(limit)) throw new ClerkError('invalidInput', '分页参数有误。');
    return readBoard(
      ctx.db,
      {
        stationId: queryOf(request, 'station'),
        departmentId: queryOf(request, 'department'),
        category: queryOf(request, 'category'),
        status: oneOf(queryOf(request, 'status'), [...OPEN_STATUSES, 'answered'] as const, '状态'),
        colour: oneOf(queryOf(request, 'colour'), COLOURS, '三色状态'),
        attention: oneOf(queryOf(request, 'attention'), ['overdue', 'unsatisfied'] as const, '督办类别'),
        from: dayQuery(request, 'from'),
        to: dayQuery(request, 'to'),
        offset,
        limit,
      },
      await loadCalendar(ctx.db),
      now,
    );
  });

  app.get('/console/api/work/issues/:id', readers, async (request) => {
    const ctx = request.server.consoleContext;
    const now = ctx.now();
    const id = paramOf(request, 'id');
    const actor = actorOf(request);
    const detail = await readIssueDetail(ctx.db, id, null, await loadCalendar(ctx.db), now);
    if (!detail) throw new ClerkError('notFound', '没有找到这个问题。', 404);
    await recordAudit(ctx.db, { userId: actor.userId, username: actor.username, action: 'issue.view', target: id, address: actor.address }, now);
    return { issue: detail };
  });

  app.post('/console/api/work/issues/:id/publish', clerk, async (request) => {
    const ctx = request.server.consoleContext;
    return { result: await publishIssue(ctx.db, paramOf(request, 'id'), actorOf(request), ctx.now()) };
  });

  app.post('/console/api/work/issues/:id/close', clerk, async (request) => {
    const ctx = request.server.consoleContext;
    const note = text(bodyOf(request), 'note', '备注', true);
    return { result: await closeIssue(ctx.db, paramOf(request, 'id'), note, actorOf(request), ctx.now()) };
  });

  app.post('/console/api/work/issues/:id/reopen', clerk, async (request) => {
    const ctx = request.server.consoleContext;
    const b = bodyOf(request);
    const result = await reopenIssue(ctx.db, paramOf(request, 'id'), text(b, 'note', '督办意见'), int(b, 'days', '办理期限', DEFAULT_WORKING_DAYS), actorOf(request), ctx.now());
    return { result };
  });

  app.post('/console/api/work/issues/:id/follow-ups', clerk, async (request) => {
    const ctx = request.server.consoleContext;
    const b = bodyOf(request);
    const reason = oneOf(b.reason, FOLLOW_UP_REASONS, '督办原因');
    if (!reason) throw new ClerkError('badReason', '请选择督办原因。');
    await addFollowUp(ctx.db, paramOf(request, 'id'), reason, text(b, 'note', '督办记录'), actorOf(request), ctx.now());
    return { ok: true };
  });
}
