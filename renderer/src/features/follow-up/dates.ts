import { toLocalIso } from '../../../../shared/domain/time';

/** The value of a datetime-local input for an instant (local time, minutes). */
export function toInputValue(d: Date): string {
  return toLocalIso(d).slice(0, 16);
}

/** A datetime-local input's value as a local ISO timestamp; '' when empty or invalid. */
export function fromInputValue(value: string): string {
  const d = new Date(value);
  return value === '' || Number.isNaN(d.getTime()) ? '' : toLocalIso(d);
}
