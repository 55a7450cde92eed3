import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCriteriaFile } from '../../../src/main/core/criteria/import-file';
import { parseCriteriaJson } from '../../../src/main/core/criteria/json-io';
import { textTooDeep, valueTooDeep } from '../../../src/main/core/criteria/nesting';
import { validateCriteriaSet } from '../../../src/main/core/criteria/validate';
import { SHEETS } from '../../../src/main/core/criteria/xlsx-layout';
import { sampleWorkbook } from '../../fixtures/criteria/hostile-workbooks';

/** Deeply nested input used to overflow the stack (JSON.parse, zod, the semantic checks all recurse). */

const item = (code: string, children: string) => `{"code":"${code}","title":"Tiêu chí ${code}","maxPoints":1,"children":[${children}]}`;

function nestedChildren(levels: number): string {
  let json = '';
  for (let i = levels; i >= 1; i -= 1) json = item(Array.from({ length: i }, () => '1').join('.'), json);
  return `{"formatVersion":1,"id":"sau","name":"Bộ lồng sâu","year":2026,"unitType":"so","domains":[\n${json}]}`;
}

describe('deeply nested criteria input is refused with a clear error, never a stack overflow', () => {
  it('100,000 nested brackets in a JSON file', () => {
    const result = parseCriteriaJson(`{"domains":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(result).toEqual({ ok: false, errors: [{ where: 'dòng 1, cột 75', message: expect.stringContaining('Tệp JSON lồng quá 64 cấp ngoặc;') }] });
  });

  it('criteria nested 1,000 levels through "children", uploaded as a file', async () => {
    const { result } = await readCriteriaFile('bo-chi-so.json', Buffer.from(nestedChildren(1000)));
    expect(result).toMatchObject({ ok: false, errors: [{ where: expect.stringMatching(/^dòng 2, cột \d+$/), message: expect.stringContaining('lồng quá 64 cấp') }] });
  });

  it('a set nested a little too deep still gets the precise semantic error', () => {
    const result = parseCriteriaJson(nestedChildren(6));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.message).join(' ')).toContain('lồng quá 4 cấp');
  });

  it('an Excel sheet with codes 1, 1.1, 1.1.1, … 1,000 levels deep', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await sampleWorkbook()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SHEETS.items)!;
    const start = sheet.rowCount + 1;
    let code = '9';
    for (let i = 0; i < 1000; i += 1) {
      sheet.getRow(start + i).values = [code, `Tiêu chí ${i}`, null, 1];
      code += '.1';
    }
    const { result } = await readCriteriaFile('bo-chi-so.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.message).join(' ')).toContain('lồng quá 64 cấp');
  });

  it('an already parsed value nested too deep (validateCriteriaSet is the last line)', () => {
    let raw: unknown = {};
    for (let i = 0; i < 10_000; i += 1) raw = { children: [raw] };
    expect(validateCriteriaSet(raw)).toMatchObject({ ok: false, errors: [{ where: expect.stringMatching(/^children\[0\]/), message: expect.stringContaining('lồng quá 64 cấp') }] });
  });

  it('measures depth without recursing, skipping brackets inside strings', () => {
    expect(textTooDeep('{"a":"[[[[[[","b":[1,[2]]}', 2)).toEqual({ line: 1, column: 22 });
    expect(textTooDeep('{"a":"[[[[[["}', 1)).toBeNull();
    expect(textTooDeep('{"a":"\\"[[["}', 1)).toBeNull();
    expect(valueTooDeep({ a: [{ b: 1 }] }, 3)).toBeNull();
    expect(valueTooDeep({ a: [{ b: {} }] }, 3)).toBe('a[0].b');
  });
});
