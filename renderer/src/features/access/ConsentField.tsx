/**
 * 个人信息告知同意 on the reception form: the notice text from 设置 (folded open on demand)
 * and a required checkbox. Ticking it records which version of the notice was agreed to;
 * a reception that already has a consent shows when it was given (no checkbox to untick).
 */
import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ValidReceptionInput } from '../../../../shared/domain/schemas';
import { formatChineseDate, formatTime, dayKeyOfIso } from '../../../../shared/domain/time';
import { accessSettingsRepo, getDb, useLiveQuery } from '../../db';
import type { ReceptionFormValues } from '../reception/formModel';
import { T } from './strings';
import './access.css';

export function ConsentField({ form }: { form: UseFormReturn<ReceptionFormValues, unknown, ValidReceptionInput> }) {
  const settings = useLiveQuery(() => accessSettingsRepo.getAccessSettings(getDb()), []);
  const consent = form.watch('consent');
  const agreedAt = form.watch('consentAgreedAt');
  const version = form.watch('consentNoticeVersion');
  const error = form.formState.errors.consent?.message;

  // A fresh tick agrees to the notice shown now; a recorded consent keeps its version.
  useEffect(() => {
    if (!settings) return;
    if (consent && !agreedAt && version !== settings.noticeVersion) form.setValue('consentNoticeVersion', settings.noticeVersion);
    if (!consent && !agreedAt && version !== '') form.setValue('consentNoticeVersion', '');
  }, [settings, consent, agreedAt, version, form]);

  const recorded = consent && agreedAt !== '';
  return (
    <section className="panel consent-field" aria-labelledby="consent-title">
      <h2 id="consent-title" className="rc-section-title">
        个人信息告知
      </h2>
      <details>
        <summary>{T.consentShow}</summary>
        <p className="consent-notice">{settings?.consentNotice ?? ''}</p>
      </details>
      {recorded ? (
        <p className="ui-hint">✓ {T.consentRecorded(`${formatChineseDate(dayKeyOfIso(agreedAt))} ${formatTime(agreedAt)}`)}</p>
      ) : (
        <div className={error ? 'ui-field has-error' : 'ui-field'}>
          <label>
            <input type="checkbox" {...form.register('consent')} aria-invalid={Boolean(error)} aria-describedby={error ? 'consent-error' : undefined} />{' '}
            {T.consentLabel}
          </label>
          {error ? (
            <span id="consent-error" className="ui-error">
              {error}
            </span>
          ) : null}
        </div>
      )}
    </section>
  );
}
