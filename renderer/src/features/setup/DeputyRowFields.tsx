/** One editable roster row (name, level, unit, role), used by first run and by settings. */
import type { FieldErrors, UseFormRegisterReturn } from 'react-hook-form';
import { DEPUTY_LEVELS } from '../../../../shared/domain/enums';
import { Field } from '../../ui/Field';
import type { DeputyRowInput } from './setupForm';

type DeputyKey = keyof DeputyRowInput;

interface DeputyRowFieldsProps {
  /** Shown in the name label so that several rows stay distinguishable for screen readers. */
  ordinal?: number;
  /** register() bound to this row's path, so the row fits any form that holds a deputy. */
  field: (key: DeputyKey) => UseFormRegisterReturn;
  errors: FieldErrors<DeputyRowInput> | undefined;
}

export function DeputyRowFields({ ordinal, field, errors }: DeputyRowFieldsProps) {
  return (
    <>
      <Field label={ordinal ? `第 ${ordinal} 位代表姓名` : '代表姓名'} error={errors?.name?.message} required>
        {(p) => <input {...p} {...field('name')} autoComplete="off" />}
      </Field>
      <Field label="代表层级" error={errors?.level?.message} required>
        {(p) => (
          <select {...p} {...field('level')}>
            <option value="">请选择</option>
            {DEPUTY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}人大代表
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="工作单位" error={errors?.unit?.message}>
        {(p) => <input {...p} {...field('unit')} autoComplete="off" />}
      </Field>
      <Field label="站内职务（可不填）" error={errors?.role?.message}>
        {(p) => <input {...p} {...field('role')} autoComplete="off" placeholder="如 站长、联络员" />}
      </Field>
    </>
  );
}
