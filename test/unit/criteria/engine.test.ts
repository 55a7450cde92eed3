import { describe, expect, it } from 'vitest';
import { scoreItem, scoreSet } from '../../../src/main/core/criteria/engine';
import type { Answer, Rule } from '../../../src/shared/criteria/format';
import { leaf, makeSet, node } from './helpers';

const pts = (rule: Rule, max: number, answer: Answer | undefined) => scoreItem(leaf('1.1', max, rule), answer);

describe('yes-no', () => {
  const rule: Rule = { type: 'yes-no', noPoints: 0 };
  it('gives max for yes, noPoints for no, 0 and unanswered when missing', () => {
    expect(pts(rule, 2, { kind: 'yes-no', value: true })).toMatchObject({ points: 2, effectiveMax: 2, answered: true, ruleExplanation: 'Có: 2,00/2,00 điểm.' });
    expect(pts(rule, 2, { kind: 'yes-no', value: false })).toMatchObject({ points: 0, answered: true });
    expect(pts({ type: 'yes-no', yesPoints: 1.5, noPoints: 0.5 }, 2, { kind: 'yes-no', value: false }).points).toBe(0.5);
    expect(pts(rule, 2, undefined)).toMatchObject({ points: 0, answered: false });
  });
  it('clamps yesPoints above max (invalid set) to max', () => {
    expect(pts({ type: 'yes-no', yesPoints: 5, noPoints: 0 }, 2, { kind: 'yes-no', value: true }).points).toBe(2);
  });
  it('treats an answer of the wrong kind as unanswered with 0 points', () => {
    const s = pts(rule, 2, { kind: 'count', count: 3 });
    expect(s).toMatchObject({ points: 0, answered: false });
    expect(s.ruleExplanation).toContain('không khớp cách tính điểm «Có/Không»');
  });
});

describe('choice', () => {
  const rule: Rule = {
    type: 'choice',
    options: [
      { id: 'tot', label: 'Thực hiện tốt', points: 2.5 },
      { id: 'du', label: 'Đầy đủ', points: 2 },
      { id: 'khong', label: 'Không thực hiện', points: 0 },
    ],
  };
  it('gives the chosen option points', () => {
    expect(pts(rule, 2.5, { kind: 'choice', optionId: 'tot' })).toMatchObject({ points: 2.5, ruleExplanation: 'Chọn «Thực hiện tốt»: 2,50/2,50 điểm.' });
    expect(pts(rule, 2.5, { kind: 'choice', optionId: 'du' }).points).toBe(2);
    expect(pts(rule, 2.5, { kind: 'choice', optionId: 'khong' })).toMatchObject({ points: 0, answered: true });
  });
  it('gives 0 with an explanation for an unknown option', () => {
    const s = pts(rule, 2.5, { kind: 'choice', optionId: 'la' });
    expect(s).toMatchObject({ points: 0, answered: false });
    expect(s.ruleExplanation).toContain('«la» không có');
  });
});

