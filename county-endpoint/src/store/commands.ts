/**
 * The clerk's commands as data, and their one implementation over the database. The CLI
 * runs them directly, or through a running server's admin route when the embedded
 * database is held open by that server (PGlite allows one process at a time).
 */
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { assignIssues } from './assignments.js';
import { applyClerkAction, listIssues, type ClerkResult, type IssueSummary } from './clerk.js';
import { createUserFromCli, type CreatedByCli } from './createUserCommand.js';
import { enrollStation, listStations, rotateToken } from './stations.js';
import { CLI_ACTOR } from './workActor.js';

export const commandSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('enroll-station'), stationId: z.string(), stationName: z.string() }),
  z.object({ name: z.literal('rotate-token'), stationId: z.string() }),
  z.object({ name: z.literal('list-stations') }),
  z.object({ name: z.literal('list-issues'), stationId: z.string().nullable() }),
  z.object({ name: z.literal('assign'), issueId: z.string(), department: z.string(), days: z.number() }),
  z.object({ name: z.literal('respond'), issueId: z.string(), text: z.string() }),
  z.object({ name: z.literal('publish'), issueId: z.string() }),
  z.object({ name: z.literal('close'), issueId: z.string(), note: z.string().optional() }),
  z.object({ name: z.literal('reopen'), issueId: z.string(), note: z.string().optional() }),
  z.object({ name: z.literal('create-user'), username: z.string(), displayName: z.string(), role: z.string(), department: z.string().nullable() }),
]);
export type Command = z.infer<typeof commandSchema>;

export type CommandResult =
  | { name: 'enroll-station' | 'rotate-token'; stationId: string; stationName: string; token: string }
  | { name: 'list-stations'; stations: { id: string; name: string; createdAt: string }[] }
  | { name: 'list-issues'; issues: (Omit<IssueSummary, 'deadline'> & { deadline: string | null })[] }
  | { name: 'assign' | 'respond' | 'publish' | 'close' | 'reopen'; result: ClerkResult }
  | ({ name: 'create-user' } & CreatedByCli);

export async function runCommand(db: Database, cmd: Command, now: Date): Promise<CommandResult> {
  switch (cmd.name) {
    case 'create-user':
      return { name: cmd.name, ...(await createUserFromCli(db, cmd, now)) };
    case 'enroll-station':
    case 'rotate-token': {
      const { station, token } =
        cmd.name === 'enroll-station' ? await enrollStation(db, cmd.stationId, cmd.stationName) : await rotateToken(db, cmd.stationId);
      return { name: cmd.name, stationId: station.id, stationName: station.name, token };
    }
    case 'list-stations': {
      const rows = await listStations(db);
      return { name: cmd.name, stations: rows.map((s) => ({ id: s.id, name: s.name, createdAt: s.createdAt.toISOString() })) };
    }
    case 'list-issues': {
      const rows = await listIssues(db, cmd.stationId);
      return { name: cmd.name, issues: rows.map((r) => ({ ...r, deadline: r.deadline ? r.deadline.toISOString() : null })) };
    }
    case 'assign':
      // Working days on the county's calendar; the department is looked up by name, or created.
      return { name: cmd.name, result: (await assignIssues(db, { issueIds: [cmd.issueId], lead: { name: cmd.department }, days: cmd.days }, CLI_ACTOR, now))[0]! };
    case 'respond':
      return { name: cmd.name, result: await applyClerkAction(db, cmd.issueId, { type: 'responded', response: cmd.text }, now) };
    case 'publish':
      return { name: cmd.name, result: await applyClerkAction(db, cmd.issueId, { type: 'published' }, now) };
    case 'close':
      return { name: cmd.name, result: await applyClerkAction(db, cmd.issueId, { type: 'closed', note: cmd.note }, now) };
    case 'reopen':
      return { name: cmd.name, result: await applyClerkAction(db, cmd.issueId, { type: 'reopened', note: cmd.note }, now) };
  }
}
