import { describe, expect, it } from 'vitest';
import { parseCriteriaJson } from '../../../src/main/core/criteria/json-io';
import { cellInWords, jsonPathInWords, jsonSyntaxMessage } from '../../../src/main/core/criteria/issue-paths';

const SET = {
  domains: [
    {
      code: '1',
      title: 'Công tác chỉ đạo, điều hành cải cách hành chính của đơn vị',
      children: [
        { code: '1.1', title: 'Kế hoạch CCHC', scoring: { type: 'choice', options: [{ label: 'Đầy đủ' }, { label: 'Thiếu' }] } },
        { code: '1.2', title: 'Báo cáo CCHC', scoring: { type: 'percent', thresholds: [{ minPercent: 100 }, { minPercent: 80 }] } },
      ],
    },
    { title: 'Lĩnh vực chưa có mã', children: [{ title: 'Con chưa có mã' }] },
  ],
  bands: [{ name: 'Xuất sắc' }, { name: 'Tốt' }],
};

describe('where a criteria problem is, in words', () => {
  it('names domains and items by code and title, not by index', () => {
    expect(jsonPathInWords(SET, ['domains', 0, 'children', 1, 'maxPoints'])).toBe(
      'Lĩnh vực 1 «Công tác chỉ đạo, điều hành cải cách…» → tiêu chí 1.2 → Điểm tối đa',
    );
    expect(jsonPathInWords(SET, ['domains', 0, 'children', 0, 'scoring', 'options', 1, 'id'])).toBe(
      'Lĩnh vực 1 «Công tác chỉ đạo, điều hành cải cách…» → tiêu chí 1.1 → Cách tính điểm → mức lựa chọn thứ 2 «Thiếu» → Mã',
    );
    expect(jsonPathInWords(SET, ['domains', 0, 'children', 1, 'scoring', 'thresholds', 1, 'minPercent'])).toContain('tiêu chí 1.2 → Cách tính điểm → ngưỡng thứ 2 → Tỷ lệ tối thiểu (%)');
  });

  it('falls back to the position when an item has no code yet', () => {
    expect(jsonPathInWords(SET, ['domains', 1, 'children', 0, 'code'])).toBe('Lĩnh vực thứ 2 (chưa có mã) «Lĩnh vực chưa có mã» → tiêu chí con thứ 1 (chưa có mã) → Mã tiêu chí');
  });

  it('words the set’s own fields, bands and the whole file', () => {
    expect(jsonPathInWords(SET, ['bands', 1, 'minPercent'])).toBe('Xếp loại thứ 2 «Tốt» → Tỷ lệ tối thiểu (%)');
    expect(jsonPathInWords(SET, ['decision', 'date'])).toBe('Quyết định ban hành → Ngày quyết định');
    expect(jsonPathInWords(SET, ['name'])).toBe('Tên bộ chỉ số');
    expect(jsonPathInWords(SET, [])).toBe('Toàn bộ tệp');
  });

  it('says a cell as sheet, row and the column’s title', () => {
    const header = (sheet: string, letter: string) => (sheet === 'Tiêu chí' && letter === 'D' ? 'Điểm tối đa' : undefined);
    expect(cellInWords('Tiêu chí!D5', header)).toBe('Trang «Tiêu chí», dòng 5, cột «Điểm tối đa»');
    expect(cellInWords('Tiêu chí!Q5', header)).toBe('Trang «Tiêu chí», dòng 5, cột Q');
    expect(cellInWords('Tiêu chí!A1', header)).toBe('Trang «Tiêu chí», dòng tiêu đề (dòng 1)');
    expect(cellInWords('(tệp)', header)).toBe('(tệp)');
  });
});

describe('JSON syntax errors: line, column and what to type', () => {
  const errorOf = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return error;
    }
    throw new Error('parsed');
  };

  it('a missing comma', () => {
    const text = '{\n  "id": "a"\n  "name": "b"\n}';
    expect(jsonSyntaxMessage({ line: 3, column: 3 }, errorOf(text))).toBe('Lỗi cú pháp JSON ở dòng 3, cột 3: thiếu dấu phẩy «,» giữa hai trường, hoặc thiếu dấu «}» đóng đối tượng.');
  });

  it('a trailing comma and a cut-off file', () => {
    expect(jsonSyntaxMessage({ line: 1, column: 10 }, errorOf('{"a": 1, }'))).toContain('nháy kép');
    expect(jsonSyntaxMessage({ line: 1, column: 8 }, errorOf('{"a": [1'))).toContain('dòng 1, cột 8: ');
  });

  it('through the reader: the line and column of the real mistake', () => {
    const text = '{\n  "formatVersion": 1,\n  "id": "x",\n  "name": "Bộ"\n  "year": 2026\n}';
    const result = parseCriteriaJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ where: 'dòng 5, cột 3', message: 'Lỗi cú pháp JSON ở dòng 5, cột 3: thiếu dấu phẩy «,» giữa hai trường, hoặc thiếu dấu «}» đóng đối tượng.' }]);
  });

  it('through the reader: a validation error names the item in words and keeps the path as ref', () => {
    const result = parseCriteriaJson(JSON.stringify({ ...SET, formatVersion: 1 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const hit = result.errors.find((e) => e.ref === 'domains[0].children[1].maxPoints');
    expect(hit?.where).toBe('Lĩnh vực 1 «Công tác chỉ đạo, điều hành cải cách…» → tiêu chí 1.2 → Điểm tối đa');
    expect(result.errors.every((e) => !/\[\d+\]/.test(e.where))).toBe(true);
  });
});
