/**
 * Nesting depth, checked without recursion before anything recursive runs: JSON.parse, zod and
 * the semantic checks all recurse once per level, so a file of 10,000 nested brackets (or an
 * Excel sheet with codes 1, 1.1, 1.1.1, … thousands deep) overflowed the stack instead of
 * getting an answer. A criteria set nests at most 4 levels of criteria, about 12 JSON levels with
 * their scoring rules; 64 leaves room for the semantic checks to name a set nested a bit too deep.
 */
export const MAX_NESTING = 64;

/** Where the text first opens its (max + 1)-th nested bracket, or null; strings are skipped. */
export function textTooDeep(text: string, max: number = MAX_NESTING): { line: number; column: number } | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i += 1;
      else if (ch === 0x22 /* " */) inString = false;
      else if (ch === 0x0a) {
        line += 1;
        lineStart = i + 1;
      }
      continue;
    }
    if (ch === 0x22) inString = true;
    else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      depth += 1;
      if (depth > max) return { line, column: i - lineStart + 1 };
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) depth -= 1;
    else if (ch === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return null;
}

/** The path ("domains[0].children[0]…") of the first value nested deeper than `max`, or null. */
export function valueTooDeep(value: unknown, max: number = MAX_NESTING): string | null {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value: v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return path || '(gốc)';
    for (const [key, child] of Object.entries(v)) {
      const childPath = Array.isArray(v) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      stack.push({ value: child, depth: depth + 1, path: childPath });
    }
  }
  return null;
}
