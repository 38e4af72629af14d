/**
 * 待办 counts every waiting issue and lists only the first of each group: the counts come
 * from count() on the sparse indexes, the lists from a limited read, so a long history's
 * thousands of waiting issues are never all read. Hand-counted against the rows written.
 */
import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR } from '../../../shared/domain/calendars/cn2026';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { TODO_LIST_LIMIT, todoSummary } from '../../../renderer/src/db/repositories/todo';
import { withTodo } from '../../../renderer/src/db/todoMarks';
import type { CountyUpdate, IssueStateRow } from '../../../renderer/src/db/syncRows';
import { sampleReception, seededDb } from '../../fixtures/db';

const NOW = new Date('2026-03-20T10:00:00+08:00');

function update(issueId: string, seq: number, type: CountyUpdate['type'], fields: Partial<CountyUpdate>): CountyUpdate {
  return { seq, issueId, listId: 'list-1', type, department: '', deadline: null, response: '', note: '', at: '2026-03-02T09:00:00+08:00', appliedAt: '2026-03-02T09:00:00+08:00', ...fields };
}
const RECEPTIONS = 112;

describe('待办 at more than one page of waiting issues', () => {
  it('counts all of each group and lists the first TODO_LIST_LIMIT, most urgent deadlines first', async () => {
    const { db, deputyIds } = await seededDb();
    const countyIssues: string[] = [];
    for (let i = 0; i < RECEPTIONS; i++) {
      const r = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
      // sampleReception: the first issue goes to the county, the second is followed by the station.
      countyIssues.push(r.issues[0]!.id);
    }
    const states = (await db.issueStates.bulkGet(countyIssues)) as IssueStateRow[];
    const rows = states.map((s, i) => {
      if (i < 60) {
        // Answered, not yet handed back.
        return withTodo({ ...s, status: 'responded', county: [
          update(s.id, 2 * i + 1, 'assigned', { department: '县住建局', deadline: '2026-03-10T09:00:00.000Z' }),
          update(s.id, 2 * i + 2, 'responded', { response: '已办理。', at: '2026-03-05T09:00:00+08:00' }),
        ] });
      }
      // Assigned: 51 due by the end of the second working day (some already past), one far off.
      const day = i === RECEPTIONS - 1 ? '2026-04-30' : i % 2 === 0 ? '2026-03-19' : '2026-03-23';
      return withTodo({ ...s, status: 'assigned', county: [update(s.id, 1000 + i, 'assigned', { department: '县住建局', deadline: `${day}T09:00:00.000Z` })] });
    });
    await db.issueStates.bulkPut(rows);

    const todo = await todoSummary(db, NOW, CN_2026_CALENDAR);
    expect(todo.handBack.count).toBe(60);
    expect(todo.handBack.items).toHaveLength(TODO_LIST_LIMIT);
    expect(todo.rate.count).toBe(0);
    expect(todo.deadlines.count).toBe(51);
    expect(todo.onTime).toBe(1);
    expect(todo.deadlines.items).toHaveLength(TODO_LIST_LIMIT);
    // Most urgent first: every overdue one (the 19th) before any due on the 23rd.
    const deadlines = todo.deadlines.items.map((i) => i.deadline!);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(todo.deadlines.items.filter((i) => i.colour === 'red')).toHaveLength(26);
    // Every station-followed issue was recorded on 1 March with no progress since.
    expect(todo.staleFollowUp.count).toBe(RECEPTIONS);
    expect(todo.staleFollowUp.items).toHaveLength(TODO_LIST_LIMIT);
    expect(todo.unsealed).toBe(2 * RECEPTIONS);
    expect(todo.total).toBe(60 + 51 + RECEPTIONS + 1);
    // A folded panel reads only the rows it shows; the counts stay complete.
    const folded = await todoSummary(db, NOW, CN_2026_CALENDAR, undefined, { handBack: 5, rate: 5, deadlines: 5, staleFollowUp: 5 });
    expect([folded.handBack.items.length, folded.deadlines.items.length, folded.staleFollowUp.items.length]).toEqual([5, 5, 5]);
    expect(folded.handBack.items.map((i) => i.id)).toEqual(todo.handBack.items.slice(0, 5).map((i) => i.id));
    expect([folded.handBack.count, folded.deadlines.count, folded.staleFollowUp.count, folded.total]).toEqual([60, 51, RECEPTIONS, todo.total]);
  });
});
