/** Date range, category, status and handling filters of the history search. */
import { useId } from 'react';
import {
  HANDLING_LABELS,
  HANDLING_MODES,
  ISSUE_STATUSES,
  ISSUE_STATUS_LABELS,
  type HandlingMode,
  type IssueStatus,
} from '../../../../shared/domain/enums';
import { getDb, stationRepo, useLiveQuery } from '../../db';
import type { HistoryFilters } from './historyStore';
import { T } from './strings';

interface FilterBarProps {
  filters: HistoryFilters;
  dateError: string | null;
  onChange: <K extends keyof HistoryFilters>(key: K, value: HistoryFilters[K]) => void;
  onClear: () => void;
}

export function FilterBar({ filters, dateError, onChange, onClear }: FilterBarProps) {
  const id = useId();
  // Retired categories stay selectable: old issues still carry them.
  const categories = useLiveQuery(() => stationRepo.listEntries(getDb(), 'categories', true), []) ?? [];
  const names = [...new Set(categories.map((c) => c.name))];
  if (filters.category && !names.includes(filters.category)) names.push(filters.category);

  return (
    <div className="history-filters" role="group" aria-label="筛选条件">
      <div className="ui-field">
        <label htmlFor={`${id}-from`}>{T.from}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          aria-invalid={Boolean(dateError)}
          aria-describedby={dateError ? `${id}-date-error` : undefined}
          onChange={(e) => onChange('from', e.target.value)}
        />
      </div>
      <div className="ui-field">
        <label htmlFor={`${id}-to`}>{T.to}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          aria-invalid={Boolean(dateError)}
          aria-describedby={dateError ? `${id}-date-error` : undefined}
          onChange={(e) => onChange('to', e.target.value)}
        />
      </div>
      <div className="ui-field">
        <label htmlFor={`${id}-category`}>{T.category}</label>
        <select id={`${id}-category`} value={filters.category} onChange={(e) => onChange('category', e.target.value)}>
          <option value="">{T.any}</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="ui-field">
        <label htmlFor={`${id}-status`}>{T.status}</label>
        <select
          id={`${id}-status`}
          value={filters.status}
          onChange={(e) => onChange('status', e.target.value as IssueStatus | '')}
        >
          <option value="">{T.any}</option>
          {ISSUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ISSUE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="ui-field">
        <label htmlFor={`${id}-handling`}>{T.handling}</label>
        <select
          id={`${id}-handling`}
          value={filters.handling}
          onChange={(e) => onChange('handling', e.target.value as HandlingMode | '')}
        >
          <option value="">{T.any}</option>
          {HANDLING_MODES.map((h) => (
            <option key={h} value={h}>
              {HANDLING_LABELS[h]}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="history-clear" onClick={onClear}>
        {T.clear}
      </button>
      {dateError ? (
        <p id={`${id}-date-error`} className="ui-error history-date-error" role="alert">
          {dateError}
        </p>
      ) : null}
    </div>
  );
}
