/** 承办单位: the admin creates, renames and deactivates them; every signed-in role may read the list. */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../store/consoleAudit.js';
import { createDepartment, listDepartments, updateDepartment } from '../../store/departments.js';
import { requireRole, userOf } from '../auth/guard.js';
import { bodyOf, paramOf } from './body.js';

export function registerDepartmentRoutes(app: FastifyInstance): void {
  app.get('/console/api/departments', { preHandler: requireRole() }, async (request) => ({
    departments: await listDepartments(request.server.consoleContext.db),
  }));

  app.post('/console/api/departments', { preHandler: requireRole('admin') }, async (request) => {
    const ctx = request.server.consoleContext;
    const me = userOf(request);
    const now = ctx.now();
    const department = await ctx.db.transaction(async (tx) => {
      const d = await createDepartment(tx, bodyOf(request).name, now);
      await recordAudit(tx, { userId: me.id, username: me.username, action: 'department.create', target: d.id, address: request.ip, detail: { name: d.name } }, now);
      return d;
    });
    return { department };
  });

  app.post('/console/api/departments/:id', { preHandler: requireRole('admin') }, async (request) => {
    const ctx = request.server.consoleContext;
    const me = userOf(request);
    const b = bodyOf(request);
    const now = ctx.now();
    const department = await ctx.db.transaction(async (tx) => {
      const d = await updateDepartment(tx, paramOf(request, 'id'), { name: b.name, active: b.active });
      await recordAudit(tx, { userId: me.id, username: me.username, action: 'department.update', target: d.id, address: request.ip, detail: { name: d.name, active: d.active } }, now);
      return d;
    });
    return { department };
  });
}
