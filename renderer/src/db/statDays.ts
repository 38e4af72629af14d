/**
 * Keeping `statDays` (schema v12, ./statRows.ts) in step with the history. Every write that
 * changes what the statistics count calls one of these inside its own transaction, which
 * must include `statDays`:
 * - saving, editing or deleting a reception (repositories/receptions.ts): `putReceptionStats`
 *   / `removeReceptionStats` rewrite the reception's and its issues' entries;
 * - every write of issue state rows — sealing, folding county updates, hand-backs, progress,
 *   ratings and the station's closure (repositories/issueLists.ts, countyFold.ts,
 *   followUp.ts): `putStateStats` replaces the state's part of each entry.
 * Receipts change only their list (the read derives `submitted` from it, as readStates
 * does), and retention erases phone numbers, which the statistics do not hold.
 *
 * A history from before v12 has no rows: `buildStatDays` (in the background after start,
 * ./database.ts) writes them month by month, each month in one transaction from the rows as
 * they are then with its progress (a build cut short goes on from there), and marks the
 * table ready at the end; until then the statistics read the
 * whole rows (repositories/periodStatistics.ts). A write meanwhile may leave a partial row
 * for a month not built yet; building it replaces that row.
 */
import type { Reception } from '../../../shared/domain/schemas';
import { backgroundJob } from './background';
import type { StationDb } from './database';
import type { IssueRow } from './rows';
import { dayOf, decodeDay, emptyDay, encodeDay, PROGRESS_KEY, READY_KEY, STAT_FORMAT, statIssueOf, statReceptionOf, statStateOf, type StatDay, type StatDayRow } from './statRows';
import type { IssueStateRow } from './syncRows';

const END = '\uffff';

/**
 * Reads the named days, lets `edit` change them, writes back the changed ones (empty days
 * are deleted). Written as one chain of Dexie's own promises, no async function in between:
 * called several async levels deep inside a seal, awaiting native promises here let the
 * transaction commit early (PrematureCommitError under fake-indexeddb).
 */
function editDays(db: StationDb, days: Iterable<string>, edit: (content: Map<string, StatDay>) => void): Promise<unknown> {
  const keys = [...new Set(days)];
  return db.statDays.bulkGet(keys).then((rows) => {
    const content = new Map(keys.map((day, i) => [day, decodeDay(rows[i])]));
    edit(content);
    const put: StatDayRow[] = [];
    const gone: string[] = [];
    keys.forEach((day, i) => {
      const c = content.get(day)!;
      const before = rows[i] && `${rows[i].names ?? ''}\u0000${rows[i].data}`;
      if (c.receptions.length === 0 && c.issues.length === 0) {
        if (before !== undefined) gone.push(day);
        return;
      }
      const row = encodeDay(day, c);
      if (`${row.names ?? ''}\u0000${row.data}` !== before) put.push(row);
    });
    return db.statDays.bulkPut(put).then(() => db.statDays.bulkDelete(gone));
  });
}

export interface SavedReception {
  reception: Reception;
  issues: { row: IssueRow; state: IssueStateRow | undefined }[];
  /** Days the reception and its issues were counted on before this save (an edit of the time moves them). */
  formerDays?: readonly string[];
}

/** Rewrites the entries of saved receptions and their issues (new or edited). */
export function putReceptionStats(db: StationDb, saved: readonly SavedReception[]): Promise<unknown> {
  const days = saved.flatMap((s) => [dayOf(s.reception.receivedAt), ...s.issues.map((i) => dayOf(i.row.recordedAt)), ...(s.formerDays ?? [])]);
  return editDays(db, days, (content) => {
    const ids = new Set(saved.map((s) => s.reception.id));
    for (const c of content.values()) {
      c.receptions = c.receptions.filter((r) => !ids.has(r.id));
      c.issues = c.issues.filter((i) => !ids.has(i.receptionId));
    }
    for (const s of saved) {
      content.get(dayOf(s.reception.receivedAt))!.receptions.push(statReceptionOf(s.reception));
      for (const { row, state } of s.issues) content.get(dayOf(row.recordedAt))!.issues.push(statIssueOf(row, s.reception.channel, state));
    }
  });
}

/** Removes a deleted reception and its issues from the days they were counted on. */
export function removeReceptionStats(db: StationDb, receptionId: string, days: readonly string[]): Promise<unknown> {
  return editDays(db, days, (content) => {
    for (const c of content.values()) {
      c.receptions = c.receptions.filter((r) => r.id !== receptionId);
      c.issues = c.issues.filter((i) => i.receptionId !== receptionId);
    }
  });
}

/**
 * Replaces the state's part of the issues' entries after their state rows were written.
 * An issue's state row carries its recordedAt, so its day is known without its content row.
 */
