import { describe, expect, it } from 'vitest';
import { issueToRecord } from '../../../renderer/src/db/convert';
import { v2IssueRow } from '../../fixtures/legacyRows';
import { searchIssues } from '../../../renderer/src/db/repositories/issueSearch';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import type { Issue } from '../../../shared/domain/schemas';
import { declareUpTo, migrationDbName, openCurrent, seedOldVersion } from '../../fixtures/migration';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';
import { sampleReception } from '../../fixtures/db';

const reception = SAMPLE_RECEPTION;

const issue = (n: number, recordedAt: string): Issue => sampleIssue(n, { recordedAt });

const issues = [issue(1, '2026-02-10T10:00:00.000+08:00'), issue(2, '2026-02-11T09:00:00.000+08:00')];

const v2Row = (i: Issue) => v2IssueRow(i, reception);

async function seedV2(name: string): Promise<number> {
  return seedOldVersion(
    name,
    declareUpTo(2),
    async (db) => {
      await db.table('receptions').put(reception);
      await db.table('issues').bulkPut(issues.map(v2Row));
    },
  );
}

// v3 gave every issue time-ordered bigram keys; v4 moved them to `issueTerms`. Opening a v2
// database runs both: these tests check what v3 added survives into today's shape.
describe('schema v2 → v3 upgrade (through to the current version)', () => {
  it('gives every issue the time-ordered bigram keys new writes get, and changes nothing else', async () => {
    const name = migrationDbName();
    expect(await seedV2(name)).toBe(2);
    const db = await openCurrent(name);
    expect(db.verno).toBeGreaterThanOrEqual(3);
    const rows = await db.issues.orderBy('id').toArray();
    expect(rows).toEqual(issues.map((i) => issueToRecord(i, reception).row));
    const terms = await db.issueTerms.orderBy('id').toArray();
    expect(terms).toEqual(issues.map((i) => issueToRecord(i, reception).terms));
    expect(terms[0]!.gramTimes).toContain('增容\u00012026-02-10T10:00:00.000+08:00');
    expect(await db.issueStates.where('pendingSeal').equals(1).count()).toBe(2);
    db.close();
  });

  it('search reads the new index on upgraded rows, and new writes join them in time order', async () => {
    const name = migrationDbName();
    await seedV2(name);
    const db = await openCurrent(name);
    const key = (g: string, from: string, to: string) => db.issueTerms.where('gramTimes').between(`${g}\u0001${from}`, `${g}\u0001${to}`, true, true);
    expect(await key('增容', '2026-02-11', '2026-02-12').primaryKeys()).toEqual([issues[1]!.id]);
    const deputyIds = reception.deputyIds;
    await db.deputies.put({ id: deputyIds[0]!, name: '张立强', level: '市', unit: '', role: '站长', active: true, order: 0 });
    await createReception(
      db,
      sampleReception(deputyIds, {
        receivedAt: '2026-03-01T09:00:00.000+08:00',
        issues: [{ category: '用电用水', summary: '申请增容仍未批复', request: '', onSpotAnswer: '', handling: 'referToCounty', suggestedDepartment: '' }],
      }),
      { dutyDayId: null },
    );
    const page = await searchIssues(db, { text: '申请增容' }, { limit: 2 });
    expect(page.items.map((h) => h.issue.summary)).toEqual(['申请增容仍未批复', '厂房扩建后用电容量不足 2']);
    expect(page.hasMore).toBe(true);
    const rest = await searchIssues(db, { text: '申请增容' }, { limit: 2, cursor: page.cursor });
    expect(rest.items.map((h) => h.issue.summary)).toEqual(['厂房扩建后用电容量不足 1']);
    db.close();
  });

  it('upgrades a history longer than one upgrade step, every row', async () => {
    const name = migrationDbName();
    const many = Array.from({ length: 4100 }, (_, n) => ({
      ...issue(1, `2026-02-10T10:${String(n % 60).padStart(2, '0')}:00.000+08:00`),
      id: `0190f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    }));
    await seedOldVersion(
      name,
      declareUpTo(2),
      async (db) => {
        await db.table('issues').bulkPut(many.map(v2Row));
      },
    );
    const db = await openCurrent(name);
    const terms = await db.issueTerms.toArray();
    expect(terms).toHaveLength(many.length);
    expect(terms.every((t, i) => t.gramTimes.length > 0 && t.gramTimes.join() === issueToRecord(many[i]!, reception).terms.gramTimes.join())).toBe(true);
    expect(await db.issueTerms.where('gramTimes').between('增容\u00012026-02-10T10:59', '增容\u00012026-02-10T10:59\uffff').count()).toBe(68);
    db.close();
  });
});
