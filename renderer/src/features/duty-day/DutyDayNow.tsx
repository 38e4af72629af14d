/**
 * The open duty day, today's duty day and the deputies, read live once for the whole app
 * (app/App.tsx mounts the provider past the gate). Today, 开始接待日 and 结束接待日 take
 * them from here, so a screen opened again later shows them at once instead of reading
 * them again behind a "正在读取…"; and as the reads never stop, what they show is never
 * an old state (another window opening or closing the day reaches them as it happens).
 * Until the first live answers, the read started at boot (todayPrefetch.ts) stands in.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Deputy, DutyDay } from '../../../../shared/domain/schemas';
import { dayKey } from '../../../../shared/domain/time';
import { dutyDayReadsRepo, getDb, stationRepo, useLiveQuery } from '../../db/startup';
import { todayBootSuperseded, useTodayAtBoot } from './todayPrefetch';

export interface DutyDayNow {
  /** Today's date (YYYY-MM-DD), following the clock past midnight. */
  date: string;
  /** The open duty day; null when none is open; undefined while still reading. */
  open: DutyDay | null | undefined;
  /** The duty day of `date`, open or closed; null when that date has none. */
  ofDate: DutyDay | null | undefined;
  /** Every deputy, inactive ones included, in the station's order. */
  roster: Deputy[] | undefined;
}

const DutyDayNowContext = createContext<DutyDayNow | null>(null);

/** How often the date is looked at again, so a PC left on overnight moves to the new day. */
const DATE_CHECK_MS = 60_000;

function useTodayKey(): string {
  const [date, setDate] = useState(() => dayKey(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setDate(dayKey(new Date())), DATE_CHECK_MS);
    return () => clearInterval(timer);
  }, []);
  return date;
}

export function DutyDayNowProvider({ children }: { children: ReactNode }) {
  const date = useTodayKey();
  const early = useTodayAtBoot();
  const open = useLiveQuery(async () => (await dutyDayReadsRepo.getOpenDutyDay(getDb())) ?? null, []);
  // The answer carries its date: after midnight the previous date's answer is not today's.
  const ofDateRead = useLiveQuery(async () => ({ date, day: (await dutyDayReadsRepo.dutyDayOfDate(getDb(), date)) ?? null }), [date]);
  const roster = useLiveQuery(() => stationRepo.listDeputies(getDb(), true), []);
  const ofDateLive = ofDateRead?.date === date ? ofDateRead.day : undefined;
  const live = open !== undefined && ofDateLive !== undefined;
  useEffect(() => {
    if (live) todayBootSuperseded();
  }, [live]);
  const openNow = open !== undefined ? open : early?.open;
  const ofDateNow = ofDateLive !== undefined ? ofDateLive : early?.date === date ? early.ofDate : undefined;
  const value = useMemo<DutyDayNow>(() => ({ date, open: openNow, ofDate: ofDateNow, roster }), [date, openNow, ofDateNow, roster]);
  return <DutyDayNowContext.Provider value={value}>{children}</DutyDayNowContext.Provider>;
}

export function useDutyDayNow(): DutyDayNow {
  const now = useContext(DutyDayNowContext);
  if (!now) throw new Error('useDutyDayNow needs DutyDayNowProvider above it (app/App.tsx)');
  return now;
}
