import type { StationSettings } from '../../../shared/domain/schemas';
import { getDb, stationRepo, useLiveQuery } from '../db';

/** undefined while loading, null before first run, the settings after. */
export function useStation(): StationSettings | null | undefined {
  return useLiveQuery(async () => (await stationRepo.getStation(getDb())) ?? null, []);
}
