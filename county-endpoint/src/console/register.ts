/**
 * Mounts the county console on the endpoint's Fastify instance: the cookie parser, the
 * session and CSRF hook, the JSON API under /console/api/, and the built React app under
 * /console/ (any other /console/ address answers index.html, so a reload keeps its screen).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSOLE_API, OPEN_ROUTES, isGuarded, registerSessionHook } from './auth/guard.js';
import type { ConsoleContext } from './context.js';
import { sendConsoleError } from './errors.js';
import { CONSOLE_ROUTE_MODULES } from './routes/index.js';

export const CONSOLE_PREFIX = '/console/';

const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const NOT_BUILT = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>县级控制台</title><p>控制台尚未构建：请用 <code>npm start</code>（会先构建控制台）启动服务。</p></html>';

export async function registerConsole(app: FastifyInstance, ctx: ConsoleContext): Promise<void> {
  app.decorate('consoleContext', ctx);
  await app.register(cookie);
  registerSessionHook(app);
  // A console API route that states no role is a mistake caught at startup, never a
  // screen open to whoever asks.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(CONSOLE_API)) return;
    for (const method of [route.method].flat()) {
      if (!OPEN_ROUTES.has(`${method} ${route.url}`) && !isGuarded(route.preHandler)) {
        throw new Error(`console route ${method} ${route.url} has no requireRole preHandler`);
      }
    }
  });
  for (const register of CONSOLE_ROUTE_MODULES) register(app);
  // The console is never framed, never sniffed, and tells no other site where it was.
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/console')) return;
    void reply.header('x-frame-options', 'DENY');
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('content-security-policy', CSP);
  });

  const dir = ctx.config.staticDir;
  const built = existsSync(join(dir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: dir, prefix: CONSOLE_PREFIX, index: 'index.html', wildcard: true, cacheControl: false });
  }
  app.get('/console', async (_request, reply) => reply.redirect(CONSOLE_PREFIX));
  if (!built) app.get(CONSOLE_PREFIX, async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT));
}

/**
 * The not-found answer for console addresses: the API's JSON error, or the app's
 * index.html for a screen's address (client-side routes). null for anything else.
 */
export function consoleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith(CONSOLE_API)) return sendConsoleError(reply, 'notFound', '没有这个接口。');
  if (path.startsWith(CONSOLE_PREFIX) && (request.method === 'GET' || request.method === 'HEAD')) {
    const dir = request.server.consoleContext.config.staticDir;
    if (existsSync(join(dir, 'index.html'))) return reply.type('text/html; charset=utf-8').sendFile('index.html', dir);
    return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
  }
  return null;
}
