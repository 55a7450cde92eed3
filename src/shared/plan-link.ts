import type { PlanCriterionFacts } from './contract/plan';
import type { ReportSendingRecord } from './contract/reports';
import type { Answer, CriteriaItem } from './criteria/format';
import { foldVietnamese } from './text/vi';

/**
 * Which criteria take their answer from the year's CCHC plan, and what that answer is:
 * - "mức độ hoàn thành kế hoạch CCHC" (a percentage rule) ← tasks done on time ÷ tasks of the plan;
 * - "ban hành kế hoạch CCHC (đúng hạn)" (a deadline rule) ← the plan's date.
 * The officer sees the answer as coming from the plan and may enter another one, giving the reason
 * in the thuyết minh.
 */

export interface PlanLink {
  kind: 'completion' | 'issued' | 'reports';
  answer: Answer;
  /** What the plan says, in words: "23/24 nhiệm vụ hoàn thành đúng hạn". */
  basis: string;
}

function about(title: string): { plan: boolean; completion: boolean; issued: boolean } {
  const t = foldVietnamese(title);
  const plan = /ke hoach (cai cach hanh chinh|cchc)/.test(t);
  return { plan, completion: plan && /(hoan thanh|muc do thuc hien|ty le thuc hien)/.test(t), issued: plan && /ban hanh/.test(t) };
}

export function planLinkFor(item: Pick<CriteriaItem, 'title' | 'scoring'>, facts: PlanCriterionFacts): PlanLink | null {
  const rule = item.scoring;
  if (!rule) return null;
  const a = about(item.title);
  if (a.completion && rule.type === 'percent' && facts.due > 0) {
    const basis = `${facts.doneOnTime}/${facts.due} nhiệm vụ của kế hoạch hoàn thành đúng hạn`;
    const answer: Answer =
      rule.input === 'ratio'
        ? { kind: 'ratio', numerator: facts.doneOnTime, denominator: facts.due }
        : { kind: 'percent', percent: Math.round((facts.onTimeRate ?? 0) * 100) / 100 };
    return { kind: 'completion', answer, basis };
  }
  if (a.issued && rule.type === 'deadline' && facts.planDate) {
    return { kind: 'issued', answer: { kind: 'date', date: facts.planDate }, basis: `Kế hoạch ${facts.planNumber || 'CCHC'} ban hành ngày ${facts.planDate.split('-').reverse().join('/')}` };
  }
  return null;
}

/**
 * "Thực hiện chế độ báo cáo định kỳ về CCHC (đầy đủ, đúng hạn)" ← the year's on-time record of
 * periodic reports: a percentage rule takes the ratio, a yes/no rule "yes" only when every report
 * due so far went on time.
 */
export function reportsLinkFor(item: Pick<CriteriaItem, 'title' | 'scoring'>, record: Pick<ReportSendingRecord, 'due' | 'onTime' | 'rate'>): PlanLink | null {
  const rule = item.scoring;
  const t = foldVietnamese(item.title);
  if (!rule || !/bao cao/.test(t) || !/(dinh ky|dung han|dung thoi han)/.test(t) || /tu danh gia/.test(t) || record.due === 0) return null;
  const basis = `${record.onTime}/${record.due} báo cáo định kỳ đã đến hạn được gửi đúng hạn`;
  if (rule.type === 'percent') {
    return { kind: 'reports', basis, answer: rule.input === 'ratio' ? { kind: 'ratio', numerator: record.onTime, denominator: record.due } : { kind: 'percent', percent: Math.round((record.rate ?? 0) * 100) / 100 } };
  }
  if (rule.type === 'yes-no') return { kind: 'reports', basis, answer: { kind: 'yes-no', value: record.onTime === record.due } };
  return null;
}

/** True when the answer is the one the plan gives. */
export function sameAnswer(a: Answer | null, b: Answer): boolean {
  return !!a && JSON.stringify(a) === JSON.stringify(b);
}
