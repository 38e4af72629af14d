/** Live reads the duty-day screens share. undefined means "still loading". */
import type { Deputy, DutyDay } from '../../../../shared/domain/schemas';
import { dutyDayReadsRepo, getDb, stationRepo, useLiveQuery } from '../../db/startup';
import { todayBootSuperseded, useTodayAtBoot } from './todayPrefetch';

/** The open duty day; null when none is open. Until its live query answers, the read started at boot (todayPrefetch.ts). */
export function useOpenDutyDay(): DutyDay | null | undefined {
  const early = useTodayAtBoot();
  const live = useLiveQuery(async () => (await dutyDayReadsRepo.getOpenDutyDay(getDb())) ?? null, []);
  if (live !== undefined) todayBootSuperseded();
  return live !== undefined ? live : early?.open;
}

/** The duty day of a date (one per date); null when that date has none. */
export function useDutyDayOfDate(date: string): DutyDay | null | undefined {
  const early = useTodayAtBoot();
  const live = useLiveQuery(async () => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? ((await dutyDayReadsRepo.dutyDayOfDate(getDb(), date)) ?? null) : null), [date]);
  if (live !== undefined) todayBootSuperseded();
  return live !== undefined ? live : early?.date === date ? early.ofDate : undefined;
}

/** Active deputies only: the ones that can be ticked for a new duty day. */
export function useActiveDeputies(): Deputy[] | undefined {
  return useLiveQuery(() => stationRepo.listDeputies(getDb()), []);
}

/** The whole roster, inactive deputies included, so old records still show their names. */
export function useRoster(): Deputy[] | undefined {
  return useLiveQuery(() => stationRepo.listDeputies(getDb(), true), []);
}

export function deputyNames(roster: readonly Deputy[], ids: readonly string[]): string[] {
  const byId = new Map(roster.map((d) => [d.id, d.name]));
  return ids.map((id) => byId.get(id) ?? '（已删除的代表）');
}
