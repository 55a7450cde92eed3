import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportCriteriaJson, parseCriteriaJson } from '../../../src/main/core/criteria/json-io';
import { createBlankTemplate, exportSetToXlsx, importSetFromXlsx } from '../../../src/main/core/criteria/xlsx-io';
import { lookupWord, parseNumberText, ITEM_KIND_LABELS } from '../../../src/main/core/criteria/xlsx-layout';
import { scoreSet } from '../../../src/main/core/criteria/engine';
import type { CriteriaSet } from '../../../src/shared/criteria/format';

const ROOT = join(import.meta.dirname, '../../..');
const sampleText = readFileSync(join(ROOT, 'resources/criteria/sample-so-2026.json'), 'utf8');

function sample(): CriteriaSet {
  const r = parseCriteriaJson(sampleText);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.set;
}

async function editWorkbook(buf: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the bundled sample set', () => {
  it('validates and matches the brief: sở 2026, 8 domains + bonus/penalty, 100 points, every rule type', () => {
    const set = sample();
    expect(set).toMatchObject({ unitType: 'so', year: 2026, isSample: true, scale: { max: 100 } });
    expect(set.name).toMatch(/^Bộ chỉ số mẫu \(tham khảo\)/);
    expect(set.domains.filter((d) => d.kind === 'normal')).toHaveLength(8);
    expect(set.domains.filter((d) => d.kind !== 'normal').map((d) => d.kind)).toEqual(['bonus', 'penalty']);
    expect(set.bands).toEqual([
      { name: 'Tốt', minPercent: 80 },
      { name: 'Khá', minPercent: 65 },
      { name: 'Trung bình', minPercent: 50 },
      { name: 'Yếu', minPercent: 0 },
    ]);
    const leaves: CriteriaSet['domains'] = [];
    const walk = (items: CriteriaSet['domains']) => items.forEach((i) => (i.children.length ? walk(i.children) : leaves.push(i)));
    walk(set.domains);
    const self = leaves.filter((l) => l.assessedBy === 'self');
    expect(self.length).toBeGreaterThanOrEqual(40);
    expect(self.length).toBeLessThanOrEqual(60);
    expect(new Set(self.map((l) => l.scoring?.type))).toEqual(new Set(['yes-no', 'choice', 'percent', 'count', 'deadline', 'manual']));
    expect(leaves.some((l) => l.assessedBy === 'survey')).toBe(true);
    expect(self.filter((l) => l.notApplicable?.allowed).length).toBeGreaterThanOrEqual(3);
    expect(sampleText.normalize('NFC')).toBe(sampleText);
  });

  it('scores 100% when every self-scored item is at full points', () => {
    const set = sample();
    const score = scoreSet(set, {});
    expect(score.total).toBe(0);
    expect(score.max).toBe(77); // 100 minus 23 survey/appraisal points
    expect(score.band).toBe('Yếu');
  });
});

