import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreSet } from '../../../src/main/core/criteria/engine';
import { validateCriteriaSet } from '../../../src/main/core/criteria/validate';
import { exportSetToXlsx, importSetFromXlsx } from '../../../src/main/core/criteria/xlsx-io';
import { checkAppraisal } from '../../../src/main/core/appraisal/appraisal-file';
import { officialScore } from '../../../src/main/core/appraisal/official-score';
import { exclusionsText, scaleParts } from '../../../src/shared/criteria/scale-parts';
import { surveyShares } from '../../../src/shared/criteria/survey-shares';
import type { CriteriaSet } from '../../../src/shared/criteria/format';
import ExcelJS from 'exceljs';
import { writeSelfScoreSheet } from '../../../src/main/core/reporting/xlsx-writer';
import { buildSelfScoreModel } from '../../../src/main/core/reporting/self-score-model';

const FIXTURE = join(import.meta.dirname, '../../fixtures/criteria/survey-shares.json');
const raw = () => JSON.parse(readFileSync(FIXTURE, 'utf8'));

function validSet(): CriteriaSet {
  const r = validateCriteriaSet(raw());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.set;
}

function errorsOf(input: unknown): { where: string; message: string }[] {
  const r = validateCriteriaSet(input);
  return r.ok ? [] : r.errors;
}

