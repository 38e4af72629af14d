/**
 * Folding the county inbox (schema v7) into issue states: each waiting row of updates is
 * applied in a transaction of its own and deleted in it, oldest first, in the background
 * right after a pull stored them (and at start, for rows a closed app left). Each
 * update is stored once, in the history of the issue it is about (its `issueStates` row);
 * an update whose seq is not above the last one the issue holds was applied before (a
 * resend) and changes nothing. Updates about issues the station does not have are kept
 * in `countyUpdates`.
 */
import type { StationDb } from '../database';
import { putStateStats } from '../statDays';
import { backgroundJob } from '../background';
import { STATUS_OF, lastSeq } from '../countyInbox';
import type { CountyUpdate, IssueStateRow } from '../syncRows';
import { withTodo } from '../todoMarks';

/**
 * The county may name a correction entry (its own id) or the original issue; updates
 * about a correction belong to the original issue on the station. Returns each named id
 * with the state row it belongs to (absent when the station has no such issue).
 */
async function statesFor(db: StationDb, updates: readonly CountyUpdate[]): Promise<Map<string, IssueStateRow>> {
  const ids = [...new Set(updates.map((u) => u.issueId))];
  const found = new Map<string, IssueStateRow>();
  const direct = await db.issueStates.bulkGet(ids);
  direct.forEach((state, i) => state && found.set(ids[i]!, state));
  const unknown = updates.filter((u) => !found.has(u.issueId));
  if (unknown.length === 0) return found;
  const originalOf = new Map<string, string>();
  const payloads = await db.issueListPayloads.bulkGet([...new Set(unknown.map((u) => u.listId))]);
  for (const row of payloads) {
    for (const entry of row?.payload.issues ?? []) if (entry.amendsIssueId) originalOf.set(entry.id, entry.amendsIssueId);
  }
  const wanted = [...new Set(unknown.flatMap((u) => (originalOf.has(u.issueId) ? [originalOf.get(u.issueId)!] : [])))];
  const originals = new Map((await db.issueStates.bulkGet(wanted)).flatMap((s) => (s ? [[s.id, s] as const] : [])));
  for (const u of unknown) {
    const state = originals.get(originalOf.get(u.issueId) ?? '');
    if (state) found.set(u.issueId, state);
  }
  return found;
}

/**
 * Applies updates (in seq order) inside the caller's transaction, which must include
 * `issueStates`, `issueListPayloads`, `countyUpdates` and `statDays`. Each issue's state row is read
 * once and written at most once. Returns how many updates were new.
 */
async function foldUpdates(db: StationDb, updates: readonly CountyUpdate[]): Promise<number> {
  const states = await statesFor(db, updates);
  const changed = new Map<string, IssueStateRow>();
  const unplaced: CountyUpdate[] = [];
  let applied = 0;
  for (const u of updates) {
    const stored = states.get(u.issueId);
    const state = stored ? (changed.get(stored.id) ?? stored) : undefined;
    if (!state) {
      unplaced.push(u);
      continue;
    }
    if (u.seq <= lastSeq(state)) continue;
    // The last event wins (seq order is the county's order of events).
    changed.set(state.id, withTodo({ ...state, status: STATUS_OF[u.type], county: [...state.county, { ...u, issueId: state.id }] }));
    applied += 1;
  }
  const known = unplaced.length === 0 ? new Set<number>() : new Set((await db.countyUpdates.bulkGet(unplaced.map((u) => u.seq))).flatMap((x) => (x ? [x.seq] : [])));
  const fresh = unplaced.filter((u) => !known.has(u.seq));
  if (fresh.length > 0) console.warn(`County sent ${fresh.length} update(s) about issues this station does not have; kept apart`);
  await Promise.all([db.issueStates.bulkPut([...changed.values()]), db.countyUpdates.bulkPut(fresh)]);
  await putStateStats(db, [...changed.values()]);
  return applied + fresh.length;
}

/** Folds every waiting inbox row, oldest first; returns how many updates were new. */
export async function foldCountyInbox(db: StationDb): Promise<number> {
  let applied = 0;
  for (;;) {
    const next = await db.countyInbox.toCollection().primaryKeys().then((ids) => ids[0]);
    if (next === undefined) return applied;
    applied += await db.transaction('rw', [db.countyInbox, db.issueStates, db.issueListPayloads, db.countyUpdates, db.statDays], async () => {
      // Another run (a second window) may have folded it meanwhile.
      const row = await db.countyInbox.get(next);
      if (!row) return 0;
      const count = await foldUpdates(db, row.updates);
      await db.countyInbox.delete(next);
      return count;
    });
  }
}

const job = backgroundJob('Folding county updates', (db) => foldCountyInbox(db));

/** Folds the inbox in the background (a call while it runs makes it go round once more). */
export const scheduleCountyFold: (db: StationDb) => void = job.schedule;

/** Resolves when no fold runs on `db`. */
export const countyFoldIdle: (db: StationDb) => Promise<void> = job.idle;
