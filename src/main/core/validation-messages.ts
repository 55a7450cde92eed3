import type { z } from 'zod';
import { describeIssue, fieldLabelOf } from '../../shared/validation/field-errors';

export { fieldErrorsOf } from '../../shared/validation/field-errors';

/**
 * Turns zod issues into one Vietnamese sentence per problem, naming the field, so that bad input
 * gets a message the officer (or the script author) can act on. The wording of each problem is
 * shared with the forms (shared/validation/field-errors.ts).
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = issue.path.length ? `Trường «${fieldName(issue.path)}»` : 'Dữ liệu';
    return `${where}: ${describeIssue(issue)}`;
  });
}

/** "profile.shortName" → "Tên viết tắt (profile.shortName)": readable, and still exact for scripts. */
function fieldName(path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join('.');
  const label = typeof path[path.length - 1] === 'string' ? fieldLabelOf(path) : '';
  return label && label !== path[path.length - 1] ? `${label} (${dotted})` : dotted;
}
