/** What every route handler can reach: storage, clock, settings, fault queue. */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Station } from '../store/stations.js';
import type { FaultQueue } from './faults.js';

export interface AppContext {
  db: Database;
  config: Config;
  now: () => Date;
  faults: FaultQueue | null;
}

/** The station whose token authenticated the request (set by the auth hook). */
const stations = new WeakMap<FastifyRequest, Station>();

export function setStation(request: FastifyRequest, station: Station): void {
  stations.set(request, station);
}

export function stationOf(request: FastifyRequest): Station {
  const s = stations.get(request);
  if (!s) throw new Error('route reached without an authenticated station');
  return s;
}
