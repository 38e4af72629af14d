/**
 * What closing a duty day returned, reduced to what the screen shows. Closing also
 * seals the day's new issues into numbered issue lists (e.g. 〔2026〕第7号).
 */
import type { DutyDaySummary } from '../../../../shared/domain/dutyDaySummary';
import type { DutyDay } from '../../../../shared/domain/schemas';
import type { dutyDaysRepo } from '../../db';

export interface SealedListInfo {
  id: string;
  number: string;
  issues: number;
  amendments: number;
}

export interface CloseOutcome {
  day: DutyDay;
  summary: DutyDaySummary;
  lists: SealedListInfo[];
}

type CloseResult = Awaited<ReturnType<typeof dutyDaysRepo.closeDutyDay>>;

export function toCloseOutcome(result: CloseResult): CloseOutcome {
  return {
    day: result.day,
    summary: result.summary,
    lists: result.lists.map((l) => ({ id: l.id, number: l.number, issues: l.issueIds.length, amendments: l.amendments })),
  };
}
