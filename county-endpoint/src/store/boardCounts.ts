/**
 * The 督办 board's 三色 counts. For no filter, or one of station, lead department and
 * category (with any status, colour or 督办 filter), they are a sum over the maintained
 * table board_counts (migration 006: open issues per status, China deadline date and 不满意
 * flag, kept by a trigger in the transaction that changes the issue) plus a direct count
 * of the issues awaiting an answer due today, the one date whose colour depends on the
 * hour (the summary keys only those issues by deadline date). Two of those
 * filters together, or a receive date, are counted directly from the issues' indexes.
 */
import { cstDateKey, type DeadlineColour, type WorkingCalendar } from '../../../shared/domain/workingDays.js';
import type { Queryable } from '../db/database.js';
import type { BoardFilters, BoardWhere } from './board.js';
import { colourCutoffs } from './calendar.js';

export interface BoardCounts {
  total: number;
  counts: Record<DeadlineColour, number>;
}

/** The board_counts rows that answer these filters, or null when only a direct count can. */
export function summaryScope(f: BoardFilters): { dim: string; val: string } | null {
  if (f.from || f.to) return null;
  const set: { dim: string; val: string }[] = [];
  if (f.stationId) set.push({ dim: 'station', val: f.stationId });
  if (f.departmentId) set.push({ dim: 'department', val: f.departmentId });
  if (f.category) set.push({ dim: 'category', val: f.category });
  if (set.length > 1) return null;
  return set[0] ?? { dim: 'all', val: '' };
}

function nextDay(key: string): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

type CountRow = { total: unknown; red: unknown; yellow: unknown; green: unknown };

const toCounts = (c: CountRow): BoardCounts => ({
  total: Number(c.total),
  counts: { red: Number(c.red), yellow: Number(c.yellow), green: Number(c.green) },
});

/** The colour FILTERs of a count over `i` (issues), with the cutoffs at $red and $green. */
function colourSums(red: string, green: string): string {
  return `count(*) AS total,
          count(*) FILTER (WHERE i.status IN ('assigned', 'reopened') AND i.deadline < ${red}) AS red,
          count(*) FILTER (WHERE i.status IN ('assigned', 'reopened') AND i.deadline >= ${red} AND i.deadline < ${green}) AS yellow,
          count(*) FILTER (WHERE i.status IN ('assigned', 'reopened') AND i.deadline >= ${green}) AS green`;
}

/** Counts every open issue the filters select (the direct way). */
export async function countDirectly(db: Queryable, w: BoardWhere): Promise<BoardCounts> {
  const n = w.params.length;
  const r = await db.query<CountRow>(`SELECT ${colourSums(`$${n + 1}`, `$${n + 2}`)} ${w.from} WHERE ${w.sql}`, [...w.params, ...w.colourParams]);
  return toCounts(r.rows[0]!);
}

export async function countBoard(db: Queryable, f: BoardFilters, w: BoardWhere, calendar: WorkingCalendar, now: Date): Promise<BoardCounts> {
  const scope = summaryScope(f);
  if (!scope) return countDirectly(db, w);
  const params = [...w.params, ...w.colourParams];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const n = w.params.length;
  const { greenFrom } = colourCutoffs(calendar, now);
  const today = cstDateKey(now);
  const $today = `${p(today)}::date`;
  const $green = `${p(cstDateKey(greenFrom))}::date`;
  const awaiting = `b.status IN ('assigned', 'reopened')`;
  // The same conditions as where(), on the summary's columns; deadline dates before today
  // are red, after today and before the first green date yellow, from it on green.
  const red = `${awaiting} AND b.deadline_day < ${$today}`;
  const yellow = `${awaiting} AND b.deadline_day > ${$today} AND b.deadline_day < ${$green}`;
  const green = `${awaiting} AND b.deadline_day >= ${$green} AND b.deadline_day < 'infinity'::date`;
  const conds = [`b.dim = ${p(scope.dim)}`, `b.val = ${p(scope.val)}`, `b.deadline_day <> ${$today}`];
  if (f.status === 'answered') conds.push(`b.status IN ('responded', 'published')`);
  else if (f.status) conds.push(`b.status = ${p(f.status)}`);
  if (f.colour === 'red' || f.attention === 'overdue') conds.push(red);
  if (f.colour === 'yellow') conds.push(yellow);
  if (f.colour === 'green') conds.push(green);
  if (f.attention === 'unsatisfied') conds.push('b.unsatisfied');
  const todayStart = p(new Date(`${today}T00:00:00+08:00`));
  const tomorrowStart = p(new Date(`${nextDay(today)}T00:00:00+08:00`));
  const r = await db.query<CountRow>(
    `SELECT s.total + t.total AS total, s.red + t.red AS red, s.yellow + t.yellow AS yellow, s.green + t.green AS green
       FROM (SELECT COALESCE(sum(b.n), 0) AS total, COALESCE(sum(b.n) FILTER (WHERE ${red}), 0) AS red,
                    COALESCE(sum(b.n) FILTER (WHERE ${yellow}), 0) AS yellow, COALESCE(sum(b.n) FILTER (WHERE ${green}), 0) AS green
               FROM board_counts b WHERE ${conds.join(' AND ')}) s,
            (SELECT ${colourSums(`$${n + 1}`, `$${n + 2}`)}
               ${w.from} WHERE ${w.sql} AND i.status IN ('assigned', 'reopened') AND i.deadline >= ${todayStart} AND i.deadline < ${tomorrowStart}) t`,
    params,
  );
  return toCounts(r.rows[0]!);
}
