/**
 * The station's 履职积分 weights (设置 → 履职积分), one row of `settings` under its own
 * key; the defaults (docs/statistics.md) apply until the station saves its own.
 */
import type { Table } from 'dexie';
import { DEFAULT_POINT_WEIGHTS, pointWeightsSchema, type PointWeights } from '../../../../shared/domain/statistics/points';
import type { StationDb } from '../database';
import { addAudit } from './audit';

interface PointWeightsRow {
  key: 'pointWeights';
  value: PointWeights;
}

const KEY = 'pointWeights';

function table(db: StationDb): Table<PointWeightsRow, string> {
  return db.table<PointWeightsRow, string>('settings');
}

export async function getPointWeights(db: StationDb): Promise<PointWeights> {
  const row = await table(db).get(KEY);
  const parsed = pointWeightsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { ...DEFAULT_POINT_WEIGHTS };
}

export async function updatePointWeights(db: StationDb, input: unknown): Promise<PointWeights> {
  const value = pointWeightsSchema.parse(input);
  await db.transaction('rw', [db.settings, db.auditLog], async () => {
    const before = await getPointWeights(db);
    await table(db).put({ key: KEY, value });
    await addAudit(db, 'statistics.weights', 'station', KEY, { before, after: value });
  });
  return value;
}
