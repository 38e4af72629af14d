/** `datetime-local` value for a moment `days` ago, in the browser's (Asia/Shanghai) time. */
export function daysAgoLocal(days: number): string {
  const at = new Date(Date.now() - days * 24 * 3600 * 1000 + 8 * 3600 * 1000);
  return at.toISOString().slice(0, 16);
}
