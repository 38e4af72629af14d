/** Chooses the report period: a month, a quarter, a year, or any range of days. */
import { useState } from 'react';
import { monthPeriod, periodSchema, quarterPeriod, yearPeriod, type Period, type PeriodKind } from '../../../../shared/domain/statistics/period';
import { T } from './strings';

const FIRST_YEAR = 2020;

export function defaultPeriod(now: Date): Period {
  return quarterPeriod(now.getFullYear(), Math.floor(now.getMonth() / 3) + 1);
}

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const [y, m] = value.from.split('-').map(Number) as [number, number];
  const [custom, setCustom] = useState({ from: value.from, to: value.to });
  const [error, setError] = useState('');
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: Math.max(1, thisYear - FIRST_YEAR + 2) }, (_, i) => FIRST_YEAR + i).reverse();

  function choose(kind: PeriodKind, year = y, month = m) {
    setError('');
    if (kind === 'month') onChange(monthPeriod(year, month));
    else if (kind === 'quarter') onChange(quarterPeriod(year, Math.floor((month - 1) / 3) + 1));
    else if (kind === 'year') onChange(yearPeriod(year));
    else {
      setCustom({ from: value.from, to: value.to });
      onChange({ kind: 'custom', from: value.from, to: value.to });
    }
  }

  function applyCustom() {
    const parsed = periodSchema.safeParse({ kind: 'custom', ...custom });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '');
      return;
    }
    setError('');
    onChange(parsed.data);
  }

  return (
    <fieldset className="stats-period no-print">
      <legend>{T.period}</legend>
      <div className="stats-period-kinds" role="radiogroup" aria-label={T.period}>
        {(Object.keys(T.periodKinds) as PeriodKind[]).map((kind) => (
          <label key={kind}>
            <input type="radio" name="stats-period-kind" checked={value.kind === kind} onChange={() => choose(kind)} />
            {T.periodKinds[kind]}
          </label>
        ))}
      </div>
      {value.kind !== 'custom' ? (
        <div className="stats-period-fields">
          <label>
            {T.year}
            <select value={y} onChange={(e) => choose(value.kind, Number(e.target.value), m)}>
              {years.map((year) => (
                <option key={year} value={year}>
                  {T.yearN(year)}
                </option>
              ))}
            </select>
          </label>
          {value.kind === 'quarter' ? (
            <label>
              {T.quarter}
              <select value={Math.floor((m - 1) / 3) + 1} onChange={(e) => choose('quarter', y, (Number(e.target.value) - 1) * 3 + 1)}>
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>
                    {T.quarterN(q)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {value.kind === 'month' ? (
            <label>
              {T.month}
              <select value={m} onChange={(e) => choose('month', y, Number(e.target.value))}>
                {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
                  <option key={month} value={month}>
                    {T.monthN(month)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      ) : (
        <div className="stats-period-fields">
          <label>
            {T.from}
            <input type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
          </label>
          <label>
            {T.to}
            <input type="date" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          </label>
          <button type="button" onClick={applyCustom}>
            {T.apply}
          </button>
          {error ? (
            <span className="field-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      )}
    </fieldset>
  );
}