describe('percent', () => {
  const thresholds: Rule = { type: 'percent', input: 'direct', mode: 'thresholds', thresholds: [{ minPercent: 100, points: 2 }, { minPercent: 80, points: 1.5 }, { minPercent: 50, points: 0.5 }] };
  const proportional: Rule = { type: 'percent', input: 'ratio', mode: 'proportional' };
  it('is inclusive exactly at a threshold', () => {
    expect(pts(thresholds, 2, { kind: 'percent', percent: 80 })).toMatchObject({ points: 1.5, ruleExplanation: 'Tỷ lệ 80% ≥ 80%: 1,50/2,00 điểm.' });
    expect(pts(thresholds, 2, { kind: 'percent', percent: 79.99 }).points).toBe(0.5);
    expect(pts(thresholds, 2, { kind: 'percent', percent: 100 }).points).toBe(2);
    expect(pts(thresholds, 2, { kind: 'percent', percent: 50 }).points).toBe(0.5);
    expect(pts(thresholds, 2, { kind: 'percent', percent: 49.9 })).toMatchObject({ points: 0, answered: true });
  });
  it('explains with Vietnamese number formats', () => {
    expect(pts(thresholds, 2, { kind: 'percent', percent: 85.5 }).ruleExplanation).toBe('Tỷ lệ 85,5% ≥ 80%: 1,50/2,00 điểm.');
  });
  it('lands a ratio exactly on the threshold (no float drift)', () => {
    const rule: Rule = { type: 'percent', input: 'ratio', mode: 'thresholds', thresholds: [{ minPercent: 7, points: 1 }] };
    expect(pts(rule, 1, { kind: 'ratio', numerator: 7, denominator: 100 }).points).toBe(1);
    expect(pts(thresholds, 2, { kind: 'ratio', numerator: 4, denominator: 5 }).points).toBe(1.5);
  });
  it('clamps above 100 and below 0', () => {
    const above = pts(thresholds, 2, { kind: 'percent', percent: 130 });
    expect(above.points).toBe(2);
    expect(above.ruleExplanation).toContain('tính là 100%');
    expect(pts(proportional, 2, { kind: 'ratio', numerator: 30, denominator: 20 }).points).toBe(2);
    expect(pts(proportional, 2, { kind: 'percent', percent: -5 })).toMatchObject({ points: 0, answered: true });
    expect(pts(proportional, 2, { kind: 'ratio', numerator: -1, denominator: 4 }).points).toBe(0);
  });
  it('computes proportional points as max × percent / 100, rounded to 2 decimals', () => {
    expect(pts(proportional, 2, { kind: 'ratio', numerator: 17, denominator: 20 }).points).toBe(1.7);
    expect(pts(proportional, 1, { kind: 'ratio', numerator: 2, denominator: 3 }).points).toBe(0.67);
    expect(pts(proportional, 3, { kind: 'percent', percent: 0 }).points).toBe(0);
    expect(pts(proportional, 3, { kind: 'percent', percent: 100 }).points).toBe(3);
  });
  it('cannot compute a ratio with denominator 0', () => {
    const s = pts(proportional, 2, { kind: 'ratio', numerator: 0, denominator: 0 });
    expect(s).toMatchObject({ points: 0, answered: false });
    expect(s.ruleExplanation).toContain('Chưa tính được tỷ lệ vì mẫu số bằng 0');
  });
  it('rejects a count answer', () => {
    expect(pts(proportional, 2, { kind: 'count', count: 10 })).toMatchObject({ points: 0, answered: false });
  });
});

describe('count', () => {
  const perUnit: Rule = { type: 'count', mode: 'per-unit', pointsEach: 0.5, unitLabel: 'quy chế' };
  const thresholds: Rule = { type: 'count', mode: 'thresholds', thresholds: [{ min: 3, points: 1 }, { min: 1, points: 0.5 }] };
  it('per unit is count × pointsEach, capped at max', () => {
    expect(pts(perUnit, 2, { kind: 'count', count: 0 })).toMatchObject({ points: 0, answered: true });
    expect(pts(perUnit, 2, { kind: 'count', count: 3 }).points).toBe(1.5);
    expect(pts(perUnit, 2, { kind: 'count', count: 4 }).points).toBe(2);
    const capped = pts(perUnit, 2, { kind: 'count', count: 9 });
    expect(capped.points).toBe(2);
    expect(capped.ruleExplanation).toContain('tính tối đa');
  });
  it('thresholds are inclusive', () => {
    expect(pts(thresholds, 1, { kind: 'count', count: 3 }).points).toBe(1);
    expect(pts(thresholds, 1, { kind: 'count', count: 2 }).points).toBe(0.5);
    expect(pts(thresholds, 1, { kind: 'count', count: 1 }).points).toBe(0.5);
    expect(pts(thresholds, 1, { kind: 'count', count: 0 }).points).toBe(0);
  });
  it('treats negative counts as 0 and drops fractions', () => {
    expect(pts(perUnit, 2, { kind: 'count', count: -3 }).points).toBe(0);
    expect(pts(perUnit, 2, { kind: 'count', count: 2.9 }).points).toBe(1);
  });
});

