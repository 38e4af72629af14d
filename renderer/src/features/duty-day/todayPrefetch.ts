/**
 * Today's duty-day reads (the open day, and today's day if it is closed) started at boot
 * beside 待办 (app/boot.ts): Today shows nothing but "正在读取…" until both are known, so
 * a read started by Today's first render would put one more round on every cold start.
 * The hooks in useDutyDayData.ts use this read until their own live queries answer.
 */
import { useEffect, useState } from 'react';
import type { DutyDay } from '../../../../shared/domain/schemas';
import { dayKey } from '../../../../shared/domain/time';
import { dutyDayReadsRepo, getDb } from '../../db/startup';
import { bootRead } from '../../state/bootRead';

export interface TodayAtBoot {
  open: DutyDay | null;
  /** The date `ofDate` is for (the day the read ran). */
  date: string;
  ofDate: DutyDay | null;
}

const todayAtBoot = bootRead<TodayAtBoot>("today's duty day", async () => {
  const db = getDb();
  const date = dayKey(new Date());
  const [open, ofDate] = await Promise.all([dutyDayReadsRepo.getOpenDutyDay(db), dutyDayReadsRepo.dutyDayOfDate(db, date)]);
  return { open: open ?? null, date, ofDate: ofDate ?? null };
});

export const prefetchToday: () => void = todayAtBoot.start;

// Once a live query has answered, the boot read is history: a day opened or closed since
// must never show its old state, even for one render.
let superseded = false;

/** Called by the hooks when their live query has answered. */
export function todayBootSuperseded(): void {
  superseded = true;
}

/** The boot read's value once it is done (re-rendering when it finishes); undefined if it was not started, failed or is stale. */
export function useTodayAtBoot(): TodayAtBoot | undefined {
  const [value, setValue] = useState(() => (superseded ? undefined : todayAtBoot.value()));
  useEffect(() => {
    if (value !== undefined || superseded) return;
    let active = true;
    void todayAtBoot.pending()?.then((v) => {
      if (active && v !== undefined) setValue(v);
    });
    return () => {
      active = false;
    };
  }, [value]);
  return superseded ? undefined : value;
}
