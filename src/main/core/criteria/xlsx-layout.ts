import type { UnitType } from '../../../shared/contract/profile';
import { ASSESSED_BY_LABELS, ITEM_KIND_LABELS, NOT_APPLICABLE_EFFECT_LABELS, RULE_TYPE_LABELS } from '../../../shared/criteria/labels';
import { foldVietnamese } from '../../../shared/text/vi';

/**
 * The Excel template's layout, shared by the writer and the reader so they cannot drift apart:
 * sheet names, the columns of "Tiêu chí", the rows of "Thông tin" and the words for enumerations.
 */

export const SHEETS = { info: 'Thông tin', items: 'Tiêu chí', bands: 'Xếp loại', help: 'Hướng dẫn' } as const;

export const ITEM_COLUMNS = [
  { key: 'code', header: 'Mã', width: 9 },
  { key: 'title', header: 'Tên tiêu chí', width: 55 },
  { key: 'kind', header: 'Loại', width: 9 },
  { key: 'maxPoints', header: 'Điểm tối đa', width: 10 },
  { key: 'assessedBy', header: 'Người chấm', width: 13 },
  { key: 'ruleType', header: 'Cách tính điểm', width: 15 },
  { key: 'mode', header: 'Chế độ tính', width: 14 },
  { key: 'input', header: 'Cách nhập tỷ lệ', width: 15 },
  { key: 'numeratorLabel', header: 'Tên tử số', width: 24 },
  { key: 'denominatorLabel', header: 'Tên mẫu số', width: 24 },
  { key: 'unitLabel', header: 'Đơn vị đếm', width: 12 },
  { key: 'options', header: 'Các mức lựa chọn', width: 45 },
  { key: 'thresholds', header: 'Ngưỡng', width: 30 },
  { key: 'pointsEach', header: 'Điểm mỗi đơn vị', width: 10 },
  { key: 'deadline', header: 'Hạn (dd/mm/yyyy)', width: 13 },
  { key: 'passPoints', header: 'Điểm khi Có / đúng hạn', width: 12 },
  { key: 'failPoints', header: 'Điểm khi Không / trễ hạn', width: 12 },
  { key: 'missingPoints', header: 'Điểm khi không thực hiện', width: 12 },
  { key: 'naAllowed', header: 'Cho phép KAD', width: 10 },
  { key: 'naEffect', header: 'Khi KAD', width: 22 },
  { key: 'guidance', header: 'Hướng dẫn', width: 55 },
  { key: 'evidenceRequired', header: 'TLKC yêu cầu', width: 45 },
  // Domain rows only (criteria format: declaredCounts, survey).
  { key: 'declaredCriteria', header: 'Số TC theo quyết định', width: 11 },
  { key: 'declaredSubCriteria', header: 'Số TCTP theo quyết định', width: 11 },
  { key: 'surveyPoints', header: 'Điểm XHH của lĩnh vực', width: 11 },
] as const;
export type ItemColumnKey = (typeof ITEM_COLUMNS)[number]['key'];

/** Rows of "Thông tin": label in column A, value in column B. The reader finds them by label. */
export const INFO_ROWS = [
  { key: 'formatVersion', label: 'Phiên bản định dạng' },
  { key: 'id', label: 'Mã bộ chỉ số' },
  { key: 'name', label: 'Tên bộ chỉ số' },
  { key: 'year', label: 'Năm áp dụng' },
  { key: 'unitType', label: 'Loại đơn vị' },
  { key: 'version', label: 'Phiên bản' },
  { key: 'isSample', label: 'Là bộ mẫu (tham khảo)' },
  { key: 'decision.number', label: 'Số quyết định ban hành' },
  { key: 'decision.date', label: 'Ngày quyết định (dd/mm/yyyy)' },
  { key: 'decision.issuer', label: 'Cơ quan ban hành' },
  { key: 'scale.max', label: 'Điểm tối đa của thang điểm' },
  { key: 'scale.allowAboveMax', label: 'Cho phép tổng điểm vượt tối đa' },
  { key: 'rounding', label: 'Làm tròn tỷ lệ % (Làm tròn / Cắt bỏ), để trống: làm tròn' },
  { key: 'survey.maxPoints', label: 'Điểm điều tra XHH chung của bộ (ngoài các lĩnh vực), để trống nếu không có' },
] as const;

/** How the index percentage is rounded to 2 decimals (criteria format `rounding`). */
export const ROUNDING_WORDS = { 'half-up': 'Làm tròn', truncate: 'Cắt bỏ' } as const;
export type InfoKey = (typeof INFO_ROWS)[number]['key'];

/** Short unit-type words: the long profile labels contain commas, which Excel lists cannot hold. */
export const UNIT_TYPE_WORDS: Record<UnitType, string> = {
  so: 'Sở',
  'ubnd-xa': 'UBND cấp xã',
  'ubnd-huyen': 'UBND cấp huyện',
  khac: 'Đơn vị khác',
};

export const YES = 'Có';
export const NO = 'Không';

export const MODE_WORDS = {
  percent: { thresholds: 'Theo ngưỡng', proportional: 'Tỷ lệ thuận' },
  count: { thresholds: 'Theo ngưỡng', 'per-unit': 'Theo đơn vị' },
} as const;

export const INPUT_WORDS = { direct: 'Nhập tỷ lệ %', ratio: 'Tử số/Mẫu số' } as const;

export { ASSESSED_BY_LABELS, ITEM_KIND_LABELS, NOT_APPLICABLE_EFFECT_LABELS, RULE_TYPE_LABELS };

/**
 * Looks a word up in a code → word map, accepting the word itself (any case), the code, or the word
 * typed without diacritics when that is unambiguous ("thuong" could be thường or thưởng: refused).
 */
export function lookupWord<K extends string>(map: Readonly<Record<K, string>>, text: string): K | undefined {
  const entries = Object.entries(map) as [K, string][];
  const exact = text.trim().normalize('NFC').toLowerCase();
  const byWord = entries.find(([code, word]) => exact === word.normalize('NFC').toLowerCase() || exact === code);
  if (byWord) return byWord[0];
  const folded = foldVietnamese(exact);
  const loose = entries.filter(([, word]) => foldVietnamese(word) === folded);
  return loose.length === 1 ? loose[0]?.[0] : undefined;
}

export function listOf(map: Readonly<Record<string, string>>): string {
  return Object.values(map).join(', ');
}

/** Vietnamese decimals in text cells: 2.5 → "2,5". No thousands separator (points stay below 1000). */
export function numberText(n: number): string {
  return String(n).replace('.', ',');
}

/** "2,5", "2.5", " 2 " → 2.5, 2.5, 2; "1.234,5" → 1234.5; anything else → null. */
export function parseNumberText(text: string): number | null {
  let t = text.trim().replace(/\s+/g, '');
  if (!t) return null;
  if (t.includes(',') && t.includes('.')) t = t.replace(/\./g, '');
  t = t.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}
