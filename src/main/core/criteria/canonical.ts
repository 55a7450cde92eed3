import { createHash } from 'node:crypto';
import type { CriteriaSet } from '../../../shared/criteria/format';

import { canonicalJson } from '../../../shared/text/canonical-json';

// Shared with the renderer's code (set-diff); main's callers keep importing it from here.
export { canonicalJson };

/**
 * The stored content of a set: everything but its version number, which the store assigns. Two
 * files that differ only in "version" are the same content.
 */
export function contentOf(set: CriteriaSet): { json: string; sha256: string } {
  const { version: _version, ...content } = set;
  const json = canonicalJson(content);
  return { json, sha256: createHash('sha256').update(json, 'utf8').digest('hex') };
}
