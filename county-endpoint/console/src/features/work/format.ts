/** Dates as the county reads them: China Standard Time, whatever the PC's zone. */
export function formatDay(iso: string | null, none: string): string {
  if (!iso) return none;
  return new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
}

export function formatMinute(iso: string | null, none: string): string {
  if (!iso) return none;
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
