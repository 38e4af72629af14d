/** The admin's user screens: list, create, disable/enable, set a temporary password. */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../store/consoleAudit.js';
import { deleteUserSessions } from '../../store/consoleSessions.js';
import { createUser, listUsers, resetPassword, setUserDisabled } from '../../store/consoleUsers.js';
import { requireRole, userOf } from '../auth/guard.js';
import { bodyOf, paramOf } from './body.js';

export function registerUserRoutes(app: FastifyInstance): void {
  const admin = { preHandler: requireRole('admin') };

  app.get('/console/api/users', admin, async (request) => ({ users: await listUsers(request.server.consoleContext.db) }));

  app.post('/console/api/users', admin, async (request) => {
    const ctx = request.server.consoleContext;
    const me = userOf(request);
    const b = bodyOf(request);
    const now = ctx.now();
    const user = await ctx.db.transaction(async (tx) => {
      const created = await createUser(tx, { username: b.username, displayName: b.displayName, role: b.role, departmentId: b.departmentId, password: b.password }, now);
      const department = created.departmentId
        ? ((await tx.query<{ name: string }>('SELECT name FROM departments WHERE id = $1', [created.departmentId])).rows[0]?.name ?? null)
        : null;
      await recordAudit(
        tx,
        { userId: me.id, username: me.username, action: 'user.create', target: created.username, address: request.ip, detail: { role: created.role, departmentId: created.departmentId, department } },
        now,
      );
      return created;
    });
    return { user };
  });

  app.post('/console/api/users/:id/disabled', admin, async (request) => {
    const ctx = request.server.consoleContext;
    const me = userOf(request);
    const disabled = bodyOf(request).disabled === true;
    const now = ctx.now();
    const user = await ctx.db.transaction(async (tx) => {
      const u = await setUserDisabled(tx, paramOf(request, 'id'), disabled, me.id);
      if (disabled) await deleteUserSessions(tx, u.id);
      await recordAudit(tx, { userId: me.id, username: me.username, action: disabled ? 'user.disable' : 'user.enable', target: u.username, address: request.ip }, now);
      return u;
    });
    return { user };
  });

  app.post('/console/api/users/:id/password', admin, async (request) => {
    const ctx = request.server.consoleContext;
    const me = userOf(request);
    const now = ctx.now();
    const user = await ctx.db.transaction(async (tx) => {
      const u = await resetPassword(tx, paramOf(request, 'id'), bodyOf(request).password);
      await deleteUserSessions(tx, u.id);
      await recordAudit(tx, { userId: me.id, username: me.username, action: 'user.resetPassword', target: u.username, address: request.ip }, now);
      return u;
    });
    return { user };
  });
}
