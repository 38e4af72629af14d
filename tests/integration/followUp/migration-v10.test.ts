import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { issueToRecord } from '../../../renderer/src/db/convert';
import { declareV9 } from '../../../renderer/src/db/schema/v9';
import { todoSummary } from '../../../renderer/src/db/repositories/todo';
import { CN_2026_CALENDAR } from '../../../shared/domain/calendars/cn2026';
import type { Issue } from '../../../shared/domain/schemas';
import { declareUpTo, migrationDbName, openCurrent, seedOldVersion } from '../../fixtures/migration';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';

const LIST_ID = '0190f0a0-0000-7000-8000-0000000000f1';
const id = (n: number) => `0190f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const county = (seq: number, issueId: string, type: string, extra: Record<string, unknown> = {}) => ({
  seq, issueId, listId: LIST_ID, type, department: '', deadline: null, response: '', note: '', at: '2026-03-06T09:00:00+08:00', appliedAt: '2026-03-06T09:01:00+08:00', ...extra,
});
/** A v6–v9 state row: sealed, no pendingSeal, no track. */
const v9State = (i: Issue, status: string, events: unknown[]) => ({ id: i.id, status, recordedAt: i.recordedAt, listId: LIST_ID, sealState: 'sealed', countyRef: 'JH-2026-000007', county: events });

describe('schema v9 → v10 upgrade', () => {
  it('indexes what waits (answer to hand back, deadline, the station’s own follow-up) and leaves the rest alone', async () => {
    const name = migrationDbName();
    const answered = sampleIssue(1, { id: id(1), handling: 'referToCounty' });
    const assigned = sampleIssue(2, { id: id(2), handling: 'referToCounty' });
    const followed = sampleIssue(3, { id: id(3), handling: 'stationFollowUp', suggestedDepartment: '' });
    const closed = sampleIssue(4, { id: id(4), handling: 'referToCounty' });
    const states = [
      v9State(answered, 'responded', [county(1, answered.id, 'assigned', { department: '县住建局', deadline: '2026-03-09T01:00:00.000Z' }), county(2, answered.id, 'responded', { response: '已处理' })]),
      v9State(assigned, 'assigned', [county(3, assigned.id, 'assigned', { department: '县交警大队', deadline: '2026-03-04T01:00:00.000Z' })]),
      v9State(followed, 'recorded', []),
      v9State(closed, 'closed', [county(4, closed.id, 'responded', { response: '已处理' }), county(5, closed.id, 'closed')]),
    ];
    await seedOldVersion(name, (db: Dexie) => { declareUpTo(7)(db); declareV9(db); }, async (db) => {
      await db.table('receptions').put(SAMPLE_RECEPTION);
      await db.table('issues').bulkPut([answered, assigned, followed, closed].map((i) => issueToRecord(i, SAMPLE_RECEPTION).row));
      await db.table('issueStates').bulkPut(states);
    });
    const db = await openCurrent(name);
    expect(db.verno).toBeGreaterThanOrEqual(10); // later versions upgrade on top
    expect(await db.issueStates.get(answered.id)).toMatchObject({ todo: 'handBack', county: states[0]!.county });
    expect(await db.issueStates.get(assigned.id)).toMatchObject({ dueAt: '2026-03-04T01:00:00.000Z' });
    expect(await db.issueStates.get(followed.id)).toMatchObject({ followUpAt: followed.recordedAt, track: { followUp: true } });
    expect(await db.issueStates.get(closed.id)).toEqual(states[3]);
    const todo = await todoSummary(db, new Date('2026-12-04T10:00:00+08:00'), CN_2026_CALENDAR);
    expect(todo.handBack.items.map((i) => i.id)).toEqual([answered.id]);
    expect(todo.deadlines.items.map((i) => [i.id, i.colour])).toEqual([[assigned.id, 'red']]);
    expect(todo.staleFollowUp.items.map((i) => i.id)).toEqual([followed.id]);
    expect(await db.ratings.count()).toBe(0);
    // v13 counted what v10 indexed.
    expect(Object.fromEntries((await db.todoCounts.toArray()).map((c) => [c.group, c.n]))).toEqual({ handBack: 1, rate: 0, due: 1, following: 1, pendingSeal: 0 });
    db.close();
  });
});
