/**
 * The onRequest guard of the protocol routes: overload check, bearer token, per-station
 * cap on requests in flight, per-station rate limit. It runs before the body is read, so
 * an unauthenticated request costs little and a station's stalled uploads hold at most
 * its own few slots (the body timeout then frees them).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_SCHEME } from '../../../shared/protocol/index.js';
import { findStationByToken, noteContact } from '../store/stations.js';
import { setStation, type AppContext } from './context.js';
import { sendError } from './errors.js';
import { bearerToken } from './auth.js';
import { InFlight, PerStationInFlight, StationRateLimit } from './limits.js';

export function protocolGuard(ctx: AppContext) {
  const inFlight = new InFlight(ctx.config.maxInFlight);
  const rate = new StationRateLimit(ctx.config.ratePerMinute);
  const perStation = new PerStationInFlight(ctx.config.maxPerStation);

  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (!inFlight.tryAcquire()) return sendError(reply, 'overloaded', 'too many requests in flight', { retryAfterSeconds: 5 });
    let released = false;
    let stationSlot: string | null = null;
    const release = () => {
      if (released) return;
      released = true;
      inFlight.release();
      if (stationSlot !== null) perStation.release(stationSlot);
    };
    // 'finish' when the answer is written, 'close' when the connection drops first.
    reply.raw.once('finish', release);
    reply.raw.once('close', release);

    const token = bearerToken(request.headers.authorization);
    if (token === null) {
      return sendError(reply, 'unauthorized', `missing token: send Authorization: ${AUTH_SCHEME} <token>`);
    }
    const station = await findStationByToken(ctx.db, token);
    if (!station) return sendError(reply, 'unauthorized', 'unknown token');
    setStation(request, station);
    await noteContact(ctx.db, station.id, ctx.now());
    // When the connection is already gone (the client gave up while the token was
    // checked), release() has run: taking a slot now would never be given back.
    if (!released) {
      if (!perStation.tryAcquire(station.id)) {
        return sendError(reply, 'rateLimited', 'too many requests from this station at once', { retryAfterSeconds: 5 });
      }
      stationSlot = station.id;
    }

    const wait = rate.take(station.id);
    if (wait > 0) return sendError(reply, 'rateLimited', 'too many requests from this station', { retryAfterSeconds: wait });
    return undefined;
  };
}
