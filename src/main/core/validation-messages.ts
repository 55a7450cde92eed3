import type { z } from 'zod';
import { FIELD_LABELS } from '../../shared/field-labels';

/**
 * Turns zod issues into one Vietnamese sentence per problem, naming the field, so that bad input
 * gets a message the officer (or the script author) can act on.
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
  const last = path[path.length - 1];
  const label = typeof last === 'string' ? FIELD_LABELS[last] : undefined;
  return label ? `${label} (${dotted})` : dotted;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (!("input" in issue) || issue.input === undefined) return 'bắt buộc phải có.';
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
