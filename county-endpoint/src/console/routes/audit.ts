/** The admin's audit log: newest first, paged by id, filtered by user name or action. */
import type { FastifyInstance } from 'fastify';
import { readAudit } from '../../store/consoleAudit.js';
import { requireRole } from '../auth/guard.js';

const PAGE = 50;

export function registerAuditRoutes(app: FastifyInstance): void {
  app.get('/console/api/audit', { preHandler: requireRole('admin') }, async (request) => {
    const q = request.query as Record<string, unknown>;
    const before = typeof q.before === 'string' && /^\d{1,15}$/.test(q.before) ? Number(q.before) : null;
    const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 64) : null);
    const rows = await readAudit(request.server.consoleContext.db, { before, limit: PAGE + 1, username: text(q.username), action: text(q.action) });
    return { entries: rows.slice(0, PAGE), more: rows.length > PAGE };
  });
}
