import { describe, expect, it } from 'vitest';
import { issueToRecord } from '../../../renderer/src/db/convert';
import { searchIssues } from '../../../renderer/src/db/repositories/issueSearch';
import { searchGrams } from '../../../shared/domain/search';
import type { Issue, Reception } from '../../../shared/domain/schemas';
import { declareUpTo, migrationDbName, openCurrent, seedOldVersion } from '../../fixtures/migration';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';
import { v4StateRow } from '../../fixtures/legacyRows';

const reception: Reception = {
  ...SAMPLE_RECEPTION,
  visitors: [{ ...SAMPLE_RECEPTION.visitors[0]!, enterprise: '德信机械制造厂', position: '厂长' }],
};

const issue = (n: number): Issue =>
  sampleIssue(1, {
    id: `0190f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`,
    summary: n % 2 === 0 ? '厂房扩建后用电容量不足' : '板房费用未拨付',
    request: '请协调',
    suggestedDepartment: '',
    recordedAt: `2026-02-10T10:${String(n % 60).padStart(2, '0')}:00.000+08:00`,
  });

/** As v4 code wrote an issue: its row, its bigram keys only, its state. */
function v4Rows(i: Issue) {
  const { row } = issueToRecord(i, reception);
  const text = { summary: i.summary, request: i.request, enterprises: ['德信机械制造厂'], visitorNames: ['伍盛华'] };
  return { row, terms: { id: i.id, gramTimes: searchGrams(text).map((g) => `${g}\u0001${i.recordedAt}`) }, state: v4StateRow(i) };
}

async function seedV4(name: string, issues: Issue[]): Promise<void> {
  await seedOldVersion(
    name,
    declareUpTo(4),
    async (db) => {
      const rows = issues.map(v4Rows);
      await db.table('receptions').put(reception);
      await db.table('issues').bulkPut(rows.map((r) => r.row));
      await db.table('issueTerms').bulkPut(rows.map((r) => r.terms));
      await db.table('issueStates').bulkPut(rows.map((r) => r.state));
    },
  );
}

describe('schema v4 → v5 upgrade', () => {
  it('adds the trigram keys new writes get to every issue, over more than one upgrade step', async () => {
    const name = migrationDbName();
    const issues = Array.from({ length: 4100 }, (_, n) => issue(n));
    await seedV4(name, issues);
    const db = await openCurrent(name);
    expect(db.verno).toBeGreaterThanOrEqual(5);
    const terms = await db.issueTerms.toArray();
    expect(terms).toHaveLength(issues.length);
    expect(terms.every((t, n) => t.gramTimes.join() === issueToRecord(issues[n]!, reception).terms.gramTimes.join())).toBe(true);
    expect(await db.issueTerms.where('gramTimes').between('房费用\u0001', '房费用\u0002').count()).toBe(2050);
    db.close();
  });

  it('a query of common bigrams that never occur together finds nothing, from the trigram lists', async () => {
    const name = migrationDbName();
    await seedV4(name, [issue(1), issue(2), issue(3)]);
    const db = await openCurrent(name);
    expect((await searchIssues(db, { text: '厂房费用' })).items).toEqual([]);
    expect((await searchIssues(db, { text: '板房费用' })).items.map((h) => h.issue.id)).toEqual([issue(3).id, issue(1).id]);
    expect((await searchIssues(db, { text: '德信机械' })).items).toHaveLength(3);
    db.close();
  });
});
