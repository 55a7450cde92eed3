import { describe, expect, it } from 'vitest';
import { statisticsIndicators } from '../../../src/main/core/reporting/content-data';
import { statisticsTable } from '../../../src/main/core/reporting/periodic-report';
import { statisticRows, statisticsProblems } from '../../../src/main/core/reporting/statistics-rows';

const indicators = statisticsIndicators();
const row = (rows: ReturnType<typeof statisticRows>, code: string) => rows.find((r) => r.code === code)!;

describe('the biểu số liệu covers every reform area', () => {
  it('has rows for the plan, kiểm tra, thể chế, TTHC, bộ máy, công vụ, tài chính công and chính quyền số', () => {
    const groups = new Set(indicators.map((i) => i.group));
    for (const g of ['Công tác chỉ đạo, điều hành', 'Cải cách thể chế', 'Cải cách thủ tục hành chính', 'Cải cách tổ chức bộ máy', 'Cải cách chế độ công vụ', 'Cải cách tài chính công', 'Chính quyền điện tử, chính quyền số']) {
      expect(groups.has(g), g).toBe(true);
    }
  });

  it('names what it computes: signed outgoing documents, and toàn trình work files, each with its own rate', () => {
    const rows = statisticRows(indicators, { 'vb-di': 3000, 'vb-di-ky-so': 2467, 'hscv-tong': 400, 'hscv-dien-tu': 300 });
    expect(row(rows, 'tl-vb-dien-tu').label).toBe('Tỷ lệ văn bản đi được ký số, gửi trên môi trường điện tử');
    expect(row(rows, 'tl-vb-dien-tu').value).toBeCloseTo(82.2333, 3);
    expect(row(rows, 'tl-hscv-dien-tu').label).toBe('Tỷ lệ xử lý văn bản, hồ sơ công việc toàn trình trên môi trường điện tử');
    expect(row(rows, 'tl-hscv-dien-tu').value).toBe(75);
  });

  it('takes the plan rows from the plan, computes their rate, and refuses typing them', () => {
    const rows = statisticRows(indicators, {}, { 'kh-nhiem-vu': 24, 'kh-hoan-thanh': 23 });
    expect(row(rows, 'kh-nhiem-vu')).toMatchObject({ value: 24, computed: true, formulaText: '(lấy từ Kế hoạch CCHC)' });
    expect(row(rows, 'tl-kh-hoan-thanh').value).toBeCloseTo(95.8333, 3);
    expect(statisticsProblems(indicators, { 'kh-nhiem-vu': 3 })[0]).toContain('được lấy từ Kế hoạch CCHC');
  });

  it('checks that hồ sơ by channel add up to hồ sơ tiếp nhận', () => {
    const good = statisticRows(indicators, { 'hs-tiep-nhan': 100, 'hs-kenh-truc-tuyen': 70, 'hs-kenh-truc-tiep': 25, 'hs-kenh-buu-chinh': 5 });
    expect(row(good, 'hs-tiep-nhan').message).toBeNull();
    const bad = statisticRows(indicators, { 'hs-tiep-nhan': 100, 'hs-kenh-truc-tuyen': 70, 'hs-kenh-truc-tiep': 20 });
    expect(row(bad, 'hs-tiep-nhan').message).toMatch(/^Tổng các dòng \(\d+\), \(\d+\), \(\d+\) là 90, khác số ở dòng này \(100\)\.$/);
  });

  it('rates TTHC online by count of TTHC and the units self-financing', () => {
    const rows = statisticRows(indicators, { 'tthc-tong': 200, 'dvc-toan-trinh': 150, 'tcc-tu-chu': 1, 'tcc-dvsn': 4 });
    expect(row(rows, 'tl-dvc-toan-trinh').value).toBe(75);
    expect(row(rows, 'tl-tcc-tu-chu').value).toBe(25);
  });

  it('prints a blank value as "—" in the appendix table, with a Ghi chú column', () => {
    const table = statisticsTable(statisticRows(indicators, { 'vb-di': 10 }), 'Quý I năm 2026');
    if (table.type !== 'table') throw new Error('not a table');
    expect(table.columns.map((c) => c.title)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Quý I năm 2026', 'Ghi chú']);
    const values = table.rows.filter((r) => r.length === 5).map((r) => r[3]);
    expect(values).toContain('10');
    expect(values).not.toContain('');
    expect(values).not.toContain('0');
    expect(values.filter((v) => v === '—').length).toBe(values.length - 1);
  });
});