export function putStateStats(db: StationDb, states: readonly IssueStateRow[]): Promise<unknown> {
  const byId = new Map(states.map((s) => [s.id, s]));
  return editDays(
    db,
    states.map((s) => dayOf(s.recordedAt)),
    (content) => {
      for (const c of content.values()) {
        c.issues = c.issues.map((i) => {
          const state = byId.get(i.id);
          return state ? { ...i, ...statStateOf(state) } : i;
        });
      }
    },
  );
}

/** True once every day of the history has its row (the statistics may read them alone). */
export async function statDaysReady(db: StationDb): Promise<boolean> {
  const marker = await db.statDays.get(READY_KEY);
  return marker !== undefined && marker.data === String(STAT_FORMAT);
}

/**
 * The rows of one month's days, from the stored receptions, issues and states, and the
 * build's progress with them (a build cut short by closing the app goes on from there).
 */
async function buildMonth(db: StationDb, month: string): Promise<void> {
  // Stored times are local ISO strings; a month's day keys bound them as text.
  const from = `${month}-01`;
  const to = `${month}-31`;
  await db.transaction('rw', [db.receptions, db.issues, db.issueStates, db.statDays], async () => {
    const [receptions, rows] = await Promise.all([
      db.receptions.where('receivedAt').between(from, to + END, true, true).toArray(),
      db.issues.where('recordedAt').between(from, to + END, true, true).toArray(),
    ]);
    const states = await db.issueStates.bulkGet(rows.map((r) => r.id));
    const channel = new Map(receptions.map((r) => [r.id, r.channel]));
    const missing = [...new Set(rows.map((r) => r.receptionId).filter((id) => !channel.has(id)))];
    if (missing.length > 0) for (const r of await db.receptions.bulkGet(missing)) if (r) channel.set(r.id, r.channel);
    const content = new Map<string, StatDay>();
    const day = (key: string) => {
      let c = content.get(key);
      if (!c) content.set(key, (c = emptyDay()));
      return c;
    };
    for (const r of receptions) day(dayOf(r.receivedAt)).receptions.push(statReceptionOf(r));
    rows.forEach((row, i) => day(dayOf(row.recordedAt)).issues.push(statIssueOf(row, channel.get(row.receptionId), states[i])));
    const stale = await db.statDays.where('day').between(from, to + END, true, true).primaryKeys();
    await db.statDays.bulkDelete(stale.filter((k) => !content.has(k)));
    await db.statDays.bulkPut([...content].map(([key, c]) => encodeDay(key, c)));
    await db.statDays.put({ day: PROGRESS_KEY, data: `${STAT_FORMAT}:${month}` });
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Builds every month's rows, oldest first (after the last month an interrupted build
 * finished), then marks the table ready; does nothing when it is. `months` stops it after
 * that many months (tests of an interrupted build).
 */
export async function buildStatDays(db: StationDb, opts: { months?: number } = {}): Promise<void> {
  if (await statDaysReady(db)) return;
  const progress = (await db.statDays.get(PROGRESS_KEY))?.data.split(':');
  const doneThrough = progress?.[0] === String(STAT_FORMAT) ? progress[1] : undefined;
  const [firstReception, firstIssue, lastReception, lastIssue] = await db.transaction('r', [db.receptions, db.issues], () =>
    Promise.all([
      db.receptions.orderBy('receivedAt').first(),
      db.issues.orderBy('recordedAt').first(),
      db.receptions.orderBy('receivedAt').last(),
      db.issues.orderBy('recordedAt').last(),
    ]),
  );
  const firsts = [firstReception?.receivedAt, firstIssue?.recordedAt].flatMap((t) => (t ? [dayOf(t)] : []));
  const lasts = [lastReception?.receivedAt, lastIssue?.recordedAt].flatMap((t) => (t ? [dayOf(t)] : []));
  if (firsts.length > 0) {
    const start = firsts.sort()[0]!;
    const stop = lasts.sort().at(-1)!;
    let [y, m] = start.split('-').map(Number) as [number, number];
    let built = 0;
    for (;;) {
      const month = `${y}-${pad(m)}`;
      if (doneThrough === undefined || month > doneThrough) {
        if (built === opts.months) return;
        await buildMonth(db, month);
        built += 1;
      }
      if (month >= stop.slice(0, 7)) break;
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
  }
  await db.transaction('rw', db.statDays, () => Promise.all([db.statDays.put({ day: READY_KEY, data: String(STAT_FORMAT) }), db.statDays.delete(PROGRESS_KEY)]));
}

const job = backgroundJob('Building the statistics rows', (db) => buildStatDays(db));

/** Builds the rows in the background when the table is not ready (once per database and start). */
export const scheduleStatDaysBuild: (db: StationDb) => void = job.schedule;

/** Resolves when no build runs on `db` (tests and benchmarks wait for it). */
export const statDaysBuildIdle: (db: StationDb) => Promise<void> = job.idle;