describe('deadline', () => {
  const rule: Rule = { type: 'deadline', deadline: '2026-01-31', latePoints: 0.5, missingPoints: 0 };
  it('on or before the date is on time, after is late, null is missing', () => {
    expect(pts(rule, 1, { kind: 'date', date: '2026-01-31' })).toMatchObject({ points: 1, ruleExplanation: 'Hoàn thành ngày 31/01/2026, đúng hạn (hạn 31/01/2026): 1,00/1,00 điểm.' });
    expect(pts(rule, 1, { kind: 'date', date: '2025-12-01' }).points).toBe(1);
    expect(pts(rule, 1, { kind: 'date', date: '2026-02-01' })).toMatchObject({ points: 0.5, answered: true });
    expect(pts(rule, 1, { kind: 'date', date: null })).toMatchObject({ points: 0, answered: true });
  });
});

describe('manual', () => {
  const rule: Rule = { type: 'manual' };
  it('clamps to [0, max]', () => {
    expect(pts(rule, 2, { kind: 'manual', points: 1.25 }).points).toBe(1.25);
    expect(pts(rule, 2, { kind: 'manual', points: 2 }).points).toBe(2);
    expect(pts(rule, 2, { kind: 'manual', points: 3 }).points).toBe(2);
    expect(pts(rule, 2, { kind: 'manual', points: -1 }).points).toBe(0);
    expect(pts(rule, 2, { kind: 'manual', points: 0 })).toMatchObject({ points: 0, answered: true });
  });
});

describe('không áp dụng', () => {
  const rule: Rule = { type: 'yes-no', noPoints: 0 };
  const na: Answer = { kind: 'not-applicable', reason: 'Không có đơn vị trực thuộc' };
  it('exclude-from-max drops the item from the maximum', () => {
    const s = scoreItem(leaf('1.1', 2, rule, { notApplicable: { allowed: true, effect: 'exclude-from-max' } }), na);
    expect(s).toMatchObject({ points: 0, effectiveMax: 0, notApplicable: true, answered: true });
  });
  it('full-points counts the item as achieved', () => {
    const s = scoreItem(leaf('1.1', 2, rule, { notApplicable: { allowed: true, effect: 'full-points' } }), na);
    expect(s).toMatchObject({ points: 2, effectiveMax: 2, notApplicable: true });
  });
  it('is ignored and explained where not allowed', () => {
    for (const item of [leaf('1.1', 2, rule), leaf('1.1', 2, rule, { notApplicable: { allowed: false, effect: 'full-points' } })]) {
      const s = scoreItem(item, na);
      expect(s).toMatchObject({ points: 0, effectiveMax: 2, notApplicable: false, answered: false });
      expect(s.ruleExplanation).toContain('không được chọn «Không áp dụng»');
    }
  });
});

