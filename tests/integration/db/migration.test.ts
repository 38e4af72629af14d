import { describe, expect, it } from 'vitest';
import { declareV1 } from '../../../renderer/src/db/schema/v1';
import { migrationDbName, openCurrent, seedOldVersion } from '../../fixtures/migration';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';
import { v1IssueRow } from '../../fixtures/legacyRows';
import { listsOfIssue, sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { searchIssues } from '../../../renderer/src/db/repositories/issueSearch';
import type { Issue, StationSettings } from '../../../shared/domain/schemas';

const station: StationSettings = {
  name: '银湾科创产业园人大代表联络站',
  county: '江海区',
  town: '三河镇',
  head: '张立强',
  stationId: '0190f0a0-0000-7000-8000-000000000001',
  createdAt: '2026-01-05T09:00:00.000+08:00',
  updatedAt: '2026-01-05T09:00:00.000+08:00',
};

const reception = SAMPLE_RECEPTION;

const issue = (n: number): Issue =>
  sampleIssue(n, n === 2 ? { onSpotAnswer: '已当场联系供电所答复', handling: 'onSpot', status: 'resolvedOnSpot' } : {});

async function seedV1(name: string): Promise<number> {
  return seedOldVersion(name, declareV1, async (db) => {
    await db.table('settings').put({ key: 'station', value: station });
    await db.table('deputies').put({ id: reception.deputyIds[0], name: '张立强', level: '市', unit: '', role: '站长', active: true, order: 0 });
    await db.table('receptions').put(reception);
    await db.table('issues').bulkPut([issue(1), issue(2)].map((i) => v1IssueRow(i, reception)));
  });
}

describe('schema v1 → v2 upgrade', () => {
  it('keeps every v1 row and gives issues the sealing fields', async () => {
    const name = migrationDbName();
    expect(await seedV1(name)).toBe(1);
    const db = await openCurrent(name);
    expect(db.verno).toBeGreaterThanOrEqual(2); // later versions upgrade on top
    expect((await db.settings.get('station'))?.value).toEqual(station);
    expect(await db.receptions.get(reception.id)).toEqual(reception);
    const rows = await db.issues.orderBy('id').toArray();
    expect(rows.map((r) => r.summary)).toEqual([issue(1).summary, issue(2).summary]);
    const states = await db.issueStates.orderBy('id').toArray();
    expect(states.every((r) => r.listId === '' && r.sealState === 'open' && r.countyRef === null)).toBe(true);
    // v1 indexes still answer after the upgrade; the bigrams answer through today's search.
    expect((await searchIssues(db, { text: '增容' })).items.map((h) => h.issue.id)).toEqual([issue(2).id, issue(1).id]);
    expect(await db.issueStates.where('[status+recordedAt]').between(['recorded', ''], ['recorded', '\uffff']).count()).toBe(1);
    db.close();
  });

  it('new v2 indexes and tables work on upgraded rows', async () => {
    const name = migrationDbName();
    await seedV1(name);
    const db = await openCurrent(name);
    expect((await db.issueStates.toArray()).filter((s) => s.listId === '' && s.sealState === 'open')).toHaveLength(2);
    expect(await db.issueStates.where('pendingSeal').equals(1).count()).toBe(2);
    const [list] = await sealNow(db, new Date('2026-03-02T08:00:00+08:00'));
    expect(list?.number).toBe('〔2026〕第1号');
    expect((await db.issueStates.toArray()).filter((s) => s.listId === list!.id)).toHaveLength(2);
    expect(await db.issueStates.where('pendingSeal').equals(1).count()).toBe(0);
    expect((await listsOfIssue(db, issue(1).id)).map((l) => l.id)).toEqual([list!.id]);
    expect(await db.outbox.where('[state+createdAt]').between(['pending', ''], ['pending', '\uffff']).count()).toBe(1);
    expect(await db.counters.get(`${station.stationId}:2026`)).toMatchObject({ last: 1 });
    db.close();
  });

  it('reopening an upgraded database changes nothing', async () => {
    const name = migrationDbName();
    await seedV1(name);
    const first = await openCurrent(name);
    await sealNow(first, new Date('2026-03-02T08:00:00+08:00'));
    const before = await first.issues.toArray();
    first.close();
    const again = await openCurrent(name);
    expect(await again.issues.toArray()).toEqual(before);
    again.close();
  });
});
