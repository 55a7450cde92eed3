import type { z } from 'zod';
import type { FieldError } from '../contract/define';
import { FIELD_LABELS } from '../field-labels';

export type { FieldError };

/**
 * Zod issues as one error per field, each in the field's Vietnamese name. Shared so that main
 * (which returns them with INVALID_INPUT) and a form checking the same contract schema before the
 * call say exactly the same words, and a form can put each one under its own field at once.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = path.map(String).join('.');
    // One message per field: the first is what to fix first (e.g. empty before too short).
    if (seen.has(key)) continue;
    seen.add(key);
    const label = fieldLabelOf(path);
    const authored = authoredMessage(issue);
    out.push({ path: key, label, message: authored ?? (label ? `${label}: ${describeIssue(issue)}` : describeIssue(issue)) });
  }
  return out;
}

/** The Vietnamese name of the field a path ends in ("profile.shortName" → "Tên viết tắt"), or ''. */
export function fieldLabelOf(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment !== 'string') continue;
    // "profile.name" is «Tên đơn vị», a bare "name" only «Tên».
    const parent = path[i - 1];
    const qualified = typeof parent === 'string' ? FIELD_LABELS[`${parent}.${segment}`] : undefined;
    return qualified ?? FIELD_LABELS[segment] ?? segment;
  }
  return '';
}

/** The last named segment of a dotted path: what a form keys its fields by. */
export function fieldKeyOf(path: string): string {
  const named = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  return named.at(-1) ?? '';
}

/**
 * The sentence the schema's author wrote for this check (Vietnamese, already naming the field),
 * or null when the issue carries zod's own English default.
 */
export function authoredMessage(issue: z.core.$ZodIssue): string | null {
  const message = issue.message?.trim();
  if (!message || ZOD_DEFAULT.test(message)) return null;
  return message;
}

const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Expected|Unrecognized|Required|Number must|String must|Array must)/;

/** What is wrong with the value, as the second half of "«Field»: …". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const authored = authoredMessage(issue);
  if (authored) return authored;
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) return 'bắt buộc phải có.';
      return `sai kiểu dữ liệu (cần ${typeName(issue.expected)}).`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'không được để trống.' : `phải có ít nhất ${issue.minimum} ký tự.`;
      if (issue.origin === 'array') return `phải có ít nhất ${issue.minimum} phần tử.`;
      return `phải lớn hơn hoặc bằng ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `quá dài (tối đa ${issue.maximum} ký tự).`;
      if (issue.origin === 'array') return `quá nhiều phần tử (tối đa ${issue.maximum}).`;
      return `phải nhỏ hơn hoặc bằng ${issue.maximum}.`;
    case 'invalid_value':
      return `giá trị không hợp lệ (chấp nhận: ${issue.values.map(String).join(', ')}).`;
    case 'unrecognized_keys':
      return `có trường không được phép: ${issue.keys.join(', ')}.`;
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'sai định dạng.';
    case 'custom':
      return issue.message;
    default:
      return issue.message && !/^Invalid|^Expected/.test(issue.message) ? issue.message : 'không hợp lệ.';
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'chuỗi ký tự',
    number: 'số',
    int: 'số nguyên',
    boolean: 'đúng/sai',
    object: 'đối tượng',
    array: 'danh sách',
    date: 'ngày',
  };
  return names[expected] ?? expected;
}
