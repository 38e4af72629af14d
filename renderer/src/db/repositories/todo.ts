/**
 * 待办: what the station owes its visitors, read from the sparse v10 indexes of
 * `issueStates` (`todo`, `dueAt`, `followUpAt`), the `pendingSeal` index and the lists'
 * `state` index — each holds only the issues waiting for it, so the counts and lists cost
 * the same on a 100,000-issue history as on a new station.
 */
import { addWorkingDays, cstDateKey, deadlineColour, YELLOW_WORKING_DAYS, type DeadlineColour, type WorkingCalendar } from '../../../../shared/domain/workingDays';
import type { HandlingMode, IssueStatus } from '../../../../shared/domain/enums';
import { toLocalIso } from '../../../../shared/domain/time';
import { DEFAULT_STALE_FOLLOW_UP_DAYS } from '../../../../shared/domain/followUpSettings';
import type { StationDb } from '../database';
import { readStates, stateTables } from '../issueStates';
import { countTodoIndexes, readTodoCounts } from '../todoCounts';
import { scheduleTodoRecount } from '../todoRecount';
import { stationCalendar } from './countyCalendar';
import { getFollowUpSettings } from './followUpSettings';

/** Items listed per group at most (the count is always complete). */
export const TODO_LIST_LIMIT = 50;

/** The groups 待办 lists issues in. */
export type TodoListName = 'handBack' | 'rate' | 'deadlines' | 'staleFollowUp';
/** How many issues to list per group (TODO_LIST_LIMIT where not given): a screen that shows five reads five. */
export type TodoLimits = Partial<Record<TodoListName, number>>;

export interface TodoIssue {
  id: string;
  summary: string;
  category: string;
  enterprise: string;
  handling: HandlingMode;
  status: IssueStatus;
  recordedAt: string;
  /** County deadline (deadline group). */
  deadline?: string;
  colour?: DeadlineColour;
  /** Last progress (follow-up group). */
  lastProgressAt?: string;
}

export interface TodoGroup {
  count: number;
  items: TodoIssue[];
}

