import { describe, expect, it } from 'vitest';
import { issueToRecord } from '../../../renderer/src/db/convert';
import { applyCountyUpdates } from '../../../renderer/src/db/repositories/countyStatus';
import { getReception } from '../../../renderer/src/db/repositories/receptions';
import type { Issue } from '../../../shared/domain/schemas';
import { declareUpTo, migrationDbName, openCurrent, seedOldVersion } from '../../fixtures/migration';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';
import { v4StateRow } from '../../fixtures/legacyRows';

const LIST_ID = '0190f0a0-0000-7000-8000-0000000000f1';
const issue = (n: number): Issue => sampleIssue(1, { id: `0190f0a0-0000-7000-8000-${String(n).padStart(12, '0')}` });

describe('schema v6 → v7 upgrade', () => {
  it('adds the empty county inbox and changes no row; county updates then apply as before', async () => {
    const name = migrationDbName();
    const issues = Array.from({ length: 3 }, (_, n) => issue(n));
    const stateOf = (i: Issue) => {
      const { sealState: _s, ...row } = v4StateRow({ ...i, status: 'recorded' }, { listId: LIST_ID, sealState: 'sealed', countyRef: 'JH-2026-0007' });
      return { ...row, sealState: 'sealed' };
    };
    await seedOldVersion(name, declareUpTo(6), async (db) => {
      await db.table('receptions').put(SAMPLE_RECEPTION);
      await db.table('issues').bulkPut(issues.map((i) => issueToRecord(i, SAMPLE_RECEPTION).row));
      await db.table('issueStates').bulkPut(issues.map(stateOf));
    });
    const db = await openCurrent(name);
    expect(db.verno).toBeGreaterThanOrEqual(7);
    expect(await db.countyInbox.count()).toBe(0);
    expect(await db.issueStates.orderBy('id').toArray()).toEqual(issues.map(stateOf));
    expect(await applyCountyUpdates(db, [{ seq: 1, issueId: issues[1]!.id, listId: LIST_ID, type: 'assigned', department: '县住建局', at: '2026-03-06T09:00:00+08:00' }], 1)).toBe(1);
    expect((await getReception(db, SAMPLE_RECEPTION.id))!.issues.map((i) => i.status)).toEqual(['recorded', 'assigned', 'recorded']);
    expect(await db.countyInbox.count()).toBe(0);
    db.close();
  });
});