describe('JSON import/export', () => {
  it('round-trips the sample to a deep-equal set', () => {
    const set = sample();
    const back = parseCriteriaJson(exportCriteriaJson(set));
    expect(back.ok && back.set).toEqual(set);
  });

  it('normalises strings to NFC on import', () => {
    const nfd = sampleText.normalize('NFD');
    expect(nfd).not.toBe(sampleText);
    const r = parseCriteriaJson(nfd);
    expect(r.ok && r.set).toEqual(sample());
  });

  it('accepts a UTF-8 BOM and reports syntax errors with line and column', () => {
    expect(parseCriteriaJson(`\uFEFF${sampleText}`).ok).toBe(true);
    const r = parseCriteriaJson('{\n  "id": "x"\n  "name": "y"\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.where).toBe('dòng 3, cột 3');
  });
});

describe('Excel import/export', () => {
  it('round-trips the sample to a deep-equal set', async () => {
    const set = sample();
    const back = await importSetFromXlsx(await exportSetToXlsx(set));
    expect(back.ok ? back.set : back.errors).toEqual(set);
  });

  it('round-trips decision data, explicit option ids and allowAboveMax', async () => {
    const set = sample();
    set.decision = { number: '3463/QĐ-UBND', date: '2025-11-25', issuer: 'UBND tỉnh Quảng Ninh' };
    set.scale.allowAboveMax = true;
    set.isSample = false;
    const choice = set.domains[0]!.children[1]!.children[1]!;
    if (choice.scoring?.type !== 'choice') throw new Error('fixture changed');
    choice.scoring.options[0]!.id = 'a1';
    const back = await importSetFromXlsx(await exportSetToXlsx(set));
    expect(back.ok ? back.set : back.errors).toEqual(set);
  });

  it('writes the template sheets, styled headers and drop-down lists', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await createBlankTemplate()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Thông tin', 'Tiêu chí', 'Xếp loại', 'Hướng dẫn']);
    const items = wb.getWorksheet('Tiêu chí')!;
    expect(items.getCell('A1').value).toBe('Mã');
    expect(items.getCell('F1').value).toBe('Cách tính điểm');
    expect(items.getCell('A1').font?.bold).toBe(true);
    expect(items.getColumn(2).width).toBeGreaterThan(40);
    expect(items.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['"thường,thưởng,trừ"'] });
    expect(items.getCell('F500').dataValidation?.formulae?.[0]).toContain('Tự nhập điểm');
    expect(wb.getWorksheet('Xếp loại')!.getCell('A2').value).toBe('Tốt');
  });

  it('accepts Vietnamese comma decimals, words without diacritics and real Excel dates', async () => {
    const set = sample();
    const buf = await editWorkbook(await exportSetToXlsx(set), (wb) => {
      const items = wb.getWorksheet('Tiêu chí')!;
      // Row 3 is 1.1 (parent, max 3), row 4 is 1.1.1 (deadline, max 1).
      items.getCell('D4').value = '1,0';
      items.getCell('O4').value = new Date(Date.UTC(2026, 0, 31));
      items.getCell('Q4').value = '0,50';
      items.getCell('E4').value = 'tu cham';
    });
    const back = await importSetFromXlsx(buf);
    expect(back.ok ? back.set : back.errors).toEqual(set);
  });

  it('parses options and thresholds written by hand', async () => {
    const set = sample();
    const buf = await editWorkbook(await exportSetToXlsx(set), (wb) => {
      const items = wb.getWorksheet('Tiêu chí')!;
      items.getCell('L9').value = 'Đầy đủ=1; Thiếu một số nội dung=0,5 ; Không đạt=0';
      items.getCell('M5').value = '>=100%=1,5; từ 80% trở lên: 1; ≥60=0,5';
    });
    const back = await importSetFromXlsx(buf);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const item12 = back.set.domains[0]!.children[0]!.children[1]!;
    expect(item12.scoring).toMatchObject({ thresholds: [{ minPercent: 100, points: 1.5 }, { minPercent: 80, points: 1 }, { minPercent: 60, points: 0.5 }] });
    const item122 = back.set.domains[0]!.children[1]!.children[1]!;
    expect(item122.scoring).toEqual({
      type: 'choice',
      options: [
        { id: 'day-du', label: 'Đầy đủ', points: 1 },
        { id: 'thieu-mot-so-noi-dung', label: 'Thiếu một số nội dung', points: 0.5 },
        { id: 'khong-dat', label: 'Không đạt', points: 0 },
      ],
    });
  });
});

describe('template words and numbers', () => {
  it('parses numbers with comma or dot decimals', () => {
    expect([parseNumberText('2,5'), parseNumberText(' 2.5 '), parseNumberText('10'), parseNumberText('1.234,5'), parseNumberText('hai'), parseNumberText('')]).toEqual([2.5, 2.5, 10, 1234.5, null, null]);
  });
  it('refuses a word whose folded form is ambiguous (thường/thưởng)', () => {
    expect(lookupWord(ITEM_KIND_LABELS, 'thưởng')).toBe('bonus');
    expect(lookupWord(ITEM_KIND_LABELS, 'THƯỜNG')).toBe('normal');
    expect(lookupWord(ITEM_KIND_LABELS, 'thuong')).toBeUndefined();
    expect(lookupWord(ITEM_KIND_LABELS, 'tru')).toBe('penalty');
    expect(lookupWord(ITEM_KIND_LABELS, 'penalty')).toBe('penalty');
  });
});
