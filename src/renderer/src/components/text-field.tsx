import { useId } from 'react';
import { FieldErrorText } from './form-errors';

/**
 * A labelled input. The hint and the error sit outside the label (linked by aria-describedby), so
 * the accessible name is the label alone, which is what the e2e page objects look for.
 */
export function TextField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'number';
  hint?: string;
  /** What is wrong with the value, shown under it (from useFormErrors). */
  error?: string;
  autoComplete?: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  const describedBy = [props.error ? `${id}-error` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <FieldErrorText id={`${id}-error`} text={props.error} />
      {props.hint && (
        <small id={`${id}-hint`} className="muted">
          {props.hint}
        </small>
      )}
    </div>
  );
}
