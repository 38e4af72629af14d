import { cstDateKey } from '../../../../shared/domain/workingDays';
import { formatChineseDate } from '../../../../shared/domain/time';

/** A county date (China Standard Time), e.g. 2026年3月9日. */
export function formatDay(iso: string): string {
  return formatChineseDate(cstDateKey(new Date(iso)));
}
