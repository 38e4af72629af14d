/**
 * Stations for the admin and the clerk: the list (last contact, lists received, issues not
 * yet closed), enrolment and token rotation. A token is in the answer once and never again.
 */
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../store/consoleAudit.js';
import { enrollStation, rotateToken, stationOverview } from '../../store/stations.js';
import { requireRole, userOf } from '../auth/guard.js';
import { bodyOf, paramOf } from './body.js';

export function registerStationRoutes(app: FastifyInstance): void {
  const staff = { preHandler: requireRole('admin', 'clerk') };

  app.get('/console/api/stations', staff, async (request) => ({ stations: await stationOverview(request.server.consoleContext.db) }));

  app.post('/console/api/stations', staff, async (request) => {
    const ctx = request.server.consoleContext;
    const me = userOf(request);
    const b = bodyOf(request);
    const now = ctx.now();
    return ctx.db.transaction(async (tx) => {
      const { station, token } = await enrollStation(tx, typeof b.id === 'string' ? b.id.trim() : '', typeof b.name === 'string' ? b.name : '');
      await recordAudit(tx, { userId: me.id, username: me.username, action: 'station.enroll', target: station.id, address: request.ip, detail: { name: station.name } }, now);
      return { station, token };
    });
  });

  app.post('/console/api/stations/:id/token', staff, async (request) => {
    const ctx = request.server.consoleContext;
    const me = userOf(request);
    const now = ctx.now();
    return ctx.db.transaction(async (tx) => {
      const { station, token } = await rotateToken(tx, paramOf(request, 'id'));
      await recordAudit(tx, { userId: me.id, username: me.username, action: 'station.rotateToken', target: station.id, address: request.ip }, now);
      return { station, token };
    });
  });
}
