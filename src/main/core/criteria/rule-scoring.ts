import type { Answer, CriteriaItem, Rule } from '../../../shared/criteria/format';
import { ANSWER_KIND_LABELS, RULE_TYPE_LABELS } from '../../../shared/criteria/labels';
import type { ItemScore } from '../../../shared/criteria/score-types';
import { formatDateVi, formatNumberVi, formatPointsVi, isIsoDate } from '../../../shared/text/vi';

/**
 * Scores one leaf from the officer's answer. Pure and total: whatever the answer, the points end
 * up within [0, effectiveMax] and the explanation says, in Vietnamese, how they were reached.
 */

// Thresholds are compared with a small tolerance so 4/5 of a ratio lands exactly on 80%.
const EPS = 1e-9;

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

export function clampPoints(value: number, max: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(round2(value), max);
}

const pct = (p: number) => `${formatNumberVi(p)}%`;
const outOf = (points: number, max: number) => `${formatPointsVi(points)}/${formatPointsVi(max)} điểm`;

interface Outcome {
  points: number;
  answered: boolean;
  explanation: string;
}

function result(item: CriteriaItem, outcome: Outcome, overrides: Partial<ItemScore> = {}): ItemScore {
  return {
    code: item.code,
    points: outcome.points,
    effectiveMax: item.maxPoints,
    answered: outcome.answered,
    notApplicable: false,
    ruleExplanation: outcome.explanation,
    ...overrides,
  };
}

export function scoreLeaf(item: CriteriaItem, answer: Answer | undefined): ItemScore {
  const max = item.maxPoints;
  if (item.assessedBy !== 'self') {
    const who = item.assessedBy === 'survey' ? 'qua điều tra xã hội học' : 'do cơ quan thẩm định chấm';
    return result(
      item,
      { points: 0, answered: false, explanation: `Tiêu chí đánh giá ${who}; đơn vị không tự chấm (không tính vào điểm tự chấm).` },
      { effectiveMax: 0 },
    );
  }
  if (!answer) return result(item, { points: 0, answered: false, explanation: `Chưa trả lời: ${outOf(0, max)}.` });
  if (answer.kind === 'not-applicable') {
    if (!item.notApplicable?.allowed) {
      return result(item, {
        points: 0,
        answered: false,
        explanation: `Tiêu chí này không được chọn «Không áp dụng»; lựa chọn bị bỏ qua, cần trả lời theo cách tính điểm: ${outOf(0, max)}.`,
      });
    }
    if (item.notApplicable.effect === 'full-points') {
      return result(item, { points: max, answered: true, explanation: `Không áp dụng: theo quy định được tính đủ điểm, ${outOf(max, max)}.` }, { notApplicable: true });
    }
    return result(
      item,
      { points: 0, answered: true, explanation: 'Không áp dụng: tiêu chí không tính vào điểm tối đa (điểm tối đa còn 0).' },
      { effectiveMax: 0, notApplicable: true },
    );
  }
  return result(item, scoreByRule(item.scoring ?? { type: 'manual' }, answer, max));
}

function wrongKind(rule: Rule, answer: Answer, max: number): Outcome {
  return {
    points: 0,
    answered: false,
    explanation: `Câu trả lời dạng «${ANSWER_KIND_LABELS[answer.kind]}» không khớp cách tính điểm «${RULE_TYPE_LABELS[rule.type]}»; chưa tính điểm (${outOf(0, max)}).`,
  };
}

function scoreByRule(rule: Rule, answer: Answer, max: number): Outcome {
  switch (rule.type) {
    case 'yes-no': {
      if (answer.kind !== 'yes-no') return wrongKind(rule, answer, max);
      const points = clampPoints(answer.value ? (rule.yesPoints ?? max) : rule.noPoints, max);
      return { points, answered: true, explanation: `${answer.value ? 'Có' : 'Không'}: ${outOf(points, max)}.` };
    }
    case 'choice': {
      if (answer.kind !== 'choice') return wrongKind(rule, answer, max);
      const option = rule.options.find((o) => o.id === answer.optionId);
      if (!option) {
        return {
          points: 0,
          answered: false,
          explanation: `Mức «${answer.optionId}» không có trong cách tính điểm của tiêu chí; hãy chọn lại (${outOf(0, max)}).`,
        };
      }
      const points = clampPoints(option.points, max);
      return { points, answered: true, explanation: `Chọn «${option.label}»: ${outOf(points, max)}.` };
    }
    case 'percent':
      return scorePercent(rule, answer, max);
    case 'count':
      return scoreCount(rule, answer, max);
    case 'deadline': {
      if (answer.kind !== 'date') return wrongKind(rule, answer, max);
      const due = formatDateVi(rule.deadline);
      if (answer.date === null) {
        const points = clampPoints(rule.missingPoints, max);
        return { points, answered: true, explanation: `Không thực hiện / không có ngày hoàn thành (hạn ${due}): ${outOf(points, max)}.` };
      }
      if (!isIsoDate(answer.date)) {
        return { points: 0, answered: false, explanation: `Ngày «${answer.date}» không hợp lệ; chưa tính điểm (${outOf(0, max)}).` };
      }
      const onTime = answer.date <= rule.deadline;
      const points = clampPoints(onTime ? (rule.onTimePoints ?? max) : rule.latePoints, max);
      return {
        points,
        answered: true,
        explanation: `Hoàn thành ngày ${formatDateVi(answer.date)}, ${onTime ? 'đúng hạn' : 'trễ hạn'} (hạn ${due}): ${outOf(points, max)}.`,
      };
    }
    case 'manual': {
      if (answer.kind !== 'manual') return wrongKind(rule, answer, max);
      const points = clampPoints(answer.points, max);
      let note = '';
      if (answer.points > max) note = ` (điểm nhập ${formatPointsVi(answer.points)} vượt tối đa, tính bằng điểm tối đa)`;
      else if (answer.points < 0) note = ` (điểm nhập âm ${formatPointsVi(answer.points)}, tính 0)`;
      return { points, answered: true, explanation: `Điểm tự chấm nhập trực tiếp${note}: ${outOf(points, max)}.` };
    }
  }
}

