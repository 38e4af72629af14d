import type { StationSettings } from '../../../shared/domain/schemas';
import { getDb, stationRepo, useLiveQuery } from '../db/startup';
import { bootRead } from './bootRead';

const readStation = async () => (await stationRepo.getStation(getDb())) ?? null;

/** The station read at boot (../app/boot.ts), so the first screens need not wait for a render to start it. */
export const stationAtBoot = bootRead('the station', readStation);

/** undefined while loading, null before first run, the settings after. The app's gate reads it; screens take the gate's (./currentStation.ts). */
export function useStation(): StationSettings | null | undefined {
  return useLiveQuery(readStation, [], stationAtBoot.value());
}
