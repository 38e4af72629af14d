import { formatTime } from '../../../../shared/domain/time';

/** 2026年3月5日 10:00 in the station's local time. */
export function formatStamp(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${formatTime(iso)}`;
}
