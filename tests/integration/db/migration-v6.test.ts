import { describe, expect, it } from 'vitest';
import { issueToRecord } from '../../../renderer/src/db/convert';
import { listsOfIssue, sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { getReception } from '../../../renderer/src/db/repositories/receptions';
import { setupStation } from '../../../renderer/src/db/repositories/station';
import type { Issue } from '../../../shared/domain/schemas';
import { declareUpTo, migrationDbName, openCurrent, seedOldVersion } from '../../fixtures/migration';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';
import { v4StateRow } from '../../fixtures/legacyRows';

const reception = SAMPLE_RECEPTION;
const LIST_ID = '0190f0a0-0000-7000-8000-0000000000f1';
const SEALED = { listId: LIST_ID, sealState: 'sealed', countyRef: 'JH-2026-0007' } as const;

/** The list that carried the sealed issues, as v2–v5 stored it once the county acknowledged it. */
const ACKNOWLEDGED_LIST = {
  id: LIST_ID,
  stationId: '0190f0a0-0000-7000-8000-0000000000c1',
  year: 2025,
  seq: 9,
  number: '〔2025〕第9号',
  sealedAt: '2025-12-10T18:00:00.000+08:00',
  dutyDayId: null,
  issueIds: ['0190f0a0-0000-7000-8000-000000000002', '0190f0a0-0000-7000-8000-000000000003'],
  amendments: 0,
  amendsListId: null,
  state: 'acknowledged',
  countyRef: 'JH-2026-0007',
  receivedAt: '2025-12-10T18:05:00.000+08:00',
  problem: '',
};

const issue = (n: number): Issue => sampleIssue(1, { id: `0190f0a0-0000-7000-8000-${String(n).padStart(12, '0')}` });

/** Issue n's v5 status: every 1000th + 2 was acknowledged (v5 stored `submitted`). */
const statusOf = (n: number) => (n % 1000 === 2 ? 'submitted' : 'recorded');

/** Issue n's v5 sealing: most sealed; every 1000th never sealed; every 1000th + 1 edited after sealing. */
function sealingOf(n: number) {
  if (n % 1000 === 0) return { listId: '', sealState: 'open', countyRef: null } as const;
  if (n % 1000 === 1) return { ...SEALED, sealState: 'amended' } as const;
  return SEALED;
}

async function seedV5(name: string, count: number): Promise<Issue[]> {
  const issues = Array.from({ length: count }, (_, n) => issue(n));
  await seedOldVersion(
    name,
    declareUpTo(5),
    async (db) => {
      const records = issues.map((i) => issueToRecord(i, reception));
      await db.table('receptions').put(reception);
      await db.table('issues').bulkPut(records.map((r) => r.row));
      await db.table('issueTerms').bulkPut(records.map((r) => r.terms));
      await db.table('issueStates').bulkPut(issues.map((i, n) => v4StateRow({ ...i, status: statusOf(n) }, sealingOf(n))));
      await db.table('issueLists').put(ACKNOWLEDGED_LIST);
    },
  );
  return issues;
}

describe('schema v5 → v6 upgrade', () => {
  it('marks exactly the issues waiting for a seal (open or amended) and stores submitted as recorded, over more than one upgrade step, changing nothing else', async () => {
    const name = migrationDbName();
    const issues = await seedV5(name, 5_003);
    const db = await openCurrent(name);
    expect(db.verno).toBeGreaterThanOrEqual(6);
    const waiting = issues.filter((_, n) => n % 1000 <= 1).map((i) => i.id);
    expect(waiting).toHaveLength(12);
    expect(await db.issueStates.where('pendingSeal').equals(1).primaryKeys()).toEqual(waiting);
    const states = await db.issueStates.orderBy('id').toArray();
    expect(states).toHaveLength(issues.length);
    states.forEach((s, n) => {
      const { pendingSeal, ...rest } = s;
      expect(rest).toEqual(v4StateRow({ ...issues[n]!, status: 'recorded' }, sealingOf(n)));
      expect(pendingSeal).toBe(n % 1000 <= 1 ? 1 : undefined);
    });
    const indexes = (table: string) => db.tables.find((t) => t.name === table)!.schema.indexes.map((i) => i.name).sort();
    // v10 adds the sparse 待办 indexes; v6's point is that listId and sealState are gone.
    expect(indexes('issueStates')).toEqual(expect.arrayContaining(['[status+recordedAt]', 'pendingSeal']));
    expect(indexes('issueStates')).not.toEqual(expect.arrayContaining(['listId']));
    expect(indexes('issueStates')).not.toEqual(expect.arrayContaining(['sealState']));
    expect(indexes('issueLists')).toEqual(['[year+seq]', 'dutyDayId', 'sealedAt', 'state']);
    // Which lists carried an issue moved to listIssues.
    expect(await db.listIssues.toArray()).toEqual([{ id: LIST_ID, issueIds: ACKNOWLEDGED_LIST.issueIds }]);
    expect((await listsOfIssue(db, ACKNOWLEDGED_LIST.issueIds[1]!)).map((l) => l.number)).toEqual(['〔2025〕第9号']);
    // What v5 stored as submitted still reads so: recorded, in a list the county acknowledged.
    expect((await getReception(db, reception.id))!.issues.slice(0, 3).map((i) => i.status)).toEqual(['recorded', 'submitted', 'submitted']);
    db.close();
  });

  it('the next seal takes the open and amended issues and clears their mark', async () => {
    const name = migrationDbName();
    const issues = await seedV5(name, 1_002);
    const db = await openCurrent(name);
    await setupStation(db, { name: '银湾科创产业园人大代表联络站', county: '江海区', town: '三河镇', head: '张立强' }, []);
    const [list, ...more] = await sealNow(db, new Date('2026-03-02T08:00:00+08:00'));
    expect(more).toEqual([]);
    // Issue 0 and 1000 were never sealed; 1 and 1001 travel again as amendments.
    expect(list!.payload.issues.map((e) => e.amendsIssueId ?? e.id).sort()).toEqual([issues[0]!.id, issues[1]!.id, issues[1000]!.id, issues[1001]!.id].sort());
    expect(await db.issueStates.where('pendingSeal').equals(1).count()).toBe(0);
    expect(await db.issueStates.get(issues[0]!.id)).toMatchObject({ listId: list!.id, sealState: 'sealed' });
    expect(await db.issueStates.get(issues[1]!.id)).toMatchObject({ listId: LIST_ID, sealState: 'sealed' });
    db.close();
  });
});
