import { describe, expect, it } from 'vitest';
import type { PlanCriterionFacts } from '../../../src/shared/contract/plan';
import { planLinkFor, sameAnswer } from '../../../src/shared/plan-link';

const facts: PlanCriterionFacts = { year: 2026, planNumber: '15/KH-STP', planDate: '2026-01-12', onTimeRate: 95.8333, due: 24, doneOnTime: 23 };

describe('criteria answered from the plan', () => {
  it('feeds "mức độ hoàn thành kế hoạch" from the on-time ratio, as the rule takes it', () => {
    const ratio = planLinkFor({ title: 'Mức độ hoàn thành Kế hoạch CCHC năm', scoring: { type: 'percent', input: 'ratio', mode: 'proportional' } }, facts);
    expect(ratio).toMatchObject({ kind: 'completion', answer: { kind: 'ratio', numerator: 23, denominator: 24 } });
    expect(ratio!.basis).toContain('23/24');
    const direct = planLinkFor({ title: 'Tỷ lệ thực hiện kế hoạch cải cách hành chính', scoring: { type: 'percent', input: 'direct', mode: 'proportional' } }, facts);
    expect(direct?.answer).toEqual({ kind: 'percent', percent: 95.83 });
  });

  it('feeds "ban hành kế hoạch đúng hạn" from the plan date', () => {
    const link = planLinkFor({ title: 'Ban hành kế hoạch CCHC năm đúng thời hạn', scoring: { type: 'deadline', deadline: '2026-01-31', latePoints: 0, missingPoints: 0 } }, facts);
    expect(link).toMatchObject({ kind: 'issued', answer: { kind: 'date', date: '2026-01-12' } });
    expect(sameAnswer({ kind: 'date', date: '2026-01-12' }, link!.answer)).toBe(true);
    expect(sameAnswer({ kind: 'date', date: '2026-01-20' }, link!.answer)).toBe(false);
  });

  it('leaves other criteria, other rules, and an empty plan alone', () => {
    expect(planLinkFor({ title: 'Tỷ lệ hồ sơ trực tuyến', scoring: { type: 'percent', input: 'direct', mode: 'proportional' } }, facts)).toBeNull();
    expect(planLinkFor({ title: 'Mức độ hoàn thành kế hoạch CCHC', scoring: { type: 'manual' } }, facts)).toBeNull();
    expect(planLinkFor({ title: 'Mức độ hoàn thành kế hoạch CCHC', scoring: { type: 'percent', input: 'direct', mode: 'proportional' } }, { ...facts, due: 0, onTimeRate: null })).toBeNull();
  });
});

describe('the report-sending criterion', () => {
  it('takes the year\'s on-time record of periodic reports', async () => {
    const { reportsLinkFor } = await import('../../../src/shared/plan-link');
    const record = { due: 3, onTime: 2, rate: 66.6667 };
    expect(reportsLinkFor({ title: 'Thực hiện chế độ báo cáo định kỳ về CCHC đầy đủ, đúng hạn', scoring: { type: 'yes-no', noPoints: 0 } }, record)?.answer).toEqual({ kind: 'yes-no', value: false });
    expect(reportsLinkFor({ title: 'Tỷ lệ báo cáo định kỳ gửi đúng hạn', scoring: { type: 'percent', input: 'ratio', mode: 'proportional' } }, record)?.answer).toEqual({ kind: 'ratio', numerator: 2, denominator: 3 });
    expect(reportsLinkFor({ title: 'Báo cáo tự đánh giá đúng hạn', scoring: { type: 'yes-no', noPoints: 0 } }, record)).toBeNull();
    expect(reportsLinkFor({ title: 'Báo cáo định kỳ đúng hạn', scoring: { type: 'yes-no', noPoints: 0 } }, { due: 0, onTime: 0, rate: null })).toBeNull();
  });
});
