import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinRetryDelayMs, retentionCutoff } from '../../../shared/domain/access';
import { accessSettingsSchema, pinSchema } from '../../../shared/domain/accessSchemas';

describe('PIN shape', () => {
  it('accepts exactly 4 to 6 ASCII digits, whatever else is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10, unit: 'grapheme-composite' }), (typed) => pinSchema.safeParse(typed).success === /^[0-9]{4,6}$/.test(typed)),
    );
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{4,6}$/), (pin) => pinSchema.safeParse(pin).success));
    // Full-width and Arabic-Indic digits are digits to \d in some engines, never here.
    expect(pinSchema.safeParse('１２３４').success).toBe(false);
    expect(pinSchema.safeParse('١٢٣٤').success).toBe(false);
  });
});

describe('wrong-PIN delay', () => {
  it('lets three mistypes pass, then doubles from 30 s up to 15 minutes and never shrinks', () => {
    expect([0, 1, 2].map(pinRetryDelayMs)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map(pinRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(pinRetryDelayMs(50)).toBe(15 * 60_000);
    fc.assert(fc.property(fc.nat(1000), (n) => pinRetryDelayMs(n + 1) >= pinRetryDelayMs(n)));
  });
});

describe('retention cutoff', () => {
  it('goes back whole calendar months, ending on the month’s last day when the day does not exist', () => {
    expect(retentionCutoff(new Date(2026, 11, 4, 9, 0), 24)).toEqual(new Date(2024, 11, 4, 9, 0));
    expect(retentionCutoff(new Date(2026, 2, 31, 12, 0), 1)).toEqual(new Date(2026, 1, 28, 12, 0));
    expect(retentionCutoff(new Date(2024, 4, 31, 12, 0), 3)).toEqual(new Date(2024, 1, 29, 12, 0));
  });
});

describe('access settings', () => {
  it('takes minutes and months in range, and retention off as null', () => {
    const notice = '本联络站记录您的联系电话,仅用于问题办理和回访。';
    expect(accessSettingsSchema.parse({ idleMinutes: 1, consentNotice: notice, retentionMonths: null }).retentionMonths).toBeNull();
    expect(accessSettingsSchema.safeParse({ idleMinutes: 0, consentNotice: notice, retentionMonths: 24 }).success).toBe(false);
    expect(accessSettingsSchema.safeParse({ idleMinutes: 10, consentNotice: '', retentionMonths: 24 }).success).toBe(false);
    expect(accessSettingsSchema.safeParse({ idleMinutes: 10, consentNotice: notice, retentionMonths: 0 }).success).toBe(false);
  });
});
