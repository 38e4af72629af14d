/**
 * Builds the Fastify application: JSON only, a 1 MiB body cap, header / body / idle
 * timeouts, CORS for the station's browser flavour, the protocol routes, protocol-shaped
 * errors for everything (Node's parser errors included), and — only when asked for — the
 * fault hooks and the local admin route.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { MAX_REQUEST_BYTES } from '../../../shared/protocol/index.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { registerAdminRoute } from './admin.js';
import type { AppContext } from './context.js';
import { clientErrorHandler } from './clientErrors.js';
import { codeForFastifyError, sendError } from './errors.js';
import { FaultQueue, registerFaultRoutes } from './faults.js';
import { registerProtocolRoutes } from './routes/protocol.js';
import { CONSOLE_API } from '../console/auth/guard.js';
import { sendConsoleFailure } from '../console/errors.js';
import { consoleNotFound, registerConsole } from '../console/register.js';

export interface AppOptions {
  db: Database;
  config: Config;
  now?: () => Date;
  /** Enables POST /__admin/command for the local CLI. */
  adminToken?: string;
  /** false silences logs (tests); otherwise pino at config.logLevel. */
  logger?: boolean;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { headersTimeoutMs, bodyTimeoutMs, idleTimeoutMs } = opts.config;
  const app = Fastify({
    bodyLimit: MAX_REQUEST_BYTES,
    // Only the listed proxies' X-Forwarded-For is believed (config.trustProxy).
    trustProxy: opts.config.trustProxy.length > 0 ? opts.config.trustProxy : false,
    // A client that stops sending is cut off: headers within headersTimeoutMs, the whole
    // request within bodyTimeoutMs, and no silence longer than idleTimeoutMs. Node checks
    // the first two only every connectionsCheckingInterval (30 s by default), so check often.
    requestTimeout: bodyTimeoutMs,
    connectionTimeout: idleTimeoutMs,
    http: {
      headersTimeout: headersTimeoutMs,
      requestTimeout: bodyTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeoutMs / 4))),
    },
    clientErrorHandler,
    // A URL the router cannot decode: the protocol's 400, not Fastify's.
    frameworkErrors: (err, _request, reply) => {
      void sendError(reply, 'invalidRequest', `bad request: ${err.code}`);
    },
    logger:
      opts.logger === false
        ? false
        : {
            level: opts.config.logLevel,
            // Bodies are never logged (they hold visitors' phone numbers); tokens are redacted
            // wherever a header might be serialized.
            redact: {
              paths: ['req.headers.authorization', 'req.headers["x-admin-token"]', 'headers.authorization', 'token', '*.token'],
              censor: '[redacted]',
            },
          },
    return503OnClosing: true,
  });

  const ctx: AppContext = {
    db: opts.db,
    config: opts.config,
    now: opts.now ?? (() => new Date()),
    faults: opts.config.faults ? new FaultQueue() : null,
  };

  // JSON is the only body the protocol accepts: anything else is 415.
  app.removeContentTypeParser(['text/plain']);

  // CORS is for the station's browser flavour speaking the protocol; the console is
  // same-origin only, so its addresses get no CORS headers at all.
  const protocolCors = {
    origin: opts.config.corsOrigins.includes('*') ? '*' : opts.config.corsOrigins,
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  };
  await app.register(cors, {
    delegator: (request, callback) => callback(null, request.url.startsWith('/console') ? { origin: false } : protocolCors),
  });

  app.setErrorHandler(async (err: { code?: string; statusCode?: number }, request, reply) => {
    if (request.url.startsWith(CONSOLE_API)) return sendConsoleFailure(request, reply, err);
    const mapped = codeForFastifyError(err);
    if (mapped.code === 'internal') request.log.error({ err }, 'request failed');
    else request.log.info({ code: mapped.code }, 'request refused');
    return sendError(reply, mapped.code, mapped.message);
  });
  app.setNotFoundHandler(async (request, reply) => consoleNotFound(request, reply) ?? sendError(reply, 'notFound', `no route ${request.method} ${request.url.split('?')[0]}`));

  registerProtocolRoutes(app, ctx);
  await registerConsole(app, { db: ctx.db, now: ctx.now, config: opts.config.console, refPrefix: opts.config.refPrefix });
  if (ctx.faults) registerFaultRoutes(app, ctx.faults);
  if (opts.adminToken) registerAdminRoute(app, ctx, opts.adminToken);
  return app;
}
