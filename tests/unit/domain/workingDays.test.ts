import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_2026_CALENDAR as CAL } from '../../../shared/domain/calendars/cn2026';
import { addWorkingDays, cstDateKey, deadlineColour, isWorkingDay, workingDaysBetween } from '../../../shared/domain/workingDays';

/** A county deadline as the endpoint sends it: an instant in UTC. */
const cst = (local: string) => new Date(`${local}+08:00`);

describe('working days on the county calendar', () => {
  it('knows weekends, 法定节假日 and 调休 make-up days', () => {
    expect(isWorkingDay(CAL, '2026-12-04')).toBe(true); // Friday
    expect(isWorkingDay(CAL, '2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay(CAL, '2026-10-01')).toBe(false); // 国庆, a Thursday
    expect(isWorkingDay(CAL, '2026-10-10')).toBe(true); // 调休 Saturday
    expect(isWorkingDay(CAL, '2026-02-14')).toBe(true); // 调休 Saturday before 春节
  });

  it('counts working days after today up to the deadline', () => {
    expect(workingDaysBetween(CAL, '2026-12-04', '2026-12-04')).toBe(0);
    expect(workingDaysBetween(CAL, '2026-12-04', '2026-12-07')).toBe(1); // over a weekend
    expect(workingDaysBetween(CAL, '2026-09-30', '2026-10-08')).toBe(1); // over 国庆
    expect(workingDaysBetween(CAL, '2026-09-30', '2026-10-10')).toBe(3); // 8th, 9th and the 调休 Saturday
    expect(addWorkingDays(CAL, '2026-09-30', 1)).toBe('2026-10-08');
  });

  it('reads a deadline on the China calendar date, whatever the instant', () => {
    expect(cstDateKey(new Date('2026-12-04T16:30:00Z'))).toBe('2026-12-05');
    expect(cstDateKey(new Date('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
  });
});

describe('三色督办 colours at the edges', () => {
  const now = cst('2026-12-04T10:00:00'); // Friday morning

  it('a deadline later today is yellow; one earlier today has passed: red', () => {
    expect(deadlineColour(CAL, cst('2026-12-04T17:00:00').toISOString(), now)).toBe('yellow');
    expect(deadlineColour(CAL, cst('2026-12-04T09:59:00').toISOString(), now)).toBe('red');
  });

  it('a deadline yesterday is red', () => {
    expect(deadlineColour(CAL, cst('2026-12-03T17:00:00').toISOString(), now)).toBe('red');
  });

  it('over a weekend: Tuesday is 2 working days away (yellow), Wednesday 3 (green)', () => {
    expect(deadlineColour(CAL, cst('2026-12-08T17:00:00').toISOString(), now)).toBe('yellow');
    expect(deadlineColour(CAL, cst('2026-12-09T09:00:00').toISOString(), now)).toBe('green');
  });

  it('over a holiday: seven calendar days off still leave the deadline yellow', () => {
    const before = cst('2026-09-30T10:00:00');
    expect(deadlineColour(CAL, cst('2026-10-09T17:00:00').toISOString(), before)).toBe('yellow');
    // The 调休 Saturday counts: the 12th is the fourth working day.
    expect(deadlineColour(CAL, cst('2026-10-10T17:00:00').toISOString(), before)).toBe('green');
    expect(deadlineColour(CAL, cst('2026-10-12T17:00:00').toISOString(), before)).toBe('green');
  });

  it('never green inside two working days, never red before the deadline (any instants)', () => {
    const instant = fc.integer({ min: Date.parse('2025-12-20T00:00:00Z'), max: Date.parse('2027-01-10T00:00:00Z') });
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const now = new Date(a);
        const due = new Date(b);
        const colour = deadlineColour(CAL, due.toISOString(), now);
        if (b < a) return colour === 'red';
        const left = workingDaysBetween(CAL, cstDateKey(now), cstDateKey(due));
        return colour === (left <= 2 ? 'yellow' : 'green');
      }),
    );
  });
});
