/**
 * What console routes reach through `request.server.consoleContext`: storage, clock and
 * settings. Decorated once on the Fastify instance, so route files and the guard need no
 * extra arguments.
 */
import type { ConsoleConfig } from '../config.js';
import type { Database } from '../db/database.js';
import type { SessionLifetime } from '../store/consoleSessions.js';

export interface ConsoleContext {
  db: Database;
  now: () => Date;
  config: ConsoleConfig;
  /** County reference prefix, for screens that show references. */
  refPrefix: string;
}

export function sessionLifetime(cfg: ConsoleConfig): SessionLifetime {
  return { idleMs: cfg.sessionIdleMs, maxMs: cfg.sessionMaxMs };
}

declare module 'fastify' {
  interface FastifyInstance {
    consoleContext: ConsoleContext;
  }
}
