/** One issue: category, handling mode, suggested department, summary, request and on-the-spot answer. */
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { HANDLING_LABELS, HANDLING_MODES } from '../../../../shared/domain/enums';
import type { ValidReceptionInput } from '../../../../shared/domain/schemas';
import { Field } from '../../ui/Field';
import type { ReceptionFormValues } from './formModel';
import { T } from './strings';

interface Props {
  form: UseFormReturn<ReceptionFormValues, unknown, ValidReceptionInput>;
  index: number;
  count: number;
  categories: string[];
  departmentListId: string;
  onRemove: (index: number) => void;
}

export function IssueCard({ form, index, count, categories, departmentListId, onRemove }: Props) {
  const { register, control, formState } = form;
  const e = formState.errors.issues?.[index];
  const category = useWatch({ control, name: `issues.${index}.category` });
  const handling = useWatch({ control, name: `issues.${index}.handling` });
  // A category retired from the list still shows on the records that used it.
  const options = category && !categories.includes(category) ? [category, ...categories] : categories;
  const handlingErrorId = `rc-issue-${index}-handling-error`;
  return (
    <div className="rc-issue" role="group" aria-labelledby={`rc-issue-${index}-title`}>
      <div className="rc-issue-head">
        <h3 id={`rc-issue-${index}-title`}>{T.issueN(index + 1)}</h3>
        <button
          type="button"
          className="rc-remove"
          onClick={() => onRemove(index)}
          disabled={count === 1}
          aria-label={T.removeIssue(index + 1)}
          title={T.removeIssue(index + 1)}
        >
          删除
        </button>
      </div>
      <div className="rc-issue-row">
        <Field label={T.category} required error={e?.category?.message} className="rc-category">
          {(p) => (
            <select {...p} {...register(`issues.${index}.category`)}>
              <option value="">{T.chooseCategory}</option>
              {options.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset
          className={`rc-choice rc-handling${e?.handling ? ' has-error' : ''}`}
          aria-describedby={e?.handling ? handlingErrorId : undefined}
        >
          <legend>
            {T.handling}
            <span className="ui-required" aria-hidden="true">
              {' '}
              *
            </span>
          </legend>
          <div className="rc-chips">
            {HANDLING_MODES.map((m) => (
              <label key={m} className="rc-chip">
                <input
                  type="radio"
                  value={m}
                  aria-invalid={Boolean(e?.handling)}
                  {...register(`issues.${index}.handling`)}
                />
                <span>{HANDLING_LABELS[m]}</span>
              </label>
            ))}
          </div>
          {e?.handling ? (
            <span id={handlingErrorId} className="ui-error" role="alert">
              {e.handling.message}
            </span>
          ) : null}
        </fieldset>
        <Field label={T.department} error={e?.suggestedDepartment?.message} className="rc-department">
          {(p) => (
            <input
              list={departmentListId}
              autoComplete="off"
              placeholder={T.departmentHint}
              {...p}
              {...register(`issues.${index}.suggestedDepartment`)}
            />
          )}
        </Field>
      </div>
      <Field label={T.summary} required error={e?.summary?.message}>
        {(p) => <textarea rows={2} {...p} {...register(`issues.${index}.summary`)} />}
      </Field>
      <div className="rc-issue-pair">
        <Field label={T.request} error={e?.request?.message}>
          {(p) => <textarea rows={2} {...p} {...register(`issues.${index}.request`)} />}
        </Field>
        <Field label={T.onSpotAnswer} required={handling === 'onSpot'} error={e?.onSpotAnswer?.message}>
          {(p) => <textarea rows={2} {...p} {...register(`issues.${index}.onSpotAnswer`)} />}
        </Field>
      </div>
    </div>
  );
}
