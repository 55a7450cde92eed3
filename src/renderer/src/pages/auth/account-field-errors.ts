import { PASSWORDS_DIFFER } from '../../../../shared/auth/password-rule';
import type { z } from 'zod';
import type { FieldError } from '../../../../shared/contract/define';
import { fieldKeyOf } from '../../../../shared/validation/field-errors';
import { checkFields } from '../../components/form-errors';
import { vi } from '../../i18n/vi';

/** The order the account forms show their fields in, so the summary reads top to bottom. */
const FORM_ORDER = ['displayName', 'username', 'password', 'again', 'roles'];

/**
 * Every problem of a new account's form at once: the channel's own schema (the words main would
 * send) plus what only the form knows, the password typed twice.
 */
export function accountFieldErrors(schema: z.ZodType, input: { password: string }, again: string): FieldError[] {
  const errors = checkFields(schema, input);
  if (input.password !== again) errors.push({ path: 'again', label: vi.auth.passwordAgain, message: PASSWORDS_DIFFER });
  const rank = (e: FieldError) => {
    const i = FORM_ORDER.indexOf(fieldKeyOf(e.path));
    return i < 0 ? FORM_ORDER.length : i;
  };
  return errors.sort((a, b) => rank(a) - rank(b));
}
