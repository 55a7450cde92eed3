import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreSet } from '../../../src/main/core/criteria/engine';
import { validateCriteriaSet } from '../../../src/main/core/criteria/validate';
import { exportSetToXlsx, importSetFromXlsx } from '../../../src/main/core/criteria/xlsx-io';
import { bandFormula, writeSelfScoreSheet } from '../../../src/main/core/reporting/xlsx-writer';
import { buildSelfScoreModel } from '../../../src/main/core/reporting/self-score-model';
import type { CriteriaSet } from '../../../src/shared/criteria/format';

const FIXTURE = join(import.meta.dirname, '../../fixtures/criteria/bands-without-floor.json');

describe('criteria format: bands without a 0 % floor, the rounding rule', () => {
  const result = validateCriteriaSet(JSON.parse(readFileSync(FIXTURE, 'utf8')));

  it('accepts a band list without a 0 % floor; below the lowest band is "Chưa xếp loại" in the engine and in Excel', async () => {
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    const set = (result as { set: CriteriaSet }).set;
    const score = scoreSet(set, {});
    expect(score.band).toBe('Chưa xếp loại');
    expect(bandFormula('D9', set.bands)).toBe('IF(D9*100>=80-0.000000001,"Tốt",IF(D9*100>=65-0.000000001,"Khá","Chưa xếp loại"))');
    const ws = new ExcelJS.Workbook();
    const layout = writeSelfScoreSheet(ws, buildSelfScoreModel(set, score));
    expect((ws.worksheets[0]!.getCell(`D${layout.bandRow}`).value as { result: string }).result).toBe('Chưa xếp loại');
  });

  it('carries the rounding rule through JSON and Excel alike (absent stays absent)', async () => {
    const set = (result as { set: CriteriaSet }).set;
    const truncating = validateCriteriaSet({ ...JSON.parse(readFileSync(FIXTURE, 'utf8')), rounding: 'truncate' });
    expect(truncating.ok).toBe(true);
    for (const original of [set, (truncating as { set: CriteriaSet }).set]) {
      const back = await importSetFromXlsx(await exportSetToXlsx(original));
      expect(back.ok, JSON.stringify(!back.ok && back.errors)).toBe(true);
      expect((back as { set: CriteriaSet }).set).toEqual(original);
    }
    const wrong = validateCriteriaSet({ ...JSON.parse(readFileSync(FIXTURE, 'utf8')), rounding: 'ceil' });
    expect(wrong.ok).toBe(false);
  });
});

describe('criteria format: stable choice ids through the Excel route', () => {
  it('gives back the same content, ids included, from JSON and from its Excel export', async () => {
    const raw = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const leaf = raw.domains[0].children[0];
    leaf.scoring = {
      type: 'choice',
      options: [
        { id: 'tot', label: 'Thực hiện tốt (đủ 100% nhiệm vụ)', points: 2 },
        { id: 'day-du', label: 'Thực hiện đầy đủ, đúng hạn', points: 1.5 },
        { id: 'khong', label: 'Không thực hiện', points: 0 },
      ],
    };
    const fromJson = validateCriteriaSet(raw);
    expect(fromJson.ok, JSON.stringify(!fromJson.ok && fromJson.errors)).toBe(true);
    const set = (fromJson as { set: CriteriaSet }).set;
    const fromExcel = await importSetFromXlsx(await exportSetToXlsx(set));
    expect(fromExcel.ok, JSON.stringify(!fromExcel.ok && fromExcel.errors)).toBe(true);
    expect((fromExcel as { set: CriteriaSet }).set).toEqual(set);
  });
});
