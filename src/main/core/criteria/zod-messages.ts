import type { z } from 'zod';
import { formatPath, type CriteriaError, type PathSegment } from './criteria-error';

/** Field names as a province's author knows them (the Excel template uses the same words). */
export const FIELD_LABELS: Record<string, string> = {
  formatVersion: 'Phiên bản định dạng',
  id: 'Mã',
  name: 'Tên',
  year: 'Năm',
  unitType: 'Loại đơn vị',
  version: 'Phiên bản',
  isSample: 'Là bộ mẫu',
  decision: 'Quyết định ban hành',
  number: 'Số quyết định',
  date: 'Ngày quyết định',
  issuer: 'Cơ quan ban hành',
  scale: 'Thang điểm',
  max: 'Điểm tối đa của thang điểm',
  allowAboveMax: 'Cho phép vượt điểm tối đa',
  bands: 'Xếp loại',
  minPercent: 'Tỷ lệ tối thiểu (%)',
  domains: 'Danh sách lĩnh vực',
  code: 'Mã tiêu chí',
  title: 'Tên tiêu chí',
  kind: 'Loại (thường/thưởng/trừ)',
  maxPoints: 'Điểm tối đa',
  assessedBy: 'Người chấm',
  guidance: 'Hướng dẫn',
  evidenceRequired: 'TLKC yêu cầu',
  notApplicable: 'Không áp dụng (KAD)',
  allowed: 'Cho phép KAD',
  effect: 'Cách tính khi KAD',
  scoring: 'Cách tính điểm',
  type: 'Loại cách tính điểm',
  options: 'Các mức lựa chọn',
  label: 'Nội dung mức',
  points: 'Điểm',
  input: 'Cách nhập tỷ lệ',
  numeratorLabel: 'Tên tử số',
  denominatorLabel: 'Tên mẫu số',
  mode: 'Chế độ tính',
  thresholds: 'Ngưỡng',
  min: 'Số lượng tối thiểu',
  unitLabel: 'Đơn vị đếm',
  pointsEach: 'Điểm mỗi đơn vị',
  deadline: 'Hạn',
  yesPoints: 'Điểm khi «Có»',
  noPoints: 'Điểm khi «Không»',
  onTimePoints: 'Điểm đúng hạn',
  latePoints: 'Điểm trễ hạn',
  missingPoints: 'Điểm khi không thực hiện',
  children: 'Tiêu chí con',
};

const RULE_TYPE_NAMES = 'yes-no, choice, percent, count, deadline, manual';

/** Where in the raw input the item that owns `path` sits, and its code if it has a readable one. */
function owningItem(raw: unknown, path: readonly PathSegment[]): string | null {
  let node: unknown = raw;
  let code: string | null = null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string | number, unknown>)[segment];
    const container = path[i - 1];
    if (typeof segment === 'number' && (container === 'domains' || container === 'children')) {
      const c = node && typeof node === 'object' ? (node as { code?: unknown }).code : undefined;
      code = typeof c === 'string' && c.trim() ? c.trim() : `(mục thứ ${segment + 1}, chưa có mã)`;
    }
  }
  return code;
}

/** Set-level fields whose short item-level label would be ambiguous. */
export const SET_FIELD_LABELS: Record<string, string> = { id: 'Mã bộ chỉ số', name: 'Tên bộ chỉ số', year: 'Năm áp dụng', version: 'Phiên bản' };

function fieldLabel(path: readonly PathSegment[]): string {
  const only = path[0];
  if (path.length === 1 && typeof only === 'string' && SET_FIELD_LABELS[only]) return SET_FIELD_LABELS[only];
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') {
      const label = FIELD_LABELS[segment] ?? segment;
      const index = path[i + 1];
      return typeof index === 'number' ? `${label} (mục thứ ${index + 1})` : label;
    }
  }
  return 'Dữ liệu';
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'chuỗi ký tự',
    number: 'số',
    int: 'số nguyên',
    boolean: 'đúng/sai (true/false)',
    object: 'đối tượng',
    array: 'danh sách',
  };
  return names[expected] ?? expected;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'bắt buộc phải có.';
      if (issue.expected === 'number' || issue.expected === 'int') return `phải là số (đang là «${String(issue.input).slice(0, 40)}»).`;
      return `sai kiểu dữ liệu (cần ${typeName(issue.expected)}).`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'không được để trống.' : `phải có ít nhất ${issue.minimum} ký tự.`;
      if (issue.origin === 'array') return `phải có ít nhất ${issue.minimum} mục.`;
      return issue.inclusive === false ? `phải lớn hơn ${issue.minimum}.` : `không được nhỏ hơn ${issue.minimum}.`;
    case 'too_big':
      if (issue.origin === 'string') return `quá dài (tối đa ${issue.maximum} ký tự).`;
      if (issue.origin === 'array') return `quá nhiều mục (tối đa ${issue.maximum}).`;
      return `không được lớn hơn ${issue.maximum}.`;
    case 'invalid_value':
      if (issue.input === undefined) return 'bắt buộc phải có.';
      return `giá trị không hợp lệ (chấp nhận: ${issue.values.map(String).join(', ')}).`;
    case 'unrecognized_keys':
      return `có trường không thuộc định dạng: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator === 'type') return `không rõ cách tính điểm (chấp nhận: ${RULE_TYPE_NAMES}).`;
      return 'không hợp lệ.';
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'sai định dạng.';
    case 'not_multiple_of':
      return `phải là bội số của ${String(issue.divisor)}.`;
    case 'custom':
      return issue.message;
    default:
      return issue.message && !/^Invalid|^Expected/.test(issue.message) ? issue.message : 'không hợp lệ.';
  }
}

/** One zod issue → one Vietnamese error naming the item code and the field. */
export function zodIssueToError(issue: z.core.$ZodIssue, raw: unknown): CriteriaError {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  const code = owningItem(raw, path);
  const field = fieldLabel(path);
  const subject = code ? `Tiêu chí ${code} — ${field}` : field;
  return { where: formatPath(path), message: `${subject}: ${describe(issue)}` };
}
