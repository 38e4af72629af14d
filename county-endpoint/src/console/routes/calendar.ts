/** The county's working-day calendar: the clerk reads it, the admin marks 法定节假日 and 调休 days. */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../store/consoleAudit.js';
import { listCalendarDays, setCalendarDay, type CalendarDayKind } from '../../store/calendar.js';
import { ClerkError } from '../../store/clerkError.js';
import { requireRole } from '../auth/guard.js';
import { bodyOf, paramOf } from './body.js';
import { actorOf, oneOf, queryOf, text } from './workInput.js';

const KINDS: readonly CalendarDayKind[] = ['holiday', 'workday'];

export function registerCalendarRoutes(app: FastifyInstance): void {
  app.get('/console/api/calendar', { preHandler: requireRole('admin', 'clerk') }, async (request) => {
    const year = Number(queryOf(request, 'year', 4) ?? new Date(request.server.consoleContext.now()).getFullYear());
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ClerkError('invalidInput', '年份有误。');
    return { year, days: await listCalendarDays(request.server.consoleContext.db, year) };
  });

  app.post('/console/api/calendar/:day', { preHandler: requireRole('admin') }, async (request) => {
    const ctx = request.server.consoleContext;
    const b = bodyOf(request);
    const day = paramOf(request, 'day');
    const kind = oneOf(b.kind, KINDS, '日期类型');
    const note = text(b, 'note', '说明', true);
    const actor = actorOf(request);
    const now = ctx.now();
    await ctx.db.transaction(async (tx) => {
      await setCalendarDay(tx, { day, kind, note }, actor.userId, now);
      await recordAudit(tx, { userId: actor.userId, username: actor.username, action: 'calendar.set', target: day, address: actor.address, detail: { kind, note } }, now);
    });
    return { ok: true };
  });
}
