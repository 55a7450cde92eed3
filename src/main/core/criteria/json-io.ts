import type { CriteriaSet } from '../../../shared/criteria/format';
import type { ValidationResult } from './criteria-error';
import { jsonSyntaxMessage, wordJsonErrors } from './issue-paths';
import { MAX_NESTING, textTooDeep } from './nesting';
import { validateCriteriaSet } from './validate';

/** Where a JSON syntax error sits, as "dòng L, cột C" (1-based), from V8's message or the offset. */
function locate(text: string, error: unknown): { line: number; column: number } | null {
  const message = error instanceof Error ? error.message : '';
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : /end of JSON input/i.test(message) ? text.length : null;
  if (offset === null) return null;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Reads a criteria set from JSON text: syntax errors carry their line and column, then full validation. */
export function parseCriteriaJson(text: string): ValidationResult {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, errors: [{ where: 'dòng 1, cột 1', message: 'Tệp JSON rỗng.' }] };
  const deep = textTooDeep(body);
  if (deep) {
    const where = `dòng ${deep.line}, cột ${deep.column}`;
    return { ok: false, errors: [{ where, message: `Tệp JSON lồng quá ${MAX_NESTING} cấp ngoặc; bộ chỉ số chỉ lồng tối đa 4 cấp tiêu chí, tệp này không phải bộ chỉ số hợp lệ.` }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const at = locate(body, error);
    const where = at ? `dòng ${at.line}, cột ${at.column}` : '(tệp)';
    return { ok: false, errors: [{ where, message: jsonSyntaxMessage(at, error) }] };
  }
  // Validation speaks JSON paths (the Excel reader maps them to cells); the author reads words.
  const result = validateCriteriaSet(raw);
  return result.ok ? result : { ok: false, errors: wordJsonErrors(raw, result.errors) };
}

/** Pretty JSON, keys in the format's order, ending with a newline: diff-friendly for provinces. */
export function exportCriteriaJson(set: CriteriaSet): string {
  return `${JSON.stringify(set, null, 2)}\n`;
}