export interface TodoSummary {
  handBack: TodoGroup;
  rate: TodoGroup;
  /** Red and yellow deadlines, most urgent first. */
  deadlines: TodoGroup;
  /** Deadlines still green (counted, not listed). */
  onTime: number;
  staleFollowUp: TodoGroup;
  unsealed: number;
  listsWaiting: number;
  total: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What 待办 depends on besides the records: the working-day calendar and the days after which a 联络站协调 issue is stale. */
export interface TodoParams {
  calendar: WorkingCalendar;
  staleFollowUpDays: number;
}

/** `staleFollowUpDays`: days without progress after which a 联络站协调 issue is listed (设置 → 待办提醒). */
export async function todoSummary(
  db: StationDb,
  now: Date,
  calendar: WorkingCalendar,
  staleFollowUpDays: number = DEFAULT_STALE_FOLLOW_UP_DAYS,
  limits: TodoLimits = {},
): Promise<TodoSummary> {
  return (await readTodo(db, now, () => Promise.resolve({ calendar, staleFollowUpDays }), limits)).summary;
}

/**
 * 待办 on the station's own calendar and days (设置 → 待办提醒), read in the same transaction
 * as the rest, beside the reads that do not depend on them (Today's read: one round fewer).
 */
export function todoForStation(db: StationDb, now: Date, limits: TodoLimits = {}): Promise<{ summary: TodoSummary; params: TodoParams }> {
  return readTodo(
    db,
    now,
    async () => {
      const [settings, calendar] = await Promise.all([getFollowUpSettings(db), stationCalendar(db)]);
      return { calendar, staleFollowUpDays: settings.staleFollowUpDays };
    },
    limits,
  );
}

async function readTodo(db: StationDb, now: Date, load: () => Promise<TodoParams>, limits: TodoLimits): Promise<{ summary: TodoSummary; params: TodoParams }> {
  const limit = (name: TodoListName) => Math.min(limits[name] ?? TODO_LIST_LIMIT, TODO_LIST_LIMIT);
  const read = await db.transaction('r', [db.issues, db.receptions, db.todoCounts, db.settings, ...stateTables(db)], async () => {
    const s = db.issueStates;
    // Listed with a limit: the lists show the first few (`limits`), so the keys beyond
    // them are never read (a long-running history has thousands of 联络站协调 issues
    // waiting). The counts come from the counters (../todoCounts.ts) in one read; only the
    // time-dependent parts are counted, and from their small end: the deadlines within two
    // working days, and the follow-ups with progress in the last days (the stale ones are
    // all the others). Until the counters are counted, the indexes are.
    // What does not depend on the calendar and the days is read while they are.
    // (A Dexie collection is changed by limit(), so each read builds its own.)
    const early = Promise.all([
      s.where('todo').equals('handBack').limit(limit('handBack')).primaryKeys(),
      s.where('todo').equals('rate').limit(limit('rate')).primaryKeys(),
      readTodoCounts(db),
      db.issueLists.where('state').anyOf('sealed', 'sending', 'rejected', 'conflict').count(),
    ]);
    const params = await load();
    const { calendar } = params;
    // Everything before the start of the third working day from today is yellow or red, as
    // deadlineColour decides (a deadline on a day the county later made a holiday included).
    const greenFrom = new Date(`${addWorkingDays(calendar, cstDateKey(now), YELLOW_WORKING_DAYS + 1)}T00:00:00.000+08:00`).toISOString();
    const staleBefore = toLocalIso(new Date(now.getTime() - params.staleFollowUpDays * DAY_MS));
    const dueQ = () => s.where('dueAt').below(greenFrom);
    const staleQ = () => s.where('followUpAt').below(staleBefore);
    const [[handBackIds, rateIds, stored, listsWaiting], dueIds, staleIds, dueCount, recentFollowUps] = await Promise.all([
      early,
      dueQ().limit(limit('deadlines')).primaryKeys(),
      staleQ().limit(limit('staleFollowUp')).primaryKeys(),
      dueQ().count(),
      s.where('followUpAt').aboveOrEqual(staleBefore).count(),
    ]);
    const counts = stored ?? (await countTodoIndexes(db.issueStates));
    const group = async (ids: string[], extra?: (t: TodoIssue, dueAt: string | undefined, followUpAt: string | undefined) => TodoIssue): Promise<TodoIssue[]> => {
      // The receptions are read as soon as the issue rows are, beside the states' lists.
      const issueRows = db.issues.bulkGet(ids);
      const [rows, states, receptions] = await Promise.all([
        issueRows,
        readStates(db, ids),
        issueRows.then((found) => db.receptions.bulkGet(found.map((r) => r?.receptionId ?? ''))),
      ]);
      return rows.flatMap((row, i) => {
        const state = states[i];
        if (!row || !state) return [];
        const base: TodoIssue = {
          id: row.id,
          summary: row.summary,
          category: row.category,
          enterprise: receptions[i]?.visitors.find((v) => v.enterprise)?.enterprise ?? '',
          handling: row.handling,
          status: state.status,
          recordedAt: row.recordedAt,
        };
        return [extra ? extra(base, state.dueAt, state.followUpAt) : base];
      });
    };
    // Stored ISO strings compare by code unit; localeCompare would also set up ICU's
    // collator on the first call, a few milliseconds of a cold start.
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const byTime = (a: TodoIssue, b: TodoIssue) => byText(a.recordedAt, b.recordedAt);
    const [handBack, rate, deadlines, stale] = await Promise.all([
      group(handBackIds),
      group(rateIds),
      group(dueIds, (t, dueAt) => ({ ...t, deadline: dueAt, colour: dueAt ? deadlineColour(calendar, dueAt, now) : 'green' })),
      group(staleIds, (t, _d, followUpAt) => ({ ...t, lastProgressAt: followUpAt })),
    ]);
    const unsealed = counts.pendingSeal;
    const result: TodoSummary = {
      handBack: { count: counts.handBack, items: handBack.sort(byTime) },
      rate: { count: counts.rate, items: rate.sort(byTime) },
      deadlines: { count: dueCount, items: deadlines.sort((a, b) => byText(a.deadline ?? '', b.deadline ?? '')) },
      onTime: counts.due - dueCount,
      staleFollowUp: { count: counts.following - recentFollowUps, items: stale.sort((a, b) => byText(a.lastProgressAt ?? '', b.lastProgressAt ?? '')) },
      unsealed,
      listsWaiting,
      total: 0,
    };
    result.total = result.handBack.count + result.rate.count + result.deadlines.count + result.staleFollowUp.count + (unsealed > 0 ? 1 : 0) + (listsWaiting > 0 ? 1 : 0);
    return { summary: result, params, counted: stored !== null };
  });
  // Outside this read's zone (it may be a live query's, where writes are refused).
  if (!read.counted) setTimeout(() => scheduleTodoRecount(db), 0);
  return { summary: read.summary, params: read.params };
}
