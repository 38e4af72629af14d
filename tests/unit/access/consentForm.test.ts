import { describe, expect, it } from 'vitest';
import { newReceptionValues, toReceptionCandidate, valuesFromReception, type ReceptionFormValues } from '../../../renderer/src/features/reception/formModel';
import { receptionResolver } from '../../../renderer/src/features/reception/formResolver';
import { SAMPLE_RECEPTION, sampleIssue } from '../../fixtures/migrationSample';

const DEPUTY = '0190f0a0-0000-7000-8000-0000000000d1';

function filled(overrides: Partial<ReceptionFormValues> = {}): ReceptionFormValues {
  const values = newReceptionValues([DEPUTY], new Date('2026-03-01T09:00:00+08:00'));
  return {
    ...values,
    visitors: [{ name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司', position: '' }],
    issues: [{ ...values.issues[0]!, category: '用电用水', summary: '厂房扩建后用电容量不足', handling: 'stationFollowUp' }],
    ...overrides,
  };
}

const resolve = (values: ReceptionFormValues) =>
  receptionResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false, criteriaMode: 'firstError', names: [] });

describe('consent on the reception form', () => {
  it('a form without the consent tick does not validate, and says why in Chinese', async () => {
    const result = await resolve(filled());
    expect(result.errors.consent?.message).toBe('请先向来访人告知个人信息的使用方式，并在来访人同意后勾选');
    expect(result.values).toEqual({});
  });

  it('a ticked form validates and carries which notice was agreed to, and when', async () => {
    const result = await resolve(filled({ consent: true, consentNoticeVersion: '2026-01-05T09:00:00.000+08:00' }));
    expect(result.errors).toEqual({});
    const consent = (result.values as { consent?: { agreedAt: string; noticeVersion: string } }).consent;
    expect(consent?.noticeVersion).toBe('2026-01-05T09:00:00.000+08:00');
    expect(Number.isNaN(Date.parse(consent!.agreedAt))).toBe(false);
  });

  it('a reception with a recorded consent keeps it through the form; one without has the box unticked', () => {
    const consent = { agreedAt: '2026-02-10T10:00:00.000+08:00', noticeVersion: '1970-01-01T08:00:00.000+08:00' };
    const withConsent = valuesFromReception({ ...SAMPLE_RECEPTION, consent }, [sampleIssue(1)]);
    expect(withConsent.consent).toBe(true);
    expect(toReceptionCandidate(withConsent).consent).toEqual(consent);
    const without = valuesFromReception(SAMPLE_RECEPTION, [sampleIssue(1)]);
    expect(without.consent).toBe(false);
    expect(toReceptionCandidate(without).consent).toBeUndefined();
  });
});
