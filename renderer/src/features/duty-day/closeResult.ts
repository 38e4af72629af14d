/**
 * What closing a duty day returned. Closing may also seal the day's issue list; the
 * result then carries `list.label` (e.g. 〔2026〕第7号). Read it defensively so this
 * screen works with or without sealing.
 */
import type { DutyDaySummary } from '../../../../shared/domain/dutyDaySummary';
import type { DutyDay } from '../../../../shared/domain/schemas';

export interface CloseOutcome {
  day: DutyDay;
  summary: DutyDaySummary;
  listLabel: string | null;
}

export function toCloseOutcome(result: { day: DutyDay; summary: DutyDaySummary }): CloseOutcome {
  const list = (result as { list?: unknown }).list;
  const label =
    list && typeof list === 'object' && typeof (list as { label?: unknown }).label === 'string'
      ? (list as { label: string }).label
      : null;
  return { day: result.day, summary: result.summary, listLabel: label };
}
