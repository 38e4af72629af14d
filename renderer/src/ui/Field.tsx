/**
 * A labelled form field with its validation message beside it. The message is linked
 * to the input with aria-describedby and the input is marked aria-invalid, so screen
 * readers announce what is wrong where it is wrong.
 */
import { useId, type ReactNode } from 'react';
import './ui.css';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  className?: string;
  /** Render the control with the given accessibility props spread on it. */
  children: (control: FieldControlProps) => ReactNode;
}

export function Field({ label, error, hint, required, className, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ui-field', error ? 'has-error' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="ui-required" aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {hint ? (
        <span id={hintId} className="ui-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="ui-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
