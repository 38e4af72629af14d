/** Shared setup for engine tests: a seeded station, sealed lists, a fake county and a hand-driven clock. */
import { SyncEngine } from '../../../renderer/src/sync/engine';
import { sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { createReception } from '../../../renderer/src/db/repositories/receptions';
import { getStation } from '../../../renderer/src/db/repositories/station';
import { termIndexingIdle } from '../../../renderer/src/db/termIndex';
import type { StationDb } from '../../../renderer/src/db/database';
import type { IssueList } from '../../../renderer/src/db/syncRows';
import { DEFAULT_TIMINGS } from '../../../renderer/src/sync/timings';
import { sampleReception, seededDb } from '../../fixtures/db';
import { FakeCounty } from './fakeCounty';

export interface Harness {
  db: StationDb;
  county: FakeCounty;
  engine: SyncEngine;
  clock: { now: number };
  token: { value: string };
  lists: IssueList[];
  /** A new engine on the same database, as after a restart. */
  restart: () => SyncEngine;
}

export async function harness(listCount = 2, opts: { random?: () => number } = {}): Promise<Harness> {
  const { db, deputyIds } = await seededDb();
  const lists: IssueList[] = [];
  for (let i = 0; i < listCount; i++) {
    const input = sampleReception(deputyIds);
    input.issues[1] = { ...input.issues[1]!, handling: 'onSpot', onSpotAnswer: '当场答复' };
    await createReception(db, input, { dutyDayId: null });
    lists.push(...(await sealNow(db, new Date(2026, 2, 1 + i, 18))));
  }
  // Search keys are written in the background after each save; let that finish first.
  await termIndexingIdle(db);
  const station = (await getStation(db))!;
  const county = new FakeCounty(station.stationId);
  const clock = { now: Date.parse('2026-03-05T09:00:00+08:00') };
  const token = { value: '••••abcd' };
  const make = () =>
    new SyncEngine({
      db,
      send: county.send,
      tokenFingerprint: async () => token.value,
      now: () => clock.now,
      random: opts.random ?? (() => 0.5),
      timings: DEFAULT_TIMINGS,
      // Tests drive rounds by hand.
      setTimer: () => null,
      clearTimer: () => undefined,
    });
  return { db, county, engine: make(), clock, token, lists, restart: make };
}
