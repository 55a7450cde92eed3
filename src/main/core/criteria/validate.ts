import { criteriaSetSchema } from '../../../shared/criteria/format';
import { toNfc } from '../../../shared/text/vi';
import type { CriteriaError, ValidationResult } from './criteria-error';
import { MAX_NESTING, valueTooDeep } from './nesting';
import { semanticErrors } from './semantic-checks';
import { declaredCountWarnings } from './declared-counts';
import { zodIssueToError } from './zod-messages';

export type { CriteriaError, ValidationResult } from './criteria-error';

/** Every string NFC, so "Kế hoạch" typed on a Mac equals the one typed on Windows. */
export function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return toNfc(value);
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeStrings(v)]));
  }
  return value;
}

/**
 * Checks a criteria set in full: the format (zod) and the cross-field rules, reporting every
 * problem at once so a province's author can fix the file in one go rather than one error a time.
 */
export function validateCriteriaSet(raw: unknown): ValidationResult {
  // Everything below recurses once per level: refuse a runaway depth before it overflows the stack.
  const deep = valueTooDeep(raw);
  if (deep) return { ok: false, errors: [{ where: deep, message: `Bộ chỉ số lồng quá ${MAX_NESTING} cấp; bộ chỉ số chỉ lồng tối đa 4 cấp tiêu chí.` }] };
  const input = normalizeStrings(raw);
  const parsed = criteriaSetSchema.safeParse(input, { reportInput: true });
  const errors: CriteriaError[] = parsed.success ? [] : parsed.error.issues.map((issue) => zodIssueToError(issue, input));
  const seen = new Set(errors.map((e) => `${e.where}\u0000${e.message}`));
  for (const error of semanticErrors(input)) {
    const key = `${error.where}\u0000${error.message}`;
    if (!seen.has(key)) errors.push(error);
    seen.add(key);
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, set: parsed.data, warnings: declaredCountWarnings(parsed.data) };
}
