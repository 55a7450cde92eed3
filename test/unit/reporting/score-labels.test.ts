import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreSet } from '../../../src/main/core/criteria/engine';
import { buildSelfAssessmentReport, explanationItems } from '../../../src/main/core/reporting/self-assessment-report';
import { buildSelfScoreModel } from '../../../src/main/core/reporting/self-score-model';
import { writeSelfScoreSheet } from '../../../src/main/core/reporting/xlsx-writer';
import { exclusionsText, scaleParts, selfScopeText, signedPointsText } from '../../../src/shared/criteria/scale-parts';
import type { Answer } from '../../../src/shared/criteria/format';
import { sampleProfile } from '../../helpers/sample-profile';
import type { UnitProfile } from '../../../src/shared/contract/profile';
import { leaf, makeSet, node } from '../criteria/helpers';

/** A set as real decisions write it: `kind` on the bonus/penalty domains only, survey and N/A items. */
const set = makeSet([
  node('1', 60, [
    leaf('1.1', 20, { type: 'yes-no', noPoints: 0 }),
    leaf('1.2', 20, { type: 'yes-no', noPoints: 0 }, { notApplicable: { allowed: true, effect: 'exclude-from-max' } }),
    leaf('1.3', 20, undefined, { assessedBy: 'survey' }),
  ]),
  node('2', 40, [leaf('2.1', 36, { type: 'manual' }), leaf('2.2', 4, undefined, { assessedBy: 'appraisal' })]),
  node('3', 2, [leaf('3.1', 2, { type: 'yes-no', noPoints: 0 })], { kind: 'bonus' }),
  node('4', 3, [leaf('4.1', 3, { type: 'count', mode: 'per-unit', pointsEach: 1 })], { kind: 'penalty' }),
]);
const answers: Record<string, Answer> = {
  '1.1': { kind: 'yes-no', value: true },
  '1.2': { kind: 'not-applicable', reason: 'Đơn vị không có đơn vị trực thuộc' },
  '2.1': { kind: 'manual', points: 30 },
  '3.1': { kind: 'yes-no', value: true },
  '4.1': { kind: 'count', count: 1 },
};
const score = scoreSet(set, answers);
const reasons = { '1.2': 'Đơn vị không có đơn vị trực thuộc' };

describe('scores that say what they are', () => {
  it('states the part of the scale the self-score covers and what is excluded, and why', () => {
    const parts = scaleParts(set, score, reasons);
    expect(parts).toMatchObject({ scaleMax: 100, surveyMax: 20, appraisalOnlyMax: 4, notApplicableMax: 20, selfMax: 56 });
    expect(selfScopeText(parts)).toBe('phần tự chấm 56,00/100,00 điểm');
    expect(exclusionsText(parts)).toBe(
      'không tính 20,00 điểm đánh giá qua điều tra xã hội học (XHH); 4,00 điểm do cơ quan thẩm định chấm; 20,00 điểm của tiêu chí không áp dụng, KAD: 1.2',
    );
  });

  it('reads a deduction as −, a bonus as +, whatever level declares the kind', () => {
    expect(signedPointsText(1, 'penalty')).toBe('−1,00');
    expect(signedPointsText(2, 'bonus')).toBe('+2,00');
    expect(signedPointsText(0, 'penalty')).toBe('0,00');
  });

  it('asks no giải trình for a deduction or a bonus, but for every item without evidence', () => {
    const input = { profile: { focalOfficerPhone: '', focalOfficerEmail: '', ...sampleProfile() } as UnitProfile, set, score, explanations: {}, evidence: { '1.1': [] }, isoDate: '2026-12-01', notApplicableReasons: reasons };
    const items = explanationItems(input);
    // 1.1 full points but no evidence; 2.1 below max; 3.1/4.1 have no evidence (listed for that
    // reason only, never as "below maximum").
    expect(items.map((i) => [i.item.code, i.below, i.noEvidence])).toEqual([
      ['1.1', false, true],
      ['2.1', true, true],
      ['3.1', false, true],
      ['4.1', false, true],
    ]);
    const doc = JSON.stringify(buildSelfAssessmentReport(input));
    expect(doc).toContain('điểm trừ −1,00; không có tài liệu kiểm chứng');
    expect(doc).not.toContain('4.1. Tiêu chí 4.1","bold":true}," (tự chấm');
    // KAD with its reason and its effect on the maximum, in the body and the summary table.
    expect(doc).toContain('(KAD): Đơn vị không có đơn vị trực thuộc; không tính 20,00 điểm vào điểm tối đa.');
    expect(doc).toContain('KAD: Đơn vị không có đơn vị trực thuộc (không tính 20,00 điểm vào điểm tối đa)');
    expect(doc).toContain('Tổng điểm tự chấm (tạm tính)');
    expect(doc).not.toMatch(/xếp loại Tốt|xếp loại Khá|xếp loại Yếu/);
  });

  it('prints the same maximum and exclusions in the workbook, KAD and signed points on the face of the cells', () => {
    const model = buildSelfScoreModel(set, score, {}, {}, { notApplicableReasons: reasons });
    const wb = new ExcelJS.Workbook();
    const layout = writeSelfScoreSheet(wb, model);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(`C${layout.maxRow}`).value).toBe(56);
    expect(String(ws.getCell(`A${layout.maxRow}`).value)).toContain('phần tự chấm 56,00/100,00 điểm (không tính 20,00 điểm đánh giá qua điều tra');
    expect(String(ws.getCell(`A${layout.bandRow}`).value)).toMatch(/^Xếp loại tạm tính/);
    expect(ws.getCell(`D${layout.rowOf['1.2']}`).numFmt).toBe('"KAD"');
    expect(String(ws.getCell(`E${layout.rowOf['1.2']}`).value)).toMatch(/^KAD \(không áp dụng\): Đơn vị không có đơn vị trực thuộc\. Không tính 20,00 điểm/);
    expect(ws.getCell(`D${layout.rowOf['4.1']}`).numFmt).toContain('"−"');
    expect(ws.getCell(`D${layout.rowOf['3.1']}`).numFmt).toContain('"+"');
    expect(model.rows.find((r) => r.code === '4.1')?.kind).toBe('penalty');
  });
});