function scorePercent(rule: Extract<Rule, { type: 'percent' }>, answer: Answer, max: number): Outcome {
  let raw: number;
  let shown: string;
  if (answer.kind === 'percent') {
    raw = answer.percent;
    shown = `Tỷ lệ ${pct(raw)}`;
  } else if (answer.kind === 'ratio') {
    if (answer.denominator === 0) {
      return {
        points: 0,
        answered: false,
        explanation: `Chưa tính được tỷ lệ vì mẫu số bằng 0 (${formatNumberVi(answer.numerator)}/0): ${outOf(0, max)}. Nếu nội dung này không phát sinh trong năm, hãy chọn «Không áp dụng» nếu tiêu chí cho phép.`,
      };
    }
    // Multiply first: 7 × 100 / 100 is exact where 7 / 100 × 100 is not.
    raw = (answer.numerator * 100) / answer.denominator;
    shown = `Tỷ lệ ${formatNumberVi(answer.numerator)}/${formatNumberVi(answer.denominator)} = ${pct(raw)}`;
  } else {
    return wrongKind(rule, answer, max);
  }
  if (!Number.isFinite(raw)) return { points: 0, answered: false, explanation: `Tỷ lệ không hợp lệ; chưa tính điểm (${outOf(0, max)}).` };
  const percent = Math.min(100, Math.max(0, raw));
  if (percent !== raw) shown += ` (tính là ${pct(percent)})`;

  if (rule.mode === 'proportional') {
    const points = clampPoints((max * percent) / 100, max);
    return { points, answered: true, explanation: `${shown} × ${formatPointsVi(max)} điểm: ${outOf(points, max)}.` };
  }
  const thresholds = [...(rule.thresholds ?? [])].sort((a, b) => b.minPercent - a.minPercent);
  const hit = thresholds.find((t) => percent >= t.minPercent - EPS);
  if (!hit) {
    const lowest = thresholds.at(-1);
    const below = lowest ? ` thấp hơn ngưỡng thấp nhất (${pct(lowest.minPercent)})` : '';
    return { points: 0, answered: true, explanation: `${shown}${below}: ${outOf(0, max)}.` };
  }
  const points = clampPoints(hit.points, max);
  return { points, answered: true, explanation: `${shown} ≥ ${pct(hit.minPercent)}: ${outOf(points, max)}.` };
}

function scoreCount(rule: Extract<Rule, { type: 'count' }>, answer: Answer, max: number): Outcome {
  if (answer.kind !== 'count') return wrongKind(rule, answer, max);
  if (!Number.isFinite(answer.count)) return { points: 0, answered: false, explanation: `Số lượng không hợp lệ; chưa tính điểm (${outOf(0, max)}).` };
  const count = Math.max(0, Math.floor(answer.count));
  const unit = rule.unitLabel ? ` ${rule.unitLabel}` : '';
  const note = count !== answer.count ? ` (nhập ${formatNumberVi(answer.count)}, tính ${formatNumberVi(count)})` : '';
  if (rule.mode === 'per-unit') {
    const each = rule.pointsEach ?? 0;
    const rawPoints = count * each;
    const points = clampPoints(rawPoints, max);
    const capped = round2(rawPoints) > max ? ` = ${formatPointsVi(rawPoints)}, tính tối đa` : '';
    return {
      points,
      answered: true,
      explanation: `${formatNumberVi(count)}${unit}${note} × ${formatPointsVi(each)} điểm${capped}: ${outOf(points, max)}.`,
    };
  }
  const thresholds = [...(rule.thresholds ?? [])].sort((a, b) => b.min - a.min);
  const hit = thresholds.find((t) => count >= t.min);
  if (!hit) {
    const lowest = thresholds.at(-1);
    const below = lowest ? ` thấp hơn ngưỡng thấp nhất (${formatNumberVi(lowest.min)})` : '';
    return { points: 0, answered: true, explanation: `Số lượng ${formatNumberVi(count)}${unit}${note}${below}: ${outOf(0, max)}.` };
  }
  const points = clampPoints(hit.points, max);
  return {
    points,
    answered: true,
    explanation: `Số lượng ${formatNumberVi(count)}${unit}${note} ≥ ${formatNumberVi(hit.min)}: ${outOf(points, max)}.`,
  };
}
