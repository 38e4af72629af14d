/**
 * The board pages the benchmark asks for, as the console's query string and as one raw
 * SQL query returning the same 50 rows (written here by hand, not taken from the store:
 * the plain query a developer would write on the schema, with no planner fences).
 */
import { cstDateKey } from '../../shared/domain/workingDays.js';

export interface BoardPage {
  name: string;
  /** Chinese label in the results table, as the clerk would describe the page. */
  label: string;
  filters: {
    station?: string;
    department?: string;
    category?: string;
    status?: string;
    colour?: 'red' | 'yellow' | 'green';
    /** Days back from today for the receive-date range. */
    recentDays?: number;
    offset?: number;
  };
  query(now: Date): string;
}

function page(name: string, label: string, filters: BoardPage['filters']): BoardPage {
  return {
    name,
    label,
    filters,
    query(now) {
      const q = new URLSearchParams();
      if (filters.station) q.set('station', filters.station);
      if (filters.department) q.set('department', filters.department);
      if (filters.category) q.set('category', filters.category);
      if (filters.status) q.set('status', filters.status);
      if (filters.colour) q.set('colour', filters.colour);
      if (filters.recentDays) {
        q.set('from', cstDateKey(new Date(now.getTime() - filters.recentDays * 86_400_000)));
        q.set('to', cstDateKey(now));
      }
      q.set('offset', String(filters.offset ?? 0));
      q.set('limit', '50');
      return q.toString();
    },
  };
}

export const BOARD_PAGES: BoardPage[] = [
  page('first', '第一页（无筛选）', {}),
  page('station', '按联络站', { station: 'st-bench-0007' }),
  page('department', '按承办单位', { department: 'dep-bench-05' }),
  page('category', '按类别', { category: '融资贷款' }),
  page('status', '按状态（持续督办）', { status: 'reopened' }),
  page('red', '红色（已逾期）', { colour: 'red' }),
  page('yellow', '黄色（两个工作日内到期）', { colour: 'yellow' }),
  page('recent', '近 30 天收到', { recentDays: 30 }),
  page('combined', '承办单位 + 类别 + 红色', { department: 'dep-bench-05', category: '融资贷款', colour: 'red' }),
  page('deep', '第 20 页', { offset: 950 }),
];

/** The 三色 boundaries the server uses for `now` (from the county calendar), passed in so the raw query filters alike. */
export interface Cutoffs {
  redBefore: Date;
  greenFrom: Date;
}

export function rawPage(p: BoardPage, now: Date, cutoffs: Cutoffs): { sql: string; params: unknown[] } {
  const f = p.filters;
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`i.status IN ('assigned', 'responded', 'published', 'reopened')`];
  if (f.station) where.push(`i.station_id = ${add(f.station)}`);
  if (f.department) where.push(`i.lead_department_id = ${add(f.department)}`);
  if (f.category) where.push(`i.category = ${add(f.category)}`);
  if (f.status) where.push(`i.status = ${add(f.status)}`);
  if (f.recentDays) {
    const from = cstDateKey(new Date(now.getTime() - f.recentDays * 86_400_000));
    const toNext = new Date(new Date(`${cstDateKey(now)}T00:00:00+08:00`).getTime() + 86_400_000);
    where.push(`i.received_at >= ${add(new Date(`${from}T00:00:00+08:00`))} AND i.received_at < ${add(toNext)}`);
  }
  if (f.colour === 'red') where.push(`i.status IN ('assigned', 'reopened') AND i.deadline < ${add(cutoffs.redBefore)}`);
  if (f.colour === 'yellow') where.push(`i.status IN ('assigned', 'reopened') AND i.deadline >= ${add(cutoffs.redBefore)} AND i.deadline < ${add(cutoffs.greenFrom)}`);
  if (f.colour === 'green') where.push(`i.status IN ('assigned', 'reopened') AND i.deadline >= ${add(cutoffs.greenFrom)}`);
  const sql = `SELECT i.id, it.county_ref, i.station_id, s.name, l.list_year, l.list_seq, i.seq, i.category, i.summary, i.status, d.name AS department,
                      i.deadline, i.satisfaction, it.received_at,
                      (SELECT a.state FROM assignments a WHERE a.issue_id = i.id AND a.is_lead AND a.state IN ('pending', 'accepted') LIMIT 1) AS lead_state
                 FROM issues i JOIN items it ON it.id = i.list_id JOIN lists l ON l.id = i.list_id JOIN stations s ON s.id = i.station_id
                 LEFT JOIN departments d ON d.id = i.lead_department_id
                WHERE ${where.join(' AND ')}
                ORDER BY i.deadline NULLS LAST, i.id LIMIT 50 OFFSET ${add(f.offset ?? 0)}`;
  return { sql, params };
}