describe('scoreSet', () => {
  const yes: Answer = { kind: 'yes-no', value: true };
  const yn: Rule = { type: 'yes-no', noPoints: 0 };
  const manual: Rule = { type: 'manual' };

  it('sums children and caps a parent at its max', () => {
    const set = makeSet([node('1', 100, [node('1.1', 3, [leaf('1.1.1', 2, manual), leaf('1.1.2', 2, manual)]), leaf('1.2', 97, manual)])]);
    const s = scoreSet(set, { '1.1.1': { kind: 'manual', points: 2 }, '1.1.2': { kind: 'manual', points: 2 } });
    expect(s.items['1.1']).toMatchObject({ points: 3, effectiveMax: 3 });
    expect(s.items['1.1']!.ruleExplanation).toContain('vượt mức tối đa');
    expect(s.items['1']).toMatchObject({ points: 3, answered: false });
  });

  it('adds bonus up to its cap, subtracts penalty up to its cap', () => {
    const set = makeSet([
      node('1', 100, [leaf('1.1', 60, manual), leaf('1.2', 40, manual)]),
      node('2', 3, [leaf('2.1', 2, yn), leaf('2.2', 2, yn)], { kind: 'bonus' }),
      node('3', 4, [leaf('3.1', 3, { type: 'count', mode: 'per-unit', pointsEach: 1 }), leaf('3.2', 3, yn)], { kind: 'penalty' }),
    ]);
    const s = scoreSet(set, {
      '1.1': { kind: 'manual', points: 50 },
      '1.2': { kind: 'manual', points: 20 },
      '2.1': yes,
      '2.2': yes,
      '3.1': { kind: 'count', count: 2 },
      '3.2': yes,
    });
    expect(s.domains.map((d) => [d.code, d.points, d.max])).toEqual([['1', 70, 100], ['2', 3, 3], ['3', 4, 4]]);
    expect(s.total).toBe(69); // 70 + 3 − 4
    expect(s.max).toBe(100);
    expect(s.band).toBe('Khá');
  });

  it('keeps the total within [0, max] unless allowAboveMax', () => {
    const domains = [node('1', 100, [leaf('1.1', 100, manual)]), node('2', 5, [leaf('2.1', 5, yn, { kind: 'bonus' })], { kind: 'bonus' }), node('3', 10, [leaf('3.1', 10, yn)], { kind: 'penalty' })];
    const full = { '1.1': { kind: 'manual', points: 98 }, '2.1': yes } as const;
    expect(scoreSet(makeSet(domains), full).total).toBe(100);
    expect(scoreSet(makeSet(domains, { scale: { max: 100, allowAboveMax: true } }), full).total).toBe(103);
    const low = scoreSet(makeSet(domains), { '1.1': { kind: 'manual', points: 4 }, '3.1': yes });
    expect(low.total).toBe(0);
    expect(low.band).toBe('Yếu');
  });

  it('puts a percentage exactly at a band bound into that band', () => {
    const set = makeSet([node('1', 100, [leaf('1.1', 100, manual)])]);
    const band = (p: number) => scoreSet(set, { '1.1': { kind: 'manual', points: p } }).band;
    expect([band(80), band(79.99), band(65), band(64.99), band(50), band(49.99), band(0), band(100)]).toEqual(['Tốt', 'Khá', 'Khá', 'Trung bình', 'Trung bình', 'Yếu', 'Yếu', 'Tốt']);
  });

  it('counts only self-assessed items in the self total and max', () => {
    const set = makeSet([node('1', 100, [leaf('1.1', 70, manual), leaf('1.2', 30, undefined, { assessedBy: 'survey' })])]);
    const s = scoreSet(set, { '1.1': { kind: 'manual', points: 56 }, '1.2': { kind: 'manual', points: 30 } });
    expect(s.items['1.2']).toMatchObject({ points: 0, effectiveMax: 0, answered: false });
    expect(s.max).toBe(70);
    expect(s.total).toBe(56);
    expect(s.percent).toBe(80);
    expect(s.domains[0]).toMatchObject({ totalLeaves: 1, answeredLeaves: 1 });
  });

  it('applies N/A effects to the totals', () => {
    const na: Answer = { kind: 'not-applicable', reason: 'Không phát sinh' };
    const mk = (effect: 'exclude-from-max' | 'full-points') =>
      makeSet([node('1', 100, [leaf('1.1', 80, manual), leaf('1.2', 20, yn, { notApplicable: { allowed: true, effect } })])]);
    const answers = { '1.1': { kind: 'manual', points: 60 } as Answer, '1.2': na };
    expect(scoreSet(mk('exclude-from-max'), answers)).toMatchObject({ total: 60, max: 80, percent: 75 });
    expect(scoreSet(mk('full-points'), answers)).toMatchObject({ total: 80, max: 100, percent: 80 });
  });

  it('lists points at stake, largest gap first then by code, skipping N/A and penalty items', () => {
    const set = makeSet([
      node('1', 100, [leaf('1.2', 10, manual), leaf('1.10', 10, manual), leaf('1.9', 30, manual), leaf('1.11', 50, yn, { notApplicable: { allowed: true, effect: 'exclude-from-max' } })]),
      node('2', 5, [leaf('2.1', 5, yn)], { kind: 'penalty' }),
    ]);
    const s = scoreSet(set, { '1.9': { kind: 'manual', points: 30 }, '1.11': { kind: 'not-applicable', reason: 'x' } }, { '1.10': 'dang-lam' });
    expect(s.atStake).toEqual([
      { code: '1.2', title: 'Tiêu chí 1.2', pointsAtStake: 10 },
      { code: '1.10', title: 'Tiêu chí 1.10', pointsAtStake: 10, status: 'dang-lam' },
    ]);
  });
});