describe('XHH share declared on the set or a domain', () => {
  it('is valid: domains (80) + the set share (20) make the scale; a domain share sits inside its maximum', () => {
    const set = validSet();
    expect(surveyShares(set).map((s) => [s.code, s.maxPoints])).toEqual([
      ['1.XHH', 10],
      ['XHH', 20],
    ]);
  });

  it('counts in the full scale, never in the self-scored part', () => {
    const set = validSet();
    const score = scoreSet(set, { '1.1': { kind: 'yes-no', value: true }, '2.1': { kind: 'yes-no', value: true } });
    expect(score.max).toBe(70);
    expect(score.total).toBe(50);
    const parts = scaleParts(set, score);
    expect(parts).toMatchObject({ scaleMax: 100, surveyMax: 30, selfMax: 70 });
    expect(exclusionsText(parts)).toContain('30,00 điểm đánh giá qua điều tra xã hội học (XHH)');
  });

  it('refuses what would count survey points twice or out of place, naming where', () => {
    const both = raw();
    both.domains[1].children.push({ code: '2.2', title: 'Mức độ hài lòng', maxPoints: 0, assessedBy: 'survey' });
    both.domains[1].survey = { maxPoints: 0.5 };
    both.domains[1].children[0].maxPoints = 29.5;
    const e1 = errorsOf(both);
    expect(e1.find((e) => e.where === 'domains[1].survey.maxPoints')?.message).toContain('vừa có tiêu chí đánh giá qua điều tra XHH (2.2)');
    expect(e1.find((e) => e.where === 'survey.maxPoints')?.message).toContain('Bộ chỉ số vừa khai báo phần điểm XHH chung (20,00)');

    const tooBig = raw();
    tooBig.domains[0].survey = { maxPoints: 15 };
    expect(errorsOf(tooBig).find((e) => e.where === 'domains[0].survey.maxPoints')?.message).toBe(
      'Lĩnh vực 1: tổng điểm tối đa các tiêu chí (40,00) cộng phần điểm XHH (15,00) vượt điểm tối đa của lĩnh vực (50,00).',
    );
    const aboveDomain = raw();
    aboveDomain.domains[0].survey = { maxPoints: 60 };
    expect(errorsOf(aboveDomain).find((e) => e.where === 'domains[0].survey.maxPoints')?.message).toBe('Lĩnh vực 1: phần điểm XHH (60,00) vượt điểm tối đa của lĩnh vực (50,00).');

    const onCriterion = raw();
    onCriterion.domains[1].children[0].survey = { maxPoints: 1 };
    expect(errorsOf(onCriterion).map((e) => e.where)).toContain('domains[1].children[0].survey');

    const scale = raw();
    scale.survey = { maxPoints: 25 };
    expect(errorsOf(scale).find((e) => e.where === 'domains')?.message).toBe(
      'Tổng điểm tối đa các lĩnh vực (80,00) cộng phần điểm XHH chung (25,00) là 105,00, khác điểm tối đa của thang điểm (100,00), thừa 5,00 điểm.',
    );

    const bonus = raw();
    bonus.domains.push({ code: '3', title: 'Điểm thưởng', kind: 'bonus', maxPoints: 2, survey: { maxPoints: 1 }, children: [{ code: '3.1', title: 'Sáng kiến', maxPoints: 2, scoring: { type: 'manual' } }] });
    expect(errorsOf(bonus).find((e) => e.where === 'domains[2].survey.maxPoints')?.message).toContain('chỉ khai báo ở lĩnh vực loại «thường»');
  });

  it('goes through the Excel route unchanged', async () => {
    const set = validSet();
    const back = await importSetFromXlsx(await exportSetToXlsx(set));
    expect(back.ok, JSON.stringify(!back.ok && back.errors)).toBe(true);
    if (back.ok) expect(back.set).toEqual(set);
  });

  it('the appraisal file carries the shares on lines "1.XHH" and "XHH"; the index uses them', () => {
    const set = validSet();
    const target = { unitShortNameOf: () => 'STP', setOf: () => set, hasRound1: () => true };
    const file = (items: unknown[]) => ({ formatVersion: 1, kind: 'appraisal', year: 2026, unit: 'STP', round: 1, final: true, items });
    const bad = checkAppraisal(file([{ code: '1.XHH', points: 11 }, { code: '2.XHH', points: 1 }, { code: 'XHH', points: 5 }, { code: 'XHH', points: 6 }]), target);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toEqual([
        { where: 'items[0].points', message: 'Điểm 11,00 của tiêu chí 1.XHH vượt điểm tối đa 10,00.' },
        { where: 'items[1].code', message: 'Bộ chỉ số năm 2026 không khai báo phần điểm XHH cho lĩnh vực 2 nên không có dòng 2.XHH.' },
        { where: 'items[3].code', message: 'Mã tiêu chí XHH bị trùng với dòng thứ 3.' },
      ]);
    }
    const good = checkAppraisal(file([{ code: '1.1', points: 15 }, { code: '1.XHH', points: 8, note: 'Khảo sát 300 phiếu' }, { code: 'XHH', points: 16.5 }]), target);
    expect(good.ok, JSON.stringify(!good.ok && good.errors)).toBe(true);
    if (!good.ok) return;
    expect(good.file.items.find((i) => i.code === '1.XHH')?.requestExplanation).toBe(false);

    const answers = { '1.1': { kind: 'yes-no', value: true }, '1.2': { kind: 'yes-no', value: false }, '2.1': { kind: 'yes-no', value: true } } as const;
    const selfScore = scoreSet(set, answers);
    const items = new Map(good.file.items.map((i) => [i.code, { code: i.code, points: i.points, note: i.note, explanationRequested: i.requestExplanation }]));
    const score = officialScore({ set, answers, selfScore, rounds: [{ round: 1, final: true, items }] });
    expect(score.appraised).toEqual({ round: 1, points: 45, max: 70 });
    expect(score.survey).toEqual({ points: 24.5, max: 30 });
    expect(score.index).toBe(69.5);
    expect(score.band).toBe('Khá');
    expect(score.formula).toBe('appraised-plus-survey');
    expect(score.parts?.leafPoints['1.XHH']).toBe(8);
    // Without any survey line, no XHH was entered: the appraised part rescaled.
    const withoutSurvey = officialScore({ set, answers, selfScore, rounds: [{ round: 1, final: true, items: new Map([['1.1', { code: '1.1', points: 15, note: '', explanationRequested: false }]]) }] });
    expect(withoutSurvey.survey).toBeNull();
    expect(withoutSurvey.index).toBe(64.29);
  });

  it('the report’s xlsx adds a domain’s appraised XHH share to the domain’s live "Điểm thẩm định"', () => {
    const set = validSet();
    const score = scoreSet(set, { '1.1': { kind: 'yes-no', value: true } });
    const model = buildSelfScoreModel(set, score, {}, {}, { appraisal: { round: 1, points: { '1.1': 15, '1.2': 0, '1': 23, '1.XHH': 8, '2.1': 30, '2': 30 } } });
    const wb = new ExcelJS.Workbook();
    const layout = writeSelfScoreSheet(wb, model);
    const g = wb.worksheets[0]!.getCell(`G${layout.rowOf['1']}`).value as { formula: string; result: number };
    expect(g).toEqual({ formula: `ROUND(MIN(SUM(G${layout.rowOf['1.1']},G${layout.rowOf['1.2']})+8,C${layout.rowOf['1']}),2)`, result: 23 });
  });
});
