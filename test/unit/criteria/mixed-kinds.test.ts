import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreSet } from '../../../src/main/core/criteria/engine';
import { validateCriteriaSet } from '../../../src/main/core/criteria/validate';
import { checkAppraisal } from '../../../src/main/core/appraisal/appraisal-file';
import { officialScore } from '../../../src/main/core/appraisal/official-score';
import { writeSelfScoreSheet } from '../../../src/main/core/reporting/xlsx-writer';
import { buildSelfScoreModel } from '../../../src/main/core/reporting/self-score-model';
import { explanationItems } from '../../../src/main/core/reporting/self-assessment-report';
import type { Answer, CriteriaSet } from '../../../src/shared/criteria/format';
import { leaf, makeSet, node } from './helpers';

const manual = { type: 'manual' } as const;

/**
 * Criterion 1.1 holds a normal line, a bonus line and a deduction line; domain 3 ("Điểm thưởng và
 * điểm trừ", a bonus domain) holds one content with a bonus line and a penalty line.
 */
function mixedSet(): CriteriaSet {
  const raw = makeSet([
    node('1', 10, [node('1.1', 10, [leaf('1.1.1', 10, manual), leaf('1.1.2', 1, { type: 'yes-no', noPoints: 0 }, { kind: 'bonus' }), leaf('1.1.3', 1, { type: 'yes-no', noPoints: 0 }, { kind: 'penalty', title: 'Có vi phạm chế độ báo cáo' })])]),
    node('2', 90, [leaf('2.1', 90, manual)]),
    node('3', 3, [node('3.1', 3, [leaf('3.1.1', 2, manual), leaf('3.1.2', 2, manual, { kind: 'penalty' })])], { kind: 'bonus' }),
  ]);
  const r = validateCriteriaSet(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.set;
}

const answers: Record<string, Answer> = {
  '1.1.1': { kind: 'manual', points: 8 },
  '1.1.2': { kind: 'yes-no', value: true },
  '1.1.3': { kind: 'yes-no', value: true },
  '2.1': { kind: 'manual', points: 80 },
  '3.1.1': { kind: 'manual', points: 2 },
  '3.1.2': { kind: 'manual', points: 1.5 },
};

describe('one content holding both bonus and penalty sub-items', () => {
  it('is valid; the bonus and deduction lines stay out of their parent’s maximum and points', () => {
    const set = mixedSet();
    const score = scoreSet(set, answers);
    expect(score.items['1.1']).toMatchObject({ points: 8, effectiveMax: 10 });
    expect(score.buckets).toEqual({ normal: 88, bonus: 3, penalty: 2.5 });
    expect(score.max).toBe(100);
    expect(score.total).toBe(88.5);
    expect(score.domains.find((d) => d.code === '1')?.otherKinds).toEqual({ normal: 0, bonus: 1, penalty: 1 });
    // Deductions are never "points still at stake", nor a shortfall to explain.
    expect(score.atStake.map((s) => s.code)).not.toContain('1.1.3');
    expect(score.atStake.map((s) => s.code)).not.toContain('3.1.2');
  });

  it('keeps refusing a normal parent whose normal lines exceed it, but not because of bonus/penalty lines', () => {
    const raw = JSON.parse(JSON.stringify(mixedSet()));
    raw.domains[0].children[0].children[1].maxPoints = 5; // a bonus line bigger than the criterion: fine
    expect(validateCriteriaSet(raw).ok).toBe(true);
    raw.domains[0].children[0].children[0].maxPoints = 11;
    const r = validateCriteriaSet(raw);
    expect(r.ok).toBe(false);
  });

  it('property: a larger deduction never raises the total, a larger bonus never lowers it, the total is normal + bonus − penalty capped', () => {
    const set = mixedSet();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 360 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), fc.boolean(), fc.boolean(), (a, b, bonus, penalty, yesBonus, yesPenalty) => {
        const base: Record<string, Answer> = {
          '1.1.1': { kind: 'manual', points: a / 4 },
          '2.1': { kind: 'manual', points: b / 4 },
          '1.1.2': { kind: 'yes-no', value: yesBonus },
          '1.1.3': { kind: 'yes-no', value: yesPenalty },
          '3.1.1': { kind: 'manual', points: bonus / 4 },
          '3.1.2': { kind: 'manual', points: penalty / 4 },
        };
        const s = scoreSet(set, base);
        const expectedBonus = Math.min((yesBonus ? 1 : 0) + Math.min(Math.min(bonus / 4, 2), 3), Infinity);
        const expectedPenalty = (yesPenalty ? 1 : 0) + Math.min(penalty / 4, 2);
        expect(s.buckets.bonus).toBeCloseTo(expectedBonus, 9);
        expect(s.buckets.penalty).toBeCloseTo(expectedPenalty, 9);
        expect(s.total).toBeCloseTo(Math.min(Math.max(s.buckets.normal + s.buckets.bonus - s.buckets.penalty, 0), 100), 9);
        const morePenalty = scoreSet(set, { ...base, '3.1.2': { kind: 'manual', points: Math.min(penalty / 4 + 0.5, 2) } });
        expect(morePenalty.total).toBeLessThanOrEqual(s.total + 1e-9);
        const moreBonus = scoreSet(set, { ...base, '3.1.1': { kind: 'manual', points: Math.min(bonus / 4 + 0.5, 2) } });
        expect(moreBonus.total).toBeGreaterThanOrEqual(s.total - 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('the xlsx adds bonus and deduction lines to their buckets with live formulas, signed, never into the parent', () => {
    const set = mixedSet();
    const score = scoreSet(set, answers);
    const wb = new ExcelJS.Workbook();
    const layout = writeSelfScoreSheet(wb, buildSelfScoreModel(set, score));
    const ws = wb.worksheets[0]!;
    const at = (code: string) => `D${layout.rowOf[code]}`;
    const f = (cell: string) => ws.getCell(cell).value as { formula: string; result: number };
    expect(f(at('1.1')).formula).toBe(`ROUND(MIN(SUM(${at('1.1.1')}),C${layout.rowOf['1.1']}),2)`);
    expect(f(at('3.1')).formula).toBe(`ROUND(MIN(SUM(${at('3.1.1')}),C${layout.rowOf['3.1']}),2)`);
    expect(f(`D${layout.bonusRow}`).formula).toBe(`SUM(${at('1.1.2')},${at('3')})`);
    expect(f(`D${layout.bonusRow}`).result).toBe(3);
    expect(f(`D${layout.penaltyRow}`).formula).toBe(`SUM(${at('1.1.3')},${at('3.1.2')})`);
    expect(f(`D${layout.penaltyRow}`).result).toBe(2.5);
    expect(f(`D${layout.totalRow}`).result).toBe(88.5);
    expect(ws.getCell(at('1.1.3')).numFmt).toContain('"−"');
    expect(ws.getCell(at('1.1.2')).numFmt).toContain('"+"');
  });

  it('the report never asks to explain a deduction or a bonus as a shortfall', () => {
    const set = mixedSet();
    const score = scoreSet(set, { ...answers, '1.1.2': { kind: 'yes-no', value: false } });
    const evidence = Object.fromEntries(['1.1.1', '1.1.2', '1.1.3', '2.1', '3.1.1', '3.1.2'].map((c) => [c, [{} as never]]));
    const items = explanationItems({ set, score, evidence, explanations: {} } as never);
    expect(items.map((i) => i.item.code)).toEqual(['1.1.1', '2.1']);
  });

  it('the appraisal file and the appraised score treat a deduction line as a deduction', () => {
    const set = mixedSet();
    const target = { unitShortNameOf: () => 'STP', setOf: () => set, hasRound1: () => false };
    const checked = checkAppraisal({ formatVersion: 1, kind: 'appraisal', year: 2026, unit: 'STP', round: 1, items: [{ code: '1.1.3', points: 1 }, { code: '3.1.2', points: 2 }, { code: '1.1.2', points: 1.5 }] }, target);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors).toEqual([{ where: 'items[2].points', message: 'Điểm 1,50 của tiêu chí 1.1.2 vượt điểm tối đa 1,00.' }]);
    const selfScore = scoreSet(set, answers);
    const items = new Map([
      ['1.1.3', { code: '1.1.3', points: 1, note: '', explanationRequested: false }],
      ['3.1.2', { code: '3.1.2', points: 2, note: 'Trừ thêm', explanationRequested: false }],
    ]);
    const official = officialScore({ set, answers, selfScore, rounds: [{ round: 1, final: true, items }] });
    // The council deducts 2 instead of 1,5 on 3.1.2: the appraised total is 0,5 lower.
    expect(official.appraised).toEqual({ round: 1, points: 88, max: 100 });
    expect(official.parts?.appraised.buckets).toEqual({ normal: 88, bonus: 3, penalty: 3 });
  });
});
