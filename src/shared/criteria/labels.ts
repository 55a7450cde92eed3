import type { Answer, CriteriaItem, RuleType } from './format';

/** Vietnamese names of the format's enumerations, shared by the UI, the Excel template and messages. */

export const RULE_TYPE_LABELS: Record<RuleType, string> = {
  'yes-no': 'Có/Không',
  choice: 'Chọn mức',
  percent: 'Tỷ lệ %',
  count: 'Số lượng',
  deadline: 'Thời hạn',
  manual: 'Tự nhập điểm',
};

export const ITEM_KIND_LABELS: Record<CriteriaItem['kind'], string> = {
  normal: 'thường',
  bonus: 'thưởng',
  penalty: 'trừ',
};

export const ASSESSED_BY_LABELS: Record<CriteriaItem['assessedBy'], string> = {
  self: 'tự chấm',
  appraisal: 'thẩm định',
  survey: 'điều tra XHH',
};

export const ANSWER_KIND_LABELS: Record<Answer['kind'], string> = {
  'yes-no': 'Có/Không',
  choice: 'chọn mức',
  percent: 'tỷ lệ %',
  ratio: 'tử số/mẫu số',
  count: 'số lượng',
  date: 'ngày',
  manual: 'điểm nhập trực tiếp',
  'not-applicable': 'không áp dụng',
};

export const NOT_APPLICABLE_EFFECT_LABELS = {
  'exclude-from-max': 'Loại khỏi điểm tối đa',
  'full-points': 'Tính đủ điểm',
} as const;
