/**
 * POST /__admin/command: runs a clerk command inside the server process. Only the CLI on
 * the same machine uses it, while the server holds the embedded database: it answers
 * loopback connections only, with the admin token the server wrote to its data folder.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { commandSchema, runCommand } from '../store/commands.js';
import { ClerkError } from '../store/clerkError.js';
import type { AppContext } from './context.js';
import { sendError } from './errors.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAdminRoute(app: FastifyInstance, ctx: AppContext, adminToken: string): void {
  app.post('/__admin/command', async (request, reply) => {
    const given = request.headers['x-admin-token'];
    if (!LOOPBACK.has(request.ip) || typeof given !== 'string' || !sameSecret(given, adminToken)) {
      return sendError(reply, 'forbidden', 'admin commands are for the local CLI only');
    }
    const cmd = commandSchema.safeParse(request.body);
    if (!cmd.success) return sendError(reply, 'invalidRequest', 'unknown command');
    try {
      return { ok: true, result: await runCommand(ctx.db, cmd.data, ctx.now()) };
    } catch (err) {
      if (err instanceof ClerkError) return { ok: false, error: { code: err.code, message: err.chinese } };
      throw err;
    }
  });
}
