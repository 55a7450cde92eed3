import { z } from 'zod';
import { stripXmlForbidden } from '../text/xml-safe';

/**
 * Text a person types that may reach a generated document (thuyết minh, section text, document
 * metadata, comments, the unit's profile): the characters XML forbids are dropped before the
 * inner schema (trim, length…) runs, so they are never stored and a field made only of them is
 * as empty as it looks.
 */
export function typedText<T extends z.ZodType<string, string>>(inner: T) {
  return z.string().transform(stripXmlForbidden).pipe(inner);
}
