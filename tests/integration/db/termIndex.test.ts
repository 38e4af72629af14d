/**
 * Search keys written after the save (pendingTerms queue): a search never misses an issue
 * whose keys are not written yet, an edit re-queues only changed text, and a queue left
 * by a crash is worked off.
 */
import { describe, expect, it } from 'vitest';
import { issueToRecord, pendingTermsOf, termsOfRow } from '../../../renderer/src/db/convert';
import { searchIssues } from '../../../renderer/src/db/repositories/issueSearch';
import { createReception, deleteReception, getReception, updateReception } from '../../../renderer/src/db/repositories/receptions';
import { indexPendingTerms, termIndexingIdle } from '../../../renderer/src/db/termIndex';
import type { IssueTermsRow, PendingTermsRow } from '../../../renderer/src/db/rows';
import { sampleReception, seededDb } from '../../fixtures/db';

const found = async (db: Awaited<ReturnType<typeof seededDb>>['db'], text: string) => (await searchIssues(db, { text })).items.map((h) => h.issue.id);

describe('search keys written after the save', () => {
  it('a save queues its issues; their keys are written right after, and search finds them throughout', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const ids = created.issues.map((i) => i.id);
    // Found while the background step runs, and after.
    expect(await found(db, created.issues[0]!.summary.slice(0, 4))).toContain(ids[0]);
    await termIndexingIdle(db);
    expect(await db.pendingTerms.count()).toBe(0);
    const reception = created.reception;
    expect(await db.issueTerms.bulkGet(ids)).toEqual(created.issues.map((i) => issueToRecord(i, reception).terms));
    expect(await found(db, created.issues[0]!.summary.slice(0, 4))).toContain(ids[0]);
  });

  it('an edit re-queues only the issue whose text changed; the old words stop matching at once', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await termIndexingIdle(db);
    const [first, second] = created.issues;
    const input = sampleReception(deputyIds);
    input.issues = [
      { ...input.issues[0]!, id: first!.id, summary: '夜间渣土车噪声扰民' },
      { ...input.issues[1]!, id: second!.id },
    ];
    const queued: string[] = [];
    const bulkPut = db.pendingTerms.bulkPut.bind(db.pendingTerms) as (rows: readonly PendingTermsRow[]) => Promise<unknown>;
    (db.pendingTerms as unknown as { bulkPut: typeof bulkPut }).bulkPut = (rows) => {
      queued.push(...rows.map((r) => r.id));
      return bulkPut(rows);
    };
    await updateReception(db, created.reception.id, input);
    expect(queued).toEqual([first!.id]);
    // The stale keys are still there, but rows are confirmed on their text.
    expect(await found(db, first!.summary.slice(0, 4))).not.toContain(first!.id);
    expect(await found(db, '渣土车噪声')).toEqual([first!.id]);
    await termIndexingIdle(db);
    expect(await db.pendingTerms.count()).toBe(0);
    expect(await found(db, '渣土车噪声')).toEqual([first!.id]);
    const edited = (await getReception(db, created.reception.id))!;
    expect((await db.issueTerms.get(first!.id))?.gramTimes).toEqual(issueToRecord(edited.issues[0]!, edited.reception).terms.gramTimes);
  });

  it('a queue left by a crash is worked off, even an entry whose stamp matches no row', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await termIndexingIdle(db);
    const [first, second] = created.issues;
    // As if the app stopped after the save, before the keys were written.
    await db.issueTerms.clear();
    const rows = await db.issues.bulkGet([first!.id, second!.id]);
    await db.pendingTerms.bulkPut([pendingTermsOf(rows[0]!), { ...pendingTermsOf(rows[1]!), stamp: 'matches no row' }]);
    expect(await found(db, first!.summary.slice(0, 4))).toContain(first!.id);
    expect(await indexPendingTerms(db)).toBe(2);
    expect(await db.issueTerms.bulkGet([first!.id, second!.id])).toEqual(rows.map((r) => termsOfRow(r!)));
    expect(await db.pendingTerms.count()).toBe(0);
  });

  it('an edit while the keys are written stays queued and is indexed again; an issue deleted meanwhile leaves no keys', async () => {
    const { db, deputyIds } = await seededDb();
    const created = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    const other = await createReception(db, sampleReception(deputyIds), { dutyDayId: null });
    await termIndexingIdle(db);
    const [first, second] = created.issues;
    const gone = other.issues.map((i) => i.id);
    // As if the app stopped after both saves; this run alone writes the keys.
    await db.issueTerms.clear();
    await db.pendingTerms.bulkPut((await db.issues.toArray()).map(pendingTermsOf));
    // Between reading the rows and writing their keys, one issue's text is edited and another reception deleted.
    const bulkPut = db.issueTerms.bulkPut.bind(db.issueTerms) as (rows: readonly IssueTermsRow[]) => Promise<unknown>;
    let interleaved = false;
    (db.issueTerms as unknown as { bulkPut: typeof bulkPut }).bulkPut = async (rows) => {
      if (!interleaved) {
        interleaved = true;
        const input = sampleReception(deputyIds);
        input.issues = [{ ...input.issues[0]!, id: first!.id, summary: '夜间渣土车噪声扰民' }, { ...input.issues[1]!, id: second!.id }];
        await updateReception(db, created.reception.id, input);
        await deleteReception(db, other.reception.id);
      }
      return bulkPut(rows);
    };
    await indexPendingTerms(db);
    await termIndexingIdle(db);
    expect(interleaved).toBe(true);
    expect(await db.pendingTerms.count()).toBe(0);
    expect(await db.issueTerms.bulkGet(gone)).toEqual(gone.map(() => undefined));
    const edited = (await getReception(db, created.reception.id))!;
    expect((await db.issueTerms.get(first!.id))?.gramTimes).toEqual(issueToRecord(edited.issues[0]!, edited.reception).terms.gramTimes);
    expect(await found(db, '渣土车噪声')).toEqual([first!.id]);
  });
});
