/**
 * The onRequest guard of the protocol routes: overload check, bearer token, per-station
 * rate limit. It runs before the body is read, so an unauthenticated request costs little.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_SCHEME } from '../../../shared/protocol/index.js';
import { findStationByToken } from '../store/stations.js';
import { setStation, type AppContext } from './context.js';
import { sendError } from './errors.js';
import { InFlight, StationRateLimit } from './limits.js';

export function protocolGuard(ctx: AppContext) {
  const inFlight = new InFlight(ctx.config.maxInFlight);
  const rate = new StationRateLimit(ctx.config.ratePerMinute);

  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (!inFlight.tryAcquire()) return sendError(reply, 'overloaded', 'too many requests in flight', { retryAfterSeconds: 5 });
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight.release();
    };
    // 'finish' when the answer is written, 'close' when the connection drops first.
    reply.raw.once('finish', release);
    reply.raw.once('close', release);

    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== AUTH_SCHEME || !token) {
      return sendError(reply, 'unauthorized', `missing token: send Authorization: ${AUTH_SCHEME} <token>`);
    }
    const station = await findStationByToken(ctx.db, token);
    if (!station) return sendError(reply, 'unauthorized', 'unknown token');
    setStation(request, station);

    const wait = rate.take(station.id);
    if (wait > 0) return sendError(reply, 'rateLimited', 'too many requests from this station', { retryAfterSeconds: wait });
    return undefined;
  };
}
