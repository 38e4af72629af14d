/** 设置 → 锁定与个人信息: idle lock minutes, retention of phone numbers, the consent notice. */
import { useState, type FormEvent } from 'react';
import { DEFAULT_RETENTION_MONTHS, type AccessSettings } from '../../../../shared/domain/access';
import { accessSettingsSchema } from '../../../../shared/domain/accessSchemas';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useSaving } from '../../ui/useSaving';
import { Field } from '../../ui/Field';
import { accessSettingsRepo, getDb, useLiveQuery } from '../../db';
import { T } from './strings';
import './access.css';

export function AccessSettingsForm() {
  const settings = useLiveQuery(() => accessSettingsRepo.getAccessSettings(getDb()), []);
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel settings-section" aria-labelledby="settings-access">
      <h2 id="settings-access">{T.accessTitle}</h2>
      {settings ? <AccessFields key={settings.updatedAt} settings={settings} saved={saved} setSaved={setSaved} /> : null}
    </section>
  );
}

type Errors = Partial<Record<'idleMinutes' | 'retentionMonths' | 'consentNotice', string>>;

function AccessFields({ settings, saved, setSaved }: { settings: AccessSettings; saved: boolean; setSaved: (v: boolean) => void }) {
  const [idle, setIdle] = useState(String(settings.idleMinutes));
  const [retentionOn, setRetentionOn] = useState(settings.retentionMonths !== null);
  const [months, setMonths] = useState(String(settings.retentionMonths ?? DEFAULT_RETENTION_MONTHS));
  const [notice, setNotice] = useState(settings.consentNotice);
  const [errors, setErrors] = useState<Errors>({});
  const { busy, failure, run } = useSaving('the access settings');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const candidate = {
      idleMinutes: idle.trim() === '' ? Number.NaN : Number(idle),
      retentionMonths: retentionOn ? (months.trim() === '' ? Number.NaN : Number(months)) : null,
      consentNotice: notice,
    };
    const parsed = accessSettingsSchema.safeParse(candidate);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof Errors;
        next[key] ??= issue.message;
      }
      return setErrors(next);
    }
    setErrors({});
    if (await run(() => accessSettingsRepo.updateAccessSettings(getDb(), parsed.data))) setSaved(true);
  }

  return (
    <form onSubmit={(e) => void submit(e)} onChange={() => setSaved(false)} noValidate>
      <div className="settings-station-grid">
        <Field label={T.idleMinutes} error={errors.idleMinutes} hint={T.idleHint} required>
          {(p) => <input {...p} type="number" min={1} max={240} step={1} value={idle} onChange={(e) => setIdle(e.target.value)} />}
        </Field>
        <div className="ui-field">
          <label>
            <input type="checkbox" checked={retentionOn} onChange={(e) => setRetentionOn(e.target.checked)} /> {T.retentionOn}
          </label>
        </div>
        {retentionOn ? (
          <Field label={T.retentionMonths} error={errors.retentionMonths} hint={T.retentionHint} required>
            {(p) => <input {...p} type="number" min={1} max={240} step={1} value={months} onChange={(e) => setMonths(e.target.value)} />}
          </Field>
        ) : null}
        <Field label={T.consentNotice} error={errors.consentNotice} hint={T.consentNoticeHint} required className="span-2">
          {(p) => <textarea {...p} rows={5} value={notice} onChange={(e) => setNotice(e.target.value)} />}
        </Field>
      </div>
      {failure ? <ErrorNotice message={T.saveFailed} error={failure} /> : null}
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? T.saving : T.save}
        </button>
        {saved ? (
          <span role="status" className="settings-saved">
            {T.saved}
          </span>
        ) : null}
      </div>
    </form>
  );
}
