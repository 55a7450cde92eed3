import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildSelfScoreModel } from '../../../src/main/core/reporting/self-score-model';
import { evaluateStatistics, type StatisticsModel } from '../../../src/main/core/reporting/statistics-model';
import { bandFormula, writeSelfScoreSheet, writeSelfScoreWorkbook, writeStatisticsSheet, writeStatisticsWorkbook } from '../../../src/main/core/reporting/xlsx-writer';
import { sampleCriteriaSet, sampleEvidence, sampleSetScore } from '../../fixtures/reporting/criteria-fixture';
import { ooxmlErrors, part, zipParts } from '../../fixtures/reporting/ooxml';

/** Cached value of a cell straight from the sheet XML (ExcelJS reads a cached 0 as missing). */
function cached(xml: string, ref: string): { f?: string; v?: string } {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>(.*?)</c>)`, 's').exec(xml);
  const inner = m?.[1] ?? '';
  const unescape = (t: string | undefined) => t?.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
  return { f: unescape(/<f>([^<]*)<\/f>/.exec(inner)?.[1]), v: /<v>([^<]*)<\/v>/.exec(inner)?.[1] };
}

describe('self-score workbook (fixture set with bonus, penalty, survey and N/A items)', async () => {
  const set = sampleCriteriaSet();
  const score = sampleSetScore(set);
  const model = buildSelfScoreModel(set, score, { '1.1.2': 'Giải trình của Đỗ Thị Ỹ' }, sampleEvidence(set), { unitName: 'Sở Nội vụ' });
  const layout = writeSelfScoreSheet(new ExcelJS.Workbook(), model);
  const buffer = await writeSelfScoreWorkbook(model);
  const sheet = part(await zipParts(buffer), 'xl/worksheets/sheet1.xml');

  it('caches the engine’s buckets, total, percentage and band beside their formulas', () => {
    expect(Number(cached(sheet, `D${layout.normalRow}`).v)).toBeCloseTo(model.normalPoints, 9);
    expect(Number(cached(sheet, `D${layout.bonusRow}`).v)).toBeCloseTo(model.bonusPoints, 9);
    expect(Number(cached(sheet, `D${layout.penaltyRow}`).v)).toBeCloseTo(model.penaltyPoints, 9);
    expect(model.penaltyPoints).toBe(1);
    const total = cached(sheet, `D${layout.totalRow}`);
    expect(total.f).toBe(`ROUND(MIN(MAX(D${layout.normalRow}+D${layout.bonusRow}-D${layout.penaltyRow},0),MIN(C${layout.maxRow},100)),2)`);
    expect(Number(total.v)).toBeCloseTo(score.total, 9);
    expect(Number(cached(sheet, `D${layout.percentRow}`).v)).toBeCloseTo(score.percent / 100, 9);
    expect(cached(sheet, `D${layout.bandRow}`).f).toBe(bandFormula(`D${layout.percentRow}`, set.bands));
  });

  it('leaves survey items without a self-score and writes N/A items as 0 within their parent’s sum', () => {
    const survey = cached(sheet, `D${layout.rowOf['8.1.1']}`);
    expect(survey.v).toBeUndefined();
    expect(cached(sheet, `D${layout.rowOf['6.2.3']}`).v).toBe('0');
    expect(cached(sheet, `D${layout.rowOf['6.2']}`).f).toBe(`ROUND(MIN(SUM(D${layout.rowOf['6.2.1']},D${layout.rowOf['6.2.2']},D${layout.rowOf['6.2.3']}),C${layout.rowOf['6.2']}),2)`);
  });

  it('computes the band the same way as the engine for every threshold', () => {
    // The formula picks the highest band whose lower bound the percentage reaches.
    expect(bandFormula('D9', set.bands)).toBe('IF(D9*100>=80-0.000000001,"Tốt",IF(D9*100>=65-0.000000001,"Khá",IF(D9*100>=50-0.000000001,"Trung bình","Yếu")))');
  });

  it('is schema-valid', async () => {
    expect(await ooxmlErrors(buffer, 'xlsx')).toEqual([]);
  });
});

describe('statistics workbook over several periods', async () => {
  const model: StatisticsModel = {
    title: 'BIỂU SỐ LIỆU',
    periods: ['Quý I năm 2026', '6 tháng đầu năm 2026'],
    indicators: [
      { code: 'a', name: 'Đúng hạn', unit: 'count', values: [90, null] },
      { code: 'b', name: 'Quá hạn', unit: 'count', values: [10, 5] },
      { code: 'c', name: 'Tổng', unit: 'count', formula: { op: 'sum', of: ['a', 'b'] } },
      { code: 'd', name: 'Tỷ lệ đúng hạn', unit: 'percent', formula: { op: 'ratio', numerator: 'a', denominator: 'c' } },
    ],
  };
  const layout = writeStatisticsSheet(new ExcelJS.Workbook(), model);
  const buffer = await writeStatisticsWorkbook(model);
  const sheet = part(await zipParts(buffer), 'xl/worksheets/sheet1.xml');
  const values = evaluateStatistics(model);

  it('writes the sum and the ratio per period with the evaluated values cached, "—" where undefined', () => {
    const [q1, h1] = layout.periodColumns as [string, string];
    const [a, b, c] = [layout.rowOf.a, layout.rowOf.b, layout.rowOf.c];
    expect(cached(sheet, `${q1}${c}`)).toEqual({ f: `IF(COUNT(${q1}${a},${q1}${b})=0,"—",SUM(${q1}${a},${q1}${b}))`, v: '100' });
    expect(Number(cached(sheet, `${q1}${layout.rowOf.d}`).v)).toBeCloseTo((values.d?.[0] ?? 0) / 100, 12);
    // Half-year: a is missing, so the sum is b alone and the ratio is blank (not 0 %), in the
    // engine and in the formula a spreadsheet program recalculates alike.
    expect(values.c?.[1]).toBe(5);
    expect(values.d?.[1]).toBeNull();
    const ratio = cached(sheet, `${h1}${layout.rowOf.d}`);
    expect(ratio.f).toBe(`IF(OR(COUNT(${h1}${a})=0,N(${h1}${c})=0),"—",${h1}${a}/${h1}${c})`);
    expect(ratio.v).toBe('—');
  });

  it('is schema-valid', async () => {
    expect(await ooxmlErrors(buffer, 'xlsx')).toEqual([]);
  });
});
