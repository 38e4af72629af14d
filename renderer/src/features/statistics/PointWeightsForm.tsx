/** 设置 → 履职积分: the points each kind of deputy work earns (docs/statistics.md). */
import { useState, type FormEvent } from 'react';
import { DEFAULT_POINT_WEIGHTS, POINT_KINDS, POINT_KIND_LABELS, pointWeightsSchema, type PointKind, type PointWeights } from '../../../../shared/domain/statistics/points';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useSaving } from '../../ui/useSaving';
import { Field } from '../../ui/Field';
import { getDb, pointWeightsRepo, useLiveQuery } from '../../db';
import { T } from './strings';

export function PointWeightsForm() {
  const weights = useLiveQuery(() => pointWeightsRepo.getPointWeights(getDb()), []);
  // Kept here: saving changes the weights, which starts the fields afresh.
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel settings-section" aria-labelledby="settings-points">
      <h2 id="settings-points">{T.weightsTitle}</h2>
      <p className="muted">{T.weightsHint}</p>
      {weights ? <WeightFields key={JSON.stringify(weights)} weights={weights} saved={saved} setSaved={setSaved} /> : null}
    </section>
  );
}

function WeightFields({ weights, saved, setSaved }: { weights: PointWeights; saved: boolean; setSaved: (v: boolean) => void }) {
  const [values, setValues] = useState<Record<PointKind, string>>(() => Object.fromEntries(POINT_KINDS.map((k) => [k, String(weights[k])])) as Record<PointKind, string>);
  const [errors, setErrors] = useState<Partial<Record<PointKind, string>>>({});
  const { busy, failure, run } = useSaving('the point weights');

  async function save(candidate: Record<PointKind, string>) {
    const parsed = pointWeightsSchema.safeParse(Object.fromEntries(POINT_KINDS.map((k) => [k, candidate[k].trim() === '' ? Number.NaN : candidate[k]])));
    if (!parsed.success) {
      const next: Partial<Record<PointKind, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as PointKind] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    if (await run(() => pointWeightsRepo.updatePointWeights(getDb(), parsed.data))) setSaved(true);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save(values);
  }

  function reset() {
    const defaults = Object.fromEntries(POINT_KINDS.map((k) => [k, String(DEFAULT_POINT_WEIGHTS[k])])) as Record<PointKind, string>;
    setValues(defaults);
    void save(defaults);
  }

  return (
    <form onSubmit={submit} onChange={() => setSaved(false)} noValidate>
      <div className="settings-station-grid">
        {POINT_KINDS.map((k) => (
          <Field key={k} label={POINT_KIND_LABELS[k]} error={errors[k]} required>
            {(p) => <input {...p} type="number" min={0} max={100} step={0.1} value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />}
          </Field>
        ))}
      </div>
      {failure ? <ErrorNotice message={T.saveFailed} error={failure} /> : null}
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={busy}>
          {T.weightsSave}
        </button>
        <button type="button" onClick={reset} disabled={busy}>
          {T.weightsReset}
        </button>
        {saved ? (
          <span role="status" className="settings-saved">
            {T.weightsSaved}
          </span>
        ) : null}
      </div>
    </form>
  );
}
