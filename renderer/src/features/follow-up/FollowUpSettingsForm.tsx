/** 设置 → 待办提醒: after how many days without progress a 联络站协调 issue is listed in 待办. */
import { useState, type FormEvent } from 'react';
import {
  DEFAULT_STALE_FOLLOW_UP_DAYS,
  MAX_STALE_FOLLOW_UP_DAYS,
  MIN_STALE_FOLLOW_UP_DAYS,
  type FollowUpSettings,
} from '../../../../shared/domain/followUpSettings';
import { followUpSettingsSchema } from '../../../../shared/domain/followUpSchemas';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useSaving } from '../../ui/useSaving';
import { followUpSettingsRepo, getDb, useLiveQuery } from '../../db';
import { F } from './strings';

const T = F.settings;

export function FollowUpSettingsForm() {
  const settings = useLiveQuery(() => followUpSettingsRepo.getFollowUpSettings(getDb()), []);
  // Kept here: saving changes the settings, which starts the field afresh.
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel settings-section" aria-labelledby="settings-follow-up">
      <h2 id="settings-follow-up">{T.title}</h2>
      <p className="muted">{T.intro}</p>
      {settings ? <FollowUpFields key={settings.staleFollowUpDays} settings={settings} saved={saved} setSaved={setSaved} /> : null}
    </section>
  );
}

function FollowUpFields({ settings, saved, setSaved }: { settings: FollowUpSettings; saved: boolean; setSaved: (v: boolean) => void }) {
  const [days, setDays] = useState(String(settings.staleFollowUpDays));
  const [error, setError] = useState<string | undefined>(undefined);
  const { busy, failure, run } = useSaving('the follow-up settings');

  async function save(candidate: string) {
    const parsed = followUpSettingsSchema.safeParse({ staleFollowUpDays: candidate.trim() === '' ? Number.NaN : candidate });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    if (await run(() => followUpSettingsRepo.updateFollowUpSettings(getDb(), parsed.data))) setSaved(true);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save(days);
  }

  function reset() {
    setDays(String(DEFAULT_STALE_FOLLOW_UP_DAYS));
    void save(String(DEFAULT_STALE_FOLLOW_UP_DAYS));
  }

  return (
    <form onSubmit={submit} onChange={() => setSaved(false)} noValidate>
      <div className="settings-station-grid">
        <Field label={T.staleDays} error={error} hint={T.staleDaysHint(MIN_STALE_FOLLOW_UP_DAYS, MAX_STALE_FOLLOW_UP_DAYS, DEFAULT_STALE_FOLLOW_UP_DAYS)} required>
          {(p) => (
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={MIN_STALE_FOLLOW_UP_DAYS}
              max={MAX_STALE_FOLLOW_UP_DAYS}
              step={1}
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          )}
        </Field>
      </div>
      {failure ? <ErrorNotice message={F.failed} error={failure} /> : null}
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? T.saving : T.save}
        </button>
        <button type="button" onClick={reset} disabled={busy}>
          {T.reset(DEFAULT_STALE_FOLLOW_UP_DAYS)}
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
