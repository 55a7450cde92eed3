import type { CriteriaError } from '../../../shared/contract/criteria';
import type { CriteriaSet } from '../../../shared/criteria/format';

/**
 * One problem found in a criteria set. `where` is a JSON path (`domains[2].children[0].maxPoints`)
 * for JSON input, or a cell (`Tiêu chí!D14`) for Excel input, so the author can go straight to it.
 * The type lives in the contract because it crosses the transport.
 */
export type { CriteriaError };

/** `warnings` (ok only): things worth checking that do not stop the import, e.g. declared counts. */
export type ValidationResult = { ok: true; set: CriteriaSet; warnings: CriteriaError[] } | { ok: false; errors: CriteriaError[] };

export type PathSegment = string | number;

/** ['domains', 2, 'children', 0, 'maxPoints'] → "domains[2].children[0].maxPoints". */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out || '(gốc)';
}

/** The inverse of formatPath, for mapping JSON paths back to Excel cells. */
export function parsePath(where: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const match of where.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[1] !== undefined) out.push(match[1]);
  }
  return out;
}
