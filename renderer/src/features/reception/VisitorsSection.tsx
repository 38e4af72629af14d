/** Visitors 1..n. A new visitor starts with the first visitor's enterprise: they usually come together. */
import type { FieldArrayWithId, UseFormReturn } from 'react-hook-form';
import type { ValidReceptionInput } from '../../../../shared/domain/schemas';
import { Field } from '../../ui/Field';
import type { ReceptionFormValues } from './formModel';
import { T } from './strings';

interface Props {
  form: UseFormReturn<ReceptionFormValues, unknown, ValidReceptionInput>;
  fields: FieldArrayWithId<ReceptionFormValues, 'visitors'>[];
  onAdd: () => void;
  onRemove: (index: number) => void;
}

export function VisitorsSection({ form, fields, onAdd, onRemove }: Props) {
  const { register, formState } = form;
  const errors = formState.errors.visitors;
  return (
    <section className="rc-panel" aria-labelledby="rc-visitors-title">
      <div className="rc-section-head">
        <h2 id="rc-visitors-title">{T.visitors}</h2>
        <button type="button" onClick={onAdd} aria-keyshortcuts="Alt+V">
          + {T.addVisitor} <kbd>{T.shortcutVisitor}</kbd>
        </button>
      </div>
      {fields.map((field, index) => {
        const e = errors?.[index];
        return (
          <div key={field.id} className="rc-visitor" role="group" aria-label={T.visitorN(index + 1)}>
            <span className="rc-row-no" aria-hidden="true">
              {index + 1}
            </span>
            <Field label={T.visitorName} required error={e?.name?.message}>
              {(p) => <input autoComplete="off" {...p} {...register(`visitors.${index}.name`)} />}
            </Field>
            <Field label={T.visitorPhone} error={e?.phone?.message}>
              {(p) => <input inputMode="tel" autoComplete="off" {...p} {...register(`visitors.${index}.phone`)} />}
            </Field>
            <Field label={T.visitorEnterprise} error={e?.enterprise?.message} className="rc-wide">
              {(p) => <input autoComplete="off" {...p} {...register(`visitors.${index}.enterprise`)} />}
            </Field>
            <Field label={T.visitorPosition} error={e?.position?.message}>
              {(p) => <input autoComplete="off" {...p} {...register(`visitors.${index}.position`)} />}
            </Field>
            <button
              type="button"
              className="rc-remove"
              onClick={() => onRemove(index)}
              disabled={fields.length === 1}
              aria-label={T.removeVisitor(index + 1)}
              title={T.removeVisitor(index + 1)}
            >
              删除
            </button>
          </div>
        );
      })}
    </section>
  );
}
