import type { Answer, CriteriaItem } from '../../../shared/criteria/format';

/**
 * Whether an answer is of the kind the item's rule reads, so a wrong kind is refused on save
 * rather than silently scored 0. Returns the Vietnamese reason, or null when it fits.
 */
export function answerFitsRule(item: CriteriaItem, answer: Answer): string | null {
  const rule = item.scoring;
  if (!rule) return 'tiêu chí này không có cách tính điểm để tự chấm.';
  if (answer.kind === 'not-applicable') {
    return item.notApplicable?.allowed ? null : 'bộ chỉ số không cho phép chọn «Không áp dụng» ở tiêu chí này.';
  }
  const expected: Record<typeof rule.type, Answer['kind'][]> = {
    'yes-no': ['yes-no'],
    choice: ['choice'],
    percent: rule.type === 'percent' && rule.input === 'ratio' ? ['ratio'] : ['percent'],
    count: ['count'],
    deadline: ['date'],
    manual: ['manual'],
  };
  if (!expected[rule.type].includes(answer.kind)) return 'dữ liệu nhập không đúng loại với cách tính điểm của tiêu chí.';
  if (answer.kind === 'choice' && rule.type === 'choice' && !rule.options.some((o) => o.id === answer.optionId)) {
    return `không có mức lựa chọn «${answer.optionId}».`;
  }
  if (answer.kind === 'count' && (answer.count < 0 || !Number.isInteger(answer.count))) return 'số lượng phải là số nguyên không âm.';
  if (answer.kind === 'ratio' && (answer.numerator < 0 || answer.denominator < 0)) return 'tử số và mẫu số không được âm.';
  if (answer.kind === 'ratio' && answer.numerator > answer.denominator && answer.denominator > 0) return 'tử số không được lớn hơn mẫu số.';
  if (answer.kind === 'percent' && (answer.percent < 0 || answer.percent > 100)) return 'tỷ lệ phải từ 0 đến 100%.';
  if (answer.kind === 'manual' && (answer.points < 0 || answer.points > item.maxPoints)) return `điểm tự chấm phải từ 0 đến ${item.maxPoints}.`;
  return null;
}
