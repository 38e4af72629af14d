/**
 * Background writing of search keys. Saving a reception writes each new or changed issue
 * and a `pendingTerms` entry in its one transaction, but not the issue's search keys:
 * those are hundreds of index entries, most of a save's time on a big history. This step
 * writes them right after, in transactions of their own, and removes the entries; search
 * reads the few queued issues directly (issueSearch.ts), so nothing is ever missing from
 * results. After a crash the queue is still there and is worked off at the next start.
 *
 * Two transactions per batch, so a save never waits for the long one: the keys are put
 * (issueTerms only; putting the same keys twice is harmless), then the entries of issues
 * whose text is still the text that was indexed are deleted (an issue edited meanwhile
 * keeps its entry and is indexed again), and keys written for an issue deleted meanwhile
 * go too.
 */
import { termsOfRow, termsStamp } from './convert';
import { backgroundJob } from './background';
import type { StationDb } from './database';

/** Issues indexed per pair of transactions. */
const BATCH = 50;

/** Writes the keys of queued issues until the queue is empty; returns how many were indexed. */
export async function indexPendingTerms(db: StationDb, batch = BATCH): Promise<number> {
  let done = 0;
  let after = '';
  for (;;) {
    const queued = await db.pendingTerms.where(':id').above(after).limit(batch).toArray();
    if (queued.length === 0) return done;
    after = queued[queued.length - 1]!.id;
    const rows = await db.issues.bulkGet(queued.map((q) => q.id));
    const indexed = rows.flatMap((row) => (row ? [row] : []));
    await db.issueTerms.bulkPut(indexed.map(termsOfRow));
    const stampOf = new Map(indexed.map((row) => [row.id, termsStamp(row)]));
    await db.transaction('rw', [db.pendingTerms, db.issues, db.issueTerms], async () => {
      const ids = queued.map((q) => q.id);
      const [entries, now] = await Promise.all([db.pendingTerms.bulkGet(ids), db.issues.bulkGet(ids)]);
      // An issue whose text is still what was indexed has the right keys: its entry goes,
      // whatever stamp it carries. An issue edited meanwhile keeps its (newer) entry. A
      // deleted issue's entry goes too, with any keys the put above wrote after the delete.
      const finished = ids.filter((id, i) => entries[i] && (now[i] === undefined || termsStamp(now[i]) === stampOf.get(id)));
      const orphans = ids.filter((id, i) => now[i] === undefined && stampOf.has(id));
      await Promise.all([db.pendingTerms.bulkDelete(finished), db.issueTerms.bulkDelete(orphans)]);
    });
    done += indexed.length;
  }
}

const job = backgroundJob('Writing search keys', (db) => indexPendingTerms(db));

/** Starts indexing in the background (once per database; a call while it runs makes it go round once more). */
export const scheduleTermIndexing: (db: StationDb) => void = job.schedule;

/** Resolves when no background indexing runs on `db` (tests and benchmarks wait for it). */
export const termIndexingIdle: (db: StationDb) => Promise<void> = job.idle;
