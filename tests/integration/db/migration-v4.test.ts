import { describe, expect, it } from 'vitest';
import { issueToRecord } from '../../../renderer/src/db/convert';
import { applyCountyUpdates } from '../../../renderer/src/db/repositories/countyStatus';
import { searchIssues } from '../../../renderer/src/db/repositories/issueSearch';
import { deleteReception, getReception, updateReception } from '../../../renderer/src/db/repositories/receptions';
import type { Issue } from '../../../shared/domain/schemas';
import { declareUpTo, migrationDbName, openCurrent, seedOldVersion } from '../../fixtures/migration';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';
import { v3IssueRow } from '../../fixtures/legacyRows';

const reception = SAMPLE_RECEPTION;

const issue = (n: number, recordedAt = reception.receivedAt): Issue => sampleIssue(n, { recordedAt, status: n === 1 ? 'assigned' : 'recorded' });

const LIST_ID = '0190f0a0-0000-7000-8000-0000000000f1';
/** Issue 1 was sealed and reported (the county gave it a number); issue 2 is still open. */
const sealing = (n: number) => (n === 1 ? { listId: LIST_ID, sealState: 'sealed', countyRef: 'JH-2026-0007' } : {});
const v3Row = (i: Issue) => ({ ...v3IssueRow(i, reception), ...sealing(i.seq) });

/** A county event as v2 and v3 stored it, one row per event in `countyUpdates`. */
const event = (seq: number, issueId: string, type: string) => ({
  seq,
  issueId,
  listId: LIST_ID,
  type,
  department: type === 'assigned' ? '县供电公司' : '',
  deadline: null,
  response: type === 'responded' ? '已安排增容' : '',
  note: '',
  at: `2026-02-1${seq}T09:00:00.000+08:00`,
  appliedAt: `2026-02-1${seq}T09:05:00.000+08:00`,
});

async function seedV3(name: string, rows: ReturnType<typeof v3Row>[], events: ReturnType<typeof event>[] = []): Promise<number> {
  return seedOldVersion(
    name,
    declareUpTo(3),
    async (db) => {
      await db.table('receptions').put(reception);
      await db.table('issues').bulkPut(rows);
      await db.table('countyUpdates').bulkPut(events);
    },
  );
}

