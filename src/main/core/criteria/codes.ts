/** Item codes are dotted numbers ("1", "1.2", "1.2.3"); these helpers keep that logic in one place. */

export function codeSegments(code: string): number[] {
  return code.split('.').map(Number);
}

export function parentCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/** Numeric order per segment, so "1.10" comes after "1.9" (string order would not). */
export function compareCodes(a: string, b: string): number {
  const sa = codeSegments(a);
  const sb = codeSegments(b);
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const x = sa[i];
    const y = sb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}
