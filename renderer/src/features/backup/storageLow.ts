/** When the app warns that space is running out (pure, so it is tested without a browser). */

/** Below this much room left, the app warns: a few days of receptions and an automatic backup. */
export const LOW_SPACE_BYTES = 500 * 1024 * 1024;

/** Low when the browser's quota or the disk leaves less than LOW_SPACE_BYTES; unknown figures never warn. */
export function isLow(usage: number | null, quota: number | null, disk: { free: number } | null): boolean {
  const room = Math.min(quota !== null && usage !== null ? quota - usage : Infinity, disk ? disk.free : Infinity);
  return room < LOW_SPACE_BYTES;
}