describe('schema v3 → v4 upgrade', () => {
  it('moves search keys to issueTerms and status and sealing to issueStates, changing no value', async () => {
    const name = migrationDbName();
    const issues = [issue(1), issue(2, '2026-02-11T09:00:00.000+08:00')];
    expect(await seedV3(name, issues.map(v3Row))).toBe(3);
    const db = await openCurrent(name);
    expect(db.verno).toBeGreaterThanOrEqual(4);
    const rows = await db.issues.orderBy('id').toArray();
    expect(rows).toEqual(issues.map((i) => issueToRecord(i, reception).row));
    expect(rows.some((r) => ['grams', 'gramTimes', 'status', 'listId', 'sealState', 'countyRef'].some((f) => f in r))).toBe(false);
    expect(await db.issueTerms.orderBy('id').toArray()).toEqual(issues.map((i) => issueToRecord(i, reception).terms));
    // Status and sealing move unchanged: the reported issue stays sealed, not amended.
    expect(await db.issueStates.orderBy('id').toArray()).toEqual(
      // (v6 then marks the issue that waits for a seal.)
      issues.map((i) => ({ id: i.id, status: i.status, recordedAt: i.recordedAt, listId: '', sealState: 'open', countyRef: null, county: [], ...sealing(i.seq), ...(i.seq === 1 ? {} : { pendingSeal: 1 }) })),
    );
    expect(db.issues.schema.indexes.map((i) => i.name)).toEqual(['receptionId', 'dutyDayId', 'recordedAt', '[category+recordedAt]', '[handling+recordedAt]']);
    db.close();
  });

  it('moves the county\'s events into the history of the issue they are about; events about unknown issues stay', async () => {
    const name = migrationDbName();
    const stranger = '0190f0a0-0000-7000-8000-0000000009ff';
    const events = [event(1, issue(1).id, 'assigned'), event(2, stranger, 'assigned'), event(3, issue(1).id, 'responded')];
    await seedV3(name, [issue(1), issue(2)].map(v3Row), events);
    const db = await openCurrent(name);
    expect((await db.issueStates.get(issue(1).id))?.county).toEqual([events[0], events[2]]);
    expect((await db.issueStates.get(issue(2).id))?.county).toEqual([]);
    expect(await db.countyUpdates.toArray()).toEqual([events[1]]);
    // A resend of an event already moved changes nothing.
    expect(await applyCountyUpdates(db, [{ seq: 3, issueId: issue(1).id, listId: LIST_ID, type: 'responded', at: events[2]!.at, response: '已安排增容' }], 3)).toBe(0);
    expect((await db.issueStates.get(issue(1).id))?.county).toHaveLength(2);
    db.close();
  });

  it('search, county updates, edits and deletes work on upgraded issues', async () => {
    const name = migrationDbName();
    await seedV3(name, [issue(1), issue(2, '2026-02-11T09:00:00.000+08:00')].map(v3Row));
    const db = await openCurrent(name);
    const found = await searchIssues(db, { text: '申请增容' });
    expect(found.items.map((h) => h.issue.seq)).toEqual([2, 1]);
    expect((await searchIssues(db, { text: '合顺实业', status: 'assigned' })).items.map((h) => h.issue.seq)).toEqual([1]);

    // A county update rewrites the state row only; content and search keys stay as they were.
    const termsBefore = await db.issueTerms.toArray();
    const rowsBefore = await db.issues.toArray();
    await applyCountyUpdates(db, [{ seq: 1, issueId: issue(1).id, listId: LIST_ID, type: 'responded', at: '2026-02-20T09:00:00.000+08:00', response: '已安排增容' }], 1);
    expect((await db.issueStates.get(issue(1).id))?.status).toBe('responded');
    expect(await db.issueTerms.toArray()).toEqual(termsBefore);
    expect(await db.issues.toArray()).toEqual(rowsBefore);
    expect((await searchIssues(db, { text: '合顺实业', status: 'responded' })).items.map((h) => h.issue.seq)).toEqual([1]);

    // Editing the reception rewrites the keys; removing an open issue removes its keys.
    const current = (await getReception(db, reception.id))!;
    await updateReception(db, reception.id, {
      channel: current.reception.channel,
      receivedAt: current.reception.receivedAt,
      deputyIds: current.reception.deputyIds,
      visitors: [{ ...reception.visitors[0]!, enterprise: '恒远精密有限公司' }],
      issues: [{ id: issue(1).id, category: '用电用水', summary: issue(1).summary, request: '申请增容', onSpotAnswer: '', handling: 'referToCounty', suggestedDepartment: '县供电公司' }],
    });
    expect(await db.issueTerms.get(issue(2).id)).toBeUndefined();
    expect((await searchIssues(db, { text: '合顺实业' })).items).toEqual([]);
    expect((await searchIssues(db, { text: '恒远精密' })).items.map((h) => h.issue.id)).toEqual([issue(1).id]);
    expect(await db.issueStates.get(issue(1).id)).toMatchObject({ sealState: 'amended', listId: LIST_ID, countyRef: 'JH-2026-0007', status: 'responded' });
    expect(await db.issueStates.get(issue(2).id)).toBeUndefined();
    // A reported issue cannot be deleted; the refused delete leaves its keys in place.
    await expect(deleteReception(db, reception.id, '重复登记')).rejects.toThrow(/sealed/);
    expect(await db.issueTerms.get(issue(1).id)).toBeDefined();
    db.close();
  });

  it('upgrades a history longer than one upgrade step, every row', async () => {
    const name = migrationDbName();
    const many = Array.from({ length: 4100 }, (_, n) => ({
      ...issue(2, `2026-02-10T10:${String(n % 60).padStart(2, '0')}:00.000+08:00`),
      id: `0190f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    }));
    await seedV3(name, many.map(v3Row));
    const db = await openCurrent(name);
    const terms = await db.issueTerms.toArray();
    expect(terms).toHaveLength(many.length);
    expect(terms.every((t, i) => t.id === many[i]!.id && t.gramTimes.join() === issueToRecord(many[i]!, reception).terms.gramTimes.join())).toBe(true);
    expect(await db.issues.filter((r) => 'gramTimes' in r || 'grams' in r || 'status' in r).count()).toBe(0);
    expect(await db.issueStates.where('[status+recordedAt]').between(['recorded', ''], ['recorded', '\uffff']).count()).toBe(many.length);
    expect(await db.issueTerms.where('gramTimes').between('增容\u00012026-02-10T10:59', '增容\u00012026-02-10T10:59\uffff').count()).toBe(68);
    db.close();
  });
});
