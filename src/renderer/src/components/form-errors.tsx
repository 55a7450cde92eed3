import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { AppErrorShape, FieldError } from '../../../shared/contract/define';
import { fieldErrorsOf, fieldKeyOf } from '../../../shared/validation/field-errors';
import { vi } from '../i18n/vi';
import { ErrorLine } from './message-line';

export interface FormErrors {
  /** The message to show under the field keyed `key` (the last named segment of its path). */
  of(key: string): string | undefined;
  /** The line at the top of the form: how many fields need fixing and which, or a whole-form error. */
  summary: string | null;
  /** Shows every field error at once (replacing what was shown). */
  show(fields: readonly FieldError[]): void;
  /** Shows what main answered: its field errors if it named fields, else its message. */
  fromError(error: AppErrorShape): void;
  clear(): void;
}

/**
 * A form's errors, each under its own field and all at once, with one summary line on top. Main
 * sends them per field with INVALID_INPUT (`error.fields`); a form may check the same contract
 * schema first (`checkFields`) and get the very same words without a call.
 */
export function useFormErrors(): FormErrors {
  const [fields, setFields] = useState<readonly FieldError[]>([]);
  const [other, setOther] = useState<string | null>(null);
  const show = useCallback((next: readonly FieldError[]) => {
    setFields(next);
    setOther(null);
  }, []);
  const fromError = useCallback((error: AppErrorShape) => {
    setFields(error.fields ?? []);
    setOther(error.fields?.length ? null : error.message);
  }, []);
  const clear = useCallback(() => {
    setFields([]);
    setOther(null);
  }, []);
  return useMemo(() => {
    const byKey = new Map<string, string>();
    for (const f of fields) if (!byKey.has(fieldKeyOf(f.path))) byKey.set(fieldKeyOf(f.path), f.message);
    const labels = [...new Set(fields.map((f) => f.label || f.path))].map((l) => `«${l}»`).join(', ');
    const summary = fields.length > 0 ? vi.formErrors.summary(new Set(fields.map((f) => f.path)).size, labels) : other;
    return { of: (key: string) => byKey.get(key), summary, show, fromError, clear };
  }, [fields, other, show, fromError, clear]);
}

/** Checks a form's values against the channel's own zod schema: the field errors main would send. */
export function checkFields(schema: z.ZodType, value: unknown): FieldError[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : fieldErrorsOf(parsed.error.issues);
}

/** The summary line at the top of a form (announced at once, like every error line). */
export function FormErrorSummary({ errors }: { errors: FormErrors }) {
  return <ErrorLine text={errors.summary} />;
}

/** The message under one field; its id is what the field's aria-describedby points to. */
export function FieldErrorText({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <small id={id} className="field-error">
      {text}
    </small>
  );
}
