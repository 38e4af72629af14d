/**
 * Fills a county database with SQL alone (generate_series), so a million issues take a
 * minute rather than hours of pushes: 200 stations, 40 departments, 50,000 issue lists of
 * 20 issues received over three years up to `now`, with assignments, answers and ratings
 * in the proportions a county sees (most old issues 销号, recent ones open, some overdue).
 * Station n's token is `benchToken(n)`, so the benchmark can push as any station.
 */
import type { Database } from '../src/db/database.js';

export const STATIONS = 200;
export const DEPARTMENTS = 40;
export const ISSUES_PER_LIST = 20;

export const CATEGORIES = ['融资贷款', '用地', '供电', '用工招聘', '证照办理', '市场销售', '园区设施', '交通停车', '垃圾清运', '政策兑现', '法律纠纷', '子女入学'];

export const stationId = (n: number): string => `st-bench-${String(n).padStart(4, '0')}`;
export const departmentId = (n: number): string => `dep-bench-${String(n).padStart(2, '0')}`;
export const benchToken = (n: number): string => `sdt_bench_${String(n).padStart(4, '0')}`;

export interface FillOptions {
  issues: number;
  now: Date;
  /** Days of history before `now`. */
  days: number;
}

/** Runs the fill; returns the seconds each step took. */
export async function fill(db: Database, o: FillOptions): Promise<Record<string, number>> {
  const lists = Math.ceil(o.issues / ISSUES_PER_LIST);
  const steps: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    await db.query(sql, params);
    steps[name] = (performance.now() - t0) / 1000;
  };
  const start = new Date(o.now.getTime() - o.days * 86_400_000);

  await step(
    'stations',
    `INSERT INTO stations (id, name, token_hash)
     SELECT 'st-bench-' || lpad(n::text, 4, '0'), '第' || n || '联络站（产业园）',
            encode(sha256(convert_to('sdt_bench_' || lpad(n::text, 4, '0'), 'UTF8')), 'hex')
       FROM generate_series(1, ${STATIONS}) n`,
  );
  await step(
    'departments',
    `INSERT INTO departments (id, name) SELECT 'dep-bench-' || lpad(n::text, 2, '0'), '县第' || n || '承办单位' FROM generate_series(1, ${DEPARTMENTS}) n`,
  );
  // List n (0-based) belongs to station n % STATIONS + 1 and arrives in time order.
  await step(
    'items',
    `INSERT INTO items (id, station_id, kind, content_hash, county_ref, received_at)
     SELECT 'bench-list-' || n, 'st-bench-' || lpad((n % ${STATIONS} + 1)::text, 4, '0'), 'issueList', md5(n::text) || md5(n::text),
            'JH-B-' || lpad(n::text, 7, '0'), $1::timestamptz + (n::float8 / ${lists}) * ($2::timestamptz - $1::timestamptz)
       FROM generate_series(0, ${lists - 1}) n`,
    [start, o.now],
  );
  await step(
    'lists',
    `INSERT INTO lists (id, station_id, list_year, list_seq, station_name, sealed_at, amends_list_id, payload)
     SELECT it.id, it.station_id, extract(year FROM it.received_at)::int, (substr(it.id, 12)::int / ${STATIONS}) + 1, s.name,
            to_char(it.received_at, 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"'), NULL, '{}'::jsonb
       FROM items it JOIN stations s ON s.id = it.station_id WHERE it.id LIKE 'bench-list-%'`,
  );
  await step('triggerOff', 'ALTER TABLE issues DISABLE TRIGGER issues_board_counts');
  // Issue k sits in list k / 20. r is a fixed pseudo-random number 0..999 per issue; age in days.
  await step(
    'issues',
    `INSERT INTO issues (id, list_id, station_id, seq, category, summary, handling, suggested_department, status, lead_department_id, department, deadline, satisfaction, updated_at, received_at)
     SELECT 'bench-issue-' || k, 'bench-list-' || (k / ${ISSUES_PER_LIST}), it.station_id, k % ${ISSUES_PER_LIST} + 1,
            (ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(', ')}])[k % ${CATEGORIES.length} + 1],
            '企业反映' || (ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(', ')}])[k % ${CATEGORIES.length} + 1] || '方面的困难（' || k || '）',
            h.handling, '县第' || (k * 31 % ${DEPARTMENTS} + 1) || '承办单位', st.status,
            CASE WHEN st.status = 'received' OR h.handling <> 'referToCounty' THEN NULL ELSE 'dep-bench-' || lpad((k * 31 % ${DEPARTMENTS} + 1)::text, 2, '0') END,
            CASE WHEN st.status = 'received' OR h.handling <> 'referToCounty' THEN NULL ELSE '县第' || (k * 31 % ${DEPARTMENTS} + 1) || '承办单位' END,
            CASE WHEN st.status = 'received' OR h.handling <> 'referToCounty' THEN NULL ELSE it.received_at + interval '10 days' + (rr.r % 7) * interval '1 day' END,
            CASE WHEN st.status IN ('published', 'closed', 'reopened') AND h.handling = 'referToCounty'
                 THEN (ARRAY['satisfied', 'satisfied', 'basicallySatisfied', 'unsatisfied'])[rr.r % 4 + 1] END,
            it.received_at, it.received_at
       FROM generate_series(0, ${o.issues - 1}) k
       CROSS JOIN LATERAL (SELECT (k::bigint * 7919 % 1000)::int AS r) rr
       JOIN items it ON it.id = 'bench-list-' || (k / ${ISSUES_PER_LIST})
       CROSS JOIN LATERAL (SELECT CASE WHEN rr.r % 10 = 0 THEN 'onSpot' WHEN rr.r % 10 = 1 THEN 'stationFollowUp' ELSE 'referToCounty' END AS handling) h
       CROSS JOIN LATERAL (SELECT extract(epoch FROM ($1::timestamptz - it.received_at)) / 86400 AS age) a
       CROSS JOIN LATERAL (SELECT CASE
           WHEN h.handling = 'onSpot' THEN 'closed'
           WHEN h.handling = 'stationFollowUp' THEN 'received'
           WHEN a.age > 60 THEN CASE WHEN rr.r < 930 THEN 'closed' WHEN rr.r < 950 THEN 'published' WHEN rr.r < 970 THEN 'responded' WHEN rr.r < 985 THEN 'reopened' ELSE 'assigned' END
           ELSE CASE WHEN rr.r < 100 THEN 'received' WHEN rr.r < 500 THEN 'assigned' WHEN rr.r < 700 THEN 'responded' WHEN rr.r < 800 THEN 'published' WHEN rr.r < 850 THEN 'reopened' ELSE 'closed' END
         END AS status) st`,
    [o.now],
  );
  // The issues go in with board_counts' trigger off (one 1,000,000-row statement would
  // update the same summary rows tens of thousands of times in one transaction), and the
  // summary is then counted afresh by the migration's own function.
  await step('triggerOn', 'ALTER TABLE issues ENABLE TRIGGER issues_board_counts');
  await step('board_counts', 'SELECT board_counts_rebuild()');
  await step(
    'assignments',
    `INSERT INTO assignments (issue_id, department_id, is_lead, state, deadline, working_days, assigned_at)
     SELECT i.id, i.lead_department_id, true, CASE WHEN i.status = 'assigned' AND i.seq % 2 = 0 THEN 'pending' ELSE 'accepted' END,
            i.deadline, 7, i.updated_at + interval '1 day'
       FROM issues i WHERE i.lead_department_id IS NOT NULL AND i.id LIKE 'bench-issue-%'`,
  );
  await step(
    'answers',
    `INSERT INTO answers (issue_id, department_id, state, progress, reply, result, explanation, handler_name, handler_phone, created_at, updated_at, submitted_at)
     SELECT i.id, i.lead_department_id, 'submitted', '已办理', '已书面答复企业', (ARRAY['solved', 'solved', 'partlySolved', 'policyUnable'])[i.seq % 4 + 1], '',
            '经办人', '0790-0000000', i.updated_at + interval '5 days', i.updated_at + interval '5 days', i.updated_at + interval '5 days'
       FROM issues i WHERE i.lead_department_id IS NOT NULL AND i.status IN ('responded', 'published', 'closed', 'reopened') AND i.id LIKE 'bench-issue-%'`,
  );
  await step('counters', `UPDATE stations SET update_seq = 0`);
  // What autovacuum does on a live county: statistics, and the visibility map index-only scans need.
  await step('vacuum', 'VACUUM ANALYZE');
  return steps;
}
