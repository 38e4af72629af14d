/** 重点督办问题 for the 选联工委 (admin and clerk): list, create, edit, group issues, add progress notes. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ClerkError } from '../../store/clerkError.js';
import {
  addKeyIssueMembers,
  addKeyIssueNote,
  createKeyIssue,
  listKeyIssues,
  readKeyIssue,
  removeKeyIssueMember,
  searchIssueCandidates,
  updateKeyIssue,
  type Actor,
  type KeyIssueInput,
} from '../../store/keyIssues.js';
import { requireRole, userOf } from '../auth/guard.js';
import { bodyOf, paramOf } from './body.js';

const clerks = { preHandler: requireRole('admin', 'clerk') };

function actorOf(request: FastifyRequest): Actor {
  const me = userOf(request);
  return { userId: me.id, username: me.username, displayName: me.displayName, address: request.ip };
}

function inputOf(request: FastifyRequest): KeyIssueInput {
  const b = bodyOf(request);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { year: typeof b.year === 'number' ? b.year : Number(b.year), title: str(b.title), leader: str(b.leader), goal: str(b.goal) };
}

export function registerKeyIssueRoutes(app: FastifyInstance): void {
  app.get('/console/api/key-issues', clerks, async (request) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    const year = typeof q.year === 'string' && /^\d{4}$/.test(q.year) ? Number(q.year) : null;
    return { keyIssues: await listKeyIssues(request.server.consoleContext.db, year) };
  });

  app.get('/console/api/key-issues/candidates', clerks, async (request) => {
    const q = (request.query ?? {}) as Record<string, unknown>;
    return { issues: await searchIssueCandidates(request.server.consoleContext.db, typeof q.q === 'string' ? q.q : '') };
  });

  app.post('/console/api/key-issues', clerks, async (request) => {
    const ctx = request.server.consoleContext;
    const id = await createKeyIssue(ctx.db, actorOf(request), inputOf(request), ctx.now());
    return { keyIssue: await readKeyIssue(ctx.db, id) };
  });

  app.get('/console/api/key-issues/:id', clerks, async (request) => {
    const keyIssue = await readKeyIssue(request.server.consoleContext.db, paramOf(request, 'id'));
    if (!keyIssue) throw new ClerkError('unknownKeyIssue', '没有这个重点督办问题，请刷新后重试。', 404);
    return { keyIssue };
  });

  app.post('/console/api/key-issues/:id', clerks, async (request) => {
    const ctx = request.server.consoleContext;
    const id = paramOf(request, 'id');
    await updateKeyIssue(ctx.db, actorOf(request), id, inputOf(request), ctx.now());
    return { keyIssue: await readKeyIssue(ctx.db, id) };
  });

  app.post('/console/api/key-issues/:id/issues', clerks, async (request) => {
    const ctx = request.server.consoleContext;
    const id = paramOf(request, 'id');
    const raw = bodyOf(request).issueIds;
    const ids = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
    const added = await addKeyIssueMembers(ctx.db, actorOf(request), id, ids, ctx.now());
    return { added, keyIssue: await readKeyIssue(ctx.db, id) };
  });

  app.post('/console/api/key-issues/:id/issues/:issueId/remove', clerks, async (request) => {
    const ctx = request.server.consoleContext;
    const id = paramOf(request, 'id');
    await removeKeyIssueMember(ctx.db, actorOf(request), id, paramOf(request, 'issueId'), ctx.now());
    return { keyIssue: await readKeyIssue(ctx.db, id) };
  });

  app.post('/console/api/key-issues/:id/notes', clerks, async (request) => {
    const ctx = request.server.consoleContext;
    const id = paramOf(request, 'id');
    const note = bodyOf(request).note;
    await addKeyIssueNote(ctx.db, actorOf(request), id, typeof note === 'string' ? note : '', ctx.now());
    return { keyIssue: await readKeyIssue(ctx.db, id) };
  });
}
