/** The reception's frame: how the visitor came, when, and which deputies received them. */
import { Controller, type UseFormReturn } from 'react-hook-form';
import { CHANNELS, CHANNEL_LABELS } from '../../../../shared/domain/enums';
import type { Deputy, ValidReceptionInput } from '../../../../shared/domain/schemas';
import { Field } from '../../ui/Field';
import type { ReceptionFormValues } from './formModel';
import { T } from './strings';

interface Props {
  form: UseFormReturn<ReceptionFormValues, unknown, ValidReceptionInput>;
  deputies: Deputy[];
}

export function HeaderFields({ form, deputies }: Props) {
  const { register, control, formState } = form;
  const errors = formState.errors;
  return (
    <section className="rc-panel rc-header" aria-label="接待基本信息">
      <fieldset className="rc-choice">
        <legend>{T.channel}</legend>
        <div className="rc-chips">
          {CHANNELS.map((c) => (
            <label key={c} className="rc-chip">
              <input type="radio" value={c} {...register('channel')} />
              <span>{CHANNEL_LABELS[c]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={T.receivedAt} required error={errors.receivedAt?.message} className="rc-time">
        {(p) => <input type="datetime-local" step={60} {...p} {...register('receivedAt')} />}
      </Field>
      <Controller
        control={control}
        name="deputyIds"
        render={({ field, fieldState }) => {
          const errorId = 'rc-deputies-error';
          const selected = new Set(field.value);
          const shown = deputies.filter((d) => d.active || selected.has(d.id));
          return (
            <fieldset
              className={`rc-choice rc-deputies${fieldState.error ? ' has-error' : ''}`}
              aria-describedby={fieldState.error ? errorId : 'rc-deputies-hint'}
            >
              <legend>
                {T.deputies}
                <span className="ui-required" aria-hidden="true">
                  {' '}
                  *
                </span>
              </legend>
              {shown.length === 0 ? <p className="warning">{T.noDeputies}</p> : null}
              <div className="rc-chips">
                {shown.map((d, index) => (
                  <label key={d.id} className="rc-chip">
                    <input
                      type="checkbox"
                      ref={index === 0 ? field.ref : undefined}
                      checked={selected.has(d.id)}
                      aria-invalid={Boolean(fieldState.error)}
                      onBlur={field.onBlur}
                      onChange={(e) => {
                        const next = e.target.checked
                          ? shown.filter((x) => x.id === d.id || selected.has(x.id)).map((x) => x.id)
                          : field.value.filter((id) => id !== d.id);
                        field.onChange(next);
                      }}
                    />
                    <span>{d.name}</span>
                  </label>
                ))}
              </div>
              {fieldState.error ? (
                <span id={errorId} className="ui-error" role="alert">
                  {fieldState.error.message}
                </span>
              ) : (
                <span id="rc-deputies-hint" className="ui-hint">
                  {T.deputiesHint}
                </span>
              )}
            </fieldset>
          );
        }}
      />
    </section>
  );
}
