/**
 * Failure injection for end-to-end tests of the station's sync engine. Registered only
 * when COUNTY_FAULTS=1; a normal run has no /__faults route and no fault hook at all.
 *
 * POST /__faults { faults: [{ type, times?, route?, retryAfterSeconds?, delayMs?, itemId? }] }
 * queues faults; each later protocol request whose route (and item, when one is named)
 * matches takes the first one.
 * GET /__faults shows the queue, DELETE /__faults empties it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendError } from './errors.js';

export const FAULT_TYPES = ['500', '503', '429', 'slow', 'dropBeforeCommit', 'dropAfterCommit', 'malformed'] as const;
const faultSchema = z.strictObject({
  type: z.enum(FAULT_TYPES),
  times: z.number().int().min(1).max(1000).default(1),
  route: z.enum(['push', 'updates', 'ping', 'any']).default('any'),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  delayMs: z.number().int().min(0).max(120_000).default(2000),
  /** Only push requests carrying this item id take the fault (a list the county keeps failing on). */
  itemId: z.string().min(1).max(64).optional(),
});
const faultsBodySchema = z.strictObject({ faults: z.array(faultSchema).min(1).max(100) });
type Fault = z.output<typeof faultSchema>;
export type FaultInput = z.input<typeof faultSchema>;

export class FaultQueue {
  private queue: Fault[] = [];

  add(faults: Fault[]): void {
    this.queue.push(...faults.map((f) => ({ ...f })));
  }

  clear(): void {
    this.queue = [];
  }

  list(): Fault[] {
    return this.queue.map((f) => ({ ...f }));
  }

  /** Takes one use of the first fault that applies to this route (and to one of these item ids, for faults that name one). */
  take(route: 'push' | 'updates' | 'ping', itemIds: readonly string[] = []): Fault | null {
    const i = this.queue.findIndex((f) => (f.route === 'any' || f.route === route) && (f.itemId === undefined || itemIds.includes(f.itemId)));
    if (i < 0) return null;
    const f = this.queue[i]!;
    f.times -= 1;
    if (f.times <= 0) this.queue.splice(i, 1);
    return { ...f, times: 1 };
  }
}

/** Faults that act after the handler has stored the items. */
const pending = new WeakMap<FastifyRequest, Fault>();

export function registerFaultRoutes(app: FastifyInstance, queue: FaultQueue): void {
  app.post('/__faults', async (request, reply) => {
    const parsed = faultsBodySchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 'invalidRequest', 'bad fault list', { details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    queue.add(parsed.data.faults);
    return { queued: queue.list() };
  });
  app.get('/__faults', async () => ({ queued: queue.list() }));
  app.delete('/__faults', async () => {
    queue.clear();
    return { queued: [] };
  });
}

/**
 * Runs before a protocol handler. Returns true when the request has been answered (or
 * its connection dropped) and the handler must not run.
 */
export async function applyFaultBefore(
  queue: FaultQueue | null,
  route: 'push' | 'updates' | 'ping',
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  const items = route === 'push' ? (request.body as { items?: unknown } | null)?.items : undefined;
  const itemIds = Array.isArray(items) ? items.map((i) => (typeof i === 'object' && i !== null ? (i as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string') : [];
  const fault = queue?.take(route, itemIds);
  if (!fault) return false;
  request.log.warn({ fault: fault.type, route }, 'injected fault');
  switch (fault.type) {
    case '500':
      await sendError(reply, 'internal', 'injected fault: internal error');
      return true;
    case '503':
      await sendError(reply, 'overloaded', 'injected fault: overloaded', { retryAfterSeconds: fault.retryAfterSeconds });
      return true;
    case '429':
      await sendError(reply, 'rateLimited', 'injected fault: rate limited', { retryAfterSeconds: fault.retryAfterSeconds });
      return true;
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      return false;
    case 'dropBeforeCommit':
      dropConnection(reply);
      return true;
    case 'dropAfterCommit':
    case 'malformed':
      pending.set(request, fault);
      return false;
  }
}

/** Sends the handler's answer, unless a fault says to drop it or garble it. */
export async function finishWithFaults(request: FastifyRequest, reply: FastifyReply, body: unknown): Promise<FastifyReply> {
  const fault = pending.get(request);
  if (fault?.type === 'dropAfterCommit') {
    dropConnection(reply);
    return reply;
  }
  if (fault?.type === 'malformed') {
    const text = JSON.stringify(body);
    return reply.code(200).type('application/json; charset=utf-8').send(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
  }
  return reply.code(200).send(body);
}

function dropConnection(reply: FastifyReply): void {
  reply.hijack();
  reply.raw.socket?.destroy();
}
