/**
 * One list, walked newest first: the page comes straight off the index in order. Reads
 * rows in growing chunks (one getAll each) and keeps those `accepts` keeps. When the list
 * alone decides the match, the first chunk is exactly one page (plus one, to know whether
 * more exist), so the first page with no conditions is a single bounded read.
 */
import type { SearchRow } from './rows';
import type { TimeList } from './lists';
import { accepts, type Plan } from './plan';

export async function walk(plan: Plan, source: TimeList, want: number): Promise<SearchRow[]> {
  const rows: SearchRow[] = [];
  let upper = plan.upper;
  let after = plan.cursor;
  const { firstChunk, maxChunk } = plan.tuning;
  let chunk = Math.min(maxChunk, Math.max(firstChunk, source.exact ? want : want * 4));
  for (;;) {
    const batch = await source.rows(plan.lower, upper, chunk);
    let last: SearchRow | undefined;
    for (const row of batch) {
      // Each chunk resumes at the last row's timestamp: skip that run's rows already passed.
      if (after && row.recordedAt === after.recordedAt && row.id >= after.id) continue;
      last = row;
      if (accepts(plan, row)) {
        rows.push(row);
        if (rows.length >= want) return rows;
      }
    }
    if (batch.length < chunk) return rows;
    if (last) {
      upper = last.recordedAt;
      after = { recordedAt: last.recordedAt, id: last.id };
      chunk = Math.min(maxChunk, chunk * 2);
    } else {
      // The chunk held only rows already passed (a long run of one timestamp): read past the run.
      chunk *= 2;
    }
  }
}
