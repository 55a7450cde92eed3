import { createHash } from 'node:crypto';
import type { CriteriaSet } from '../../../shared/criteria/format';

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The stored content of a set: everything but its version number, which the store assigns. Two
 * files that differ only in "version" are the same content.
 */
export function contentOf(set: CriteriaSet): { json: string; sha256: string } {
  const { version: _version, ...content } = set;
  const json = canonicalJson(content);
  return { json, sha256: createHash('sha256').update(json, 'utf8').digest('hex') };
}
