import { formatDateVi, formatNumberVi, formatPercentVi, formatPointsVi } from '../text/vi';
import type { Answer, CriteriaItem } from './format';

/**
 * An officer's answer as a Vietnamese sentence, for reading without the input controls (the
 * leader's review, an approved version): "Có", "Thực hiện tốt", "240/250 (96,00%)", "ngày 15/01/2026".
 */
export function answerText(item: CriteriaItem, answer: Answer | null): string {
  if (!answer) return 'Chưa trả lời';
  const rule = item.scoring;
  switch (answer.kind) {
    case 'yes-no':
      return answer.value ? 'Có' : 'Không';
    case 'choice':
      return (rule?.type === 'choice' ? rule.options.find((o) => o.id === answer.optionId)?.label : undefined) ?? answer.optionId;
    case 'percent':
      return formatPercentVi(answer.percent);
    case 'ratio': {
      const labels = rule?.type === 'percent' && rule.numeratorLabel && rule.denominatorLabel ? ` (${rule.numeratorLabel} / ${rule.denominatorLabel})` : '';
      const percent = answer.denominator > 0 ? ` = ${formatPercentVi((answer.numerator / answer.denominator) * 100)}` : '';
      return `${formatNumberVi(answer.numerator, 0)}/${formatNumberVi(answer.denominator, 0)}${percent}${labels}`;
    }
    case 'count':
      return `${formatNumberVi(answer.count, 0)}${rule?.type === 'count' && rule.unitLabel ? ` ${rule.unitLabel}` : ''}`;
    case 'date':
      return answer.date ? `Ngày ${formatDateVi(answer.date)}` : 'Chưa có văn bản (không có ngày)';
    case 'manual':
      return `Tự chấm ${formatPointsVi(answer.points)} điểm`;
    case 'not-applicable':
      return `Không áp dụng — ${answer.reason}`;
  }
}
