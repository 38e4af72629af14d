/** Live reads the duty-day screens share. undefined means "still loading". */
import { useMemo } from 'react';
import type { Deputy, DutyDay } from '../../../../shared/domain/schemas';
import { dutyDayReadsRepo, getDb, useLiveQuery } from '../../db/startup';
import { useDutyDayNow } from './DutyDayNow';

/** The open duty day; null when none is open (read once for the app, DutyDayNow.tsx). */
export function useOpenDutyDay(): DutyDay | null | undefined {
  return useDutyDayNow().open;
}

/** Today's date and its duty day (one per date); null when today has none. */
export function useTodayDutyDay(): { date: string; day: DutyDay | null | undefined } {
  const now = useDutyDayNow();
  return { date: now.date, day: now.ofDate };
}

/** The duty day of any date (one per date); null when that date has none. */
export function useDutyDayOfDate(date: string): DutyDay | null | undefined {
  const now = useDutyDayNow();
  const live = useLiveQuery(
    async () => ({ date, day: /^\d{4}-\d{2}-\d{2}$/.test(date) ? ((await dutyDayReadsRepo.dutyDayOfDate(getDb(), date)) ?? null) : null }),
    [date],
  );
  if (live?.date === date) return live.day;
  // Today's is known already: shown until this date's own read answers.
  return now.date === date ? now.ofDate : undefined;
}

/** Active deputies only: the ones that can be ticked for a new duty day. */
export function useActiveDeputies(): Deputy[] | undefined {
  const roster = useDutyDayNow().roster;
  return useMemo(() => roster?.filter((d) => d.active), [roster]);
}

/** The whole roster, inactive deputies included, so old records still show their names. */
export function useRoster(): Deputy[] | undefined {
  return useDutyDayNow().roster;
}

export function deputyNames(roster: readonly Deputy[], ids: readonly string[]): string[] {
  const byId = new Map(roster.map((d) => [d.id, d.name]));
  return ids.map((id) => byId.get(id) ?? '（已删除的代表）');
}
