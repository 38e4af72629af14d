/**
 * A record time strictly after `previous` (the station clock's now, or previous + 1 ms):
 * two saves within one millisecond, or on a PC whose clock went backwards, still come in
 * order, so "the latest" is never a tie.
 */
import { toLocalIso } from '../../../shared/domain/time';

export function nextStamp(previous: string | undefined): string {
  const now = Date.now();
  const prev = previous ? Date.parse(previous) : Number.NaN;
  return toLocalIso(new Date(Number.isNaN(prev) || now > prev ? now : prev + 1));
}
