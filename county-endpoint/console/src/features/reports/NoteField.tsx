/** A labelled multi-line field for goals and progress notes. */
import { useId, type TextareaHTMLAttributes } from 'react';

export function NoteField({ label, ...area }: { label: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={3} {...area} />
    </div>
  );
}
