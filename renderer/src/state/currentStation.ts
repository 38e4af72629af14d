/**
 * The station, as the app's gate reads it (app/App.tsx provides it to everything past
 * first run). Screens take it from here instead of each starting a live query of their
 * own: a screen opened later then never renders once without it (the boot read expires
 * after a few seconds, so a screen's own query began at undefined), and it changes when
 * the station is edited, as the gate's query does.
 */
import { createContext, useContext } from 'react';
import type { StationSettings } from '../../../shared/domain/schemas';

export const CurrentStation = createContext<StationSettings | null>(null);

/** The station past first run; null outside the gate. */
export function useCurrentStation(): StationSettings | null {
  return useContext(CurrentStation);
}
