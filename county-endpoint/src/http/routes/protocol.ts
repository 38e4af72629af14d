/** The routes of protocol version 1: push, updates, ping, and lists and calendar (added later, additive). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  LISTS_DEFAULT_LIMIT,
  PROTOCOL_VERSION,
  ROUTES,
  UPDATES_DEFAULT_LIMIT,
  calendarQuerySchema,
  listsQuerySchema,
  pingQuerySchema,
  pushEnvelopeSchema,
  updatesQuerySchema,
  type CalendarResponse,
  type ListsResponse,
  type PingResponse,
  type PushResponse,
  type UpdatesResponse,
} from '../../../../shared/protocol/index.js';
import { calendarForStations, calendarVersion } from '../../store/calendar.js';
import { describeIssues, errorName, storeItems } from '../../store/push.js';
import { readHeldLists } from '../../store/lists.js';
import { readUpdates } from '../../store/updates.js';
import { stationOf, type AppContext } from '../context.js';
import { sendError } from '../errors.js';
import { applyFaultBefore, finishWithFaults } from '../faults.js';
import { protocolGuard } from '../guard.js';

function wrongVersion(reply: FastifyReply, got: unknown): FastifyReply {
  return sendError(reply, 'unsupportedProtocolVersion', `protocolVersion ${JSON.stringify(got ?? null)} is not supported; this endpoint speaks ${PROTOCOL_VERSION}`);
}

export function registerProtocolRoutes(app: FastifyInstance, ctx: AppContext): void {
  const onRequest = protocolGuard(ctx);

  app.post(ROUTES.push, { onRequest }, async (request, reply) => {
    if (await applyFaultBefore(ctx.faults, 'push', request, reply)) return reply;
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return sendError(reply, 'invalidRequest', 'body must be a JSON object');
    }
    const version = (body as { protocolVersion?: unknown }).protocolVersion;
    if (version !== PROTOCOL_VERSION) return wrongVersion(reply, version);
    const envelope = pushEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      return sendError(reply, 'invalidRequest', 'push envelope does not match the schema', { details: describeIssues(envelope.error).split('; ') });
    }
    const station = stationOf(request);
    if (envelope.data.stationId !== station.id) {
      return sendError(reply, 'forbidden', 'the token belongs to another station');
    }
    const receipts = await storeItems(
      {
        db: ctx.db,
        station,
        now: ctx.now,
        refPrefix: ctx.config.refPrefix,
        // The error's name or database code only: its message may quote a visitor's data.
        onItemError: (err, itemId) => request.log.error({ stationId: station.id, itemId, error: errorName(err) }, 'item not stored'),
      },
      envelope.data.items,
    );
    const counts = receipts.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    request.log.info({ stationId: station.id, items: receipts.length, ...counts }, 'push stored');
    const response: PushResponse = { protocolVersion: PROTOCOL_VERSION, receipts };
    return finishWithFaults(request, reply, response);
  });

  app.get(ROUTES.updates, { onRequest }, async (request, reply) => {
    if (await applyFaultBefore(ctx.faults, 'updates', request, reply)) return reply;
    const query = request.query as Record<string, unknown>;
    if (query.protocolVersion !== String(PROTOCOL_VERSION)) return wrongVersion(reply, query.protocolVersion);
    const parsed = updatesQuerySchema.safeParse(query);
    if (!parsed.success) {
      return sendError(reply, 'invalidRequest', 'bad updates query', { details: describeIssues(parsed.error).split('; ') });
    }
    const station = stationOf(request);
    if (parsed.data.stationId !== undefined && parsed.data.stationId !== station.id) {
      return sendError(reply, 'forbidden', 'the token belongs to another station');
    }
    const page = await readUpdates(ctx.db, station.id, parsed.data.after, parsed.data.limit ?? UPDATES_DEFAULT_LIMIT);
    const response: UpdatesResponse = { protocolVersion: PROTOCOL_VERSION, ...page };
    return finishWithFaults(request, reply, response);
  });

  // A restored station reads the lists the county holds for it, to reconcile before it sends.
  app.get(ROUTES.lists, { onRequest }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (query.protocolVersion !== String(PROTOCOL_VERSION)) return wrongVersion(reply, query.protocolVersion);
    const parsed = listsQuerySchema.safeParse(query);
    if (!parsed.success) {
      return sendError(reply, 'invalidRequest', 'bad lists query', { details: describeIssues(parsed.error).split('; ') });
    }
    const station = stationOf(request);
    if (parsed.data.stationId !== undefined && parsed.data.stationId !== station.id) {
      return sendError(reply, 'forbidden', 'the token belongs to another station');
    }
    const page = await readHeldLists(ctx.db, station.id, parsed.data.after ?? null, parsed.data.limit ?? LISTS_DEFAULT_LIMIT);
    const response: ListsResponse = { protocolVersion: PROTOCOL_VERSION, ...page };
    return finishWithFaults(request, reply, response);
  });

  // The county's working-day calendar, which the station colours deadlines on. A station
  // asks when the ping names a version other than the one it holds.
  app.get(ROUTES.calendar, { onRequest }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (!calendarQuerySchema.safeParse(query).success) return wrongVersion(reply, query.protocolVersion);
    const response: CalendarResponse = { protocolVersion: PROTOCOL_VERSION, ...(await calendarForStations(ctx.db)) };
    return finishWithFaults(request, reply, response);
  });

  app.get(ROUTES.ping, { onRequest }, async (request, reply) => {
    if (await applyFaultBefore(ctx.faults, 'ping', request, reply)) return reply;
    const query = request.query as Record<string, unknown>;
    if (!pingQuerySchema.safeParse(query).success) return wrongVersion(reply, query.protocolVersion);
    const station = stationOf(request);
    const response: PingResponse = {
      protocolVersion: PROTOCOL_VERSION,
      stationId: station.id,
      stationName: station.name,
      serverTime: ctx.now().toISOString(),
      calendarVersion: await calendarVersion(ctx.db),
    };
    return finishWithFaults(request, reply, response);
  });
}
