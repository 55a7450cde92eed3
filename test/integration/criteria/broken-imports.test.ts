import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import { exportSetToXlsx } from '../../../src/main/core/criteria/xlsx-io';
import { criteriaSetSchema } from '../../../src/shared/criteria/format';
import type { CriteriaError, CriteriaPreview } from '../../../src/shared/contract/criteria';

const FIXTURES = join(import.meta.dirname, '../../fixtures/criteria');

/** Expected first error of each broken JSON file: where it points and a fragment of the message. */
const BROKEN_JSON: Record<string, { where: string; message: string }> = {
  '01-bad-syntax.json': { where: 'dòng 4, cột 1', message: 'Lỗi cú pháp JSON ở dòng 4, cột 1: ' },
  '02-duplicate-code.json': { where: 'domains[1].children[1].code', message: 'Mã tiêu chí 2.1 bị trùng' },
  '03-child-code-prefix.json': { where: 'domains[0].children[1].code', message: 'mã phải bắt đầu bằng «1.»' },
  '04-children-over-parent.json': { where: 'domains[0].maxPoints', message: 'tổng điểm tối đa các tiêu chí con (7,00) vượt điểm tối đa của nó (6,00)' },
  '05-domains-below-scale.json': { where: 'domains', message: 'thấp hơn điểm tối đa của thang điểm (12,00), thiếu 2,00 điểm' },
  '06-leaf-without-rule.json': { where: 'domains[1].children[0].scoring', message: 'Tiêu chí 2.1 là tiêu chí lá do đơn vị tự chấm nhưng chưa có cách tính điểm' },
  '07-rule-on-parent.json': { where: 'domains[0].scoring', message: 'Tiêu chí 1 có tiêu chí con nên không được có cách tính điểm riêng' },
  '08-thresholds-unordered.json': { where: 'domains[0].children[1].scoring.thresholds[1].minPercent', message: 'các ngưỡng phải sắp từ cao xuống thấp' },
  '09-threshold-points-above-max.json': { where: 'domains[0].children[1].scoring.thresholds[0].points', message: 'tiêu chí 1.2 → Cách tính điểm → ngưỡng thứ 1 → Điểm: ngưỡng thứ 1 cho 5,00 điểm, vượt điểm tối đa (4,00)' },
  '10-yes-points-above-max.json': { where: 'domains[0].children[0].scoring.yesPoints', message: 'điểm khi «Có» (3,00) vượt điểm tối đa (2,00)' },
  '11-percent-without-thresholds.json': { where: 'domains[0].children[1].scoring.thresholds', message: 'chưa khai báo ngưỡng nào' },
  '12-per-unit-without-points-each.json': { where: 'domains[1].children[1].scoring.pointsEach', message: 'chưa có «điểm mỗi đơn vị»' },
  '13-duplicate-option-ids.json': { where: 'domains[1].children[0].scoring.options[1].id', message: 'mã mức lựa chọn «day-du» bị trùng' },
  '15-bands-duplicate-name.json': { where: 'bands[1].name', message: 'bị trùng tên' },
  '16-bands-unordered.json': { where: 'bands[1].minPercent', message: 'Xếp loại phải sắp từ cao xuống thấp' },
  '17-unknown-rule-type.json': { where: 'domains[0].children[0].scoring.type', message: 'tiêu chí 1.1 → Cách tính điểm → Loại cách tính điểm: không rõ cách tính điểm' },
  '18-unknown-input-kind.json': { where: 'domains[0].children[1].scoring.input', message: 'chấp nhận: direct, ratio' },
  '19-max-not-number.json': { where: 'domains[1].children[0].maxPoints', message: 'tiêu chí 2.1 → Điểm tối đa: phải là số' },
  '20-decision-date-invalid.json': { where: 'decision.date', message: 'ngày có thật' },
  '21-district-after-2024.json': { where: 'unitType', message: 'UBND cấp huyện' },
  '22-siblings-unordered.json': { where: 'domains[0].children[1].code', message: 'Tiêu chí 1.1 đứng sau 1.2' },
  '23-bands-missing.json': { where: 'bands', message: 'Xếp loại: bắt buộc phải có' },
  '24-empty.json': { where: 'dòng 1, cột 1', message: 'Tệp JSON rỗng' },
  '25-not-an-object.json': { where: '(gốc)', message: 'cần đối tượng' },
};

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-criteria-broken-'));
  core = openCore({ dataDir: dir, log: () => {} });
  // A store with content (the bundled sample and one imported set), so "unchanged" means something.
  await core.registry.invoke('criteria/list', {});
  const ok = await core.registry.invoke('criteria/import', fileInput('valid-small.json', readFileSync(join(FIXTURES, 'valid-small.json'))));
  expect(ok.ok).toBe(true);
});

afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

function fileInput(fileName: string, bytes: Buffer) {
  return { fileName, contentBase64: bytes.toString('base64') };
}

function tableFingerprint(): string {
  const rows = core.db.prepare('SELECT * FROM criteria_set ORDER BY row_id').all();
  return `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
}

async function expectRejected(fileName: string, bytes: Buffer, expected: { where: string; message: string }) {
  const before = tableFingerprint();
  expect(before.startsWith('2:')).toBe(true);

  const preview = await core.registry.invoke('criteria/preview', fileInput(fileName, bytes));
  expect(preview.ok).toBe(true);
  const value = (preview as { value: CriteriaPreview }).value;
  expect(value.ok).toBe(false);
  expect(value.set).toBeNull();
  // `expected.where` is the exact place (JSON path, Sheet!Cell); the officer reads it in words.
  // Matched against the line the officer reads ("<where>: <message>"), whose first letter may be capitalised.
  const reads = (e: CriteriaError) => `${e.where}: ${e.message}`.toLocaleLowerCase('vi');
  const hit = value.errors.find((e) => (e.ref ?? e.where) === expected.where && reads(e).includes(expected.message.toLocaleLowerCase('vi')));
  expect(hit, `${fileName}: ${JSON.stringify(value.errors)}`).toBeDefined();
  expect(hit!.where).not.toMatch(/domains\[|children\[|^[^«]*![A-Z]+\d+$/);

  const imported = await core.registry.invoke('criteria/import', fileInput(fileName, bytes));
  expect(imported.ok).toBe(false);
  if (!imported.ok) {
    expect(imported.error.code).toBe('VALIDATION_FAILED');
    expect(imported.error.message).toContain('chưa được nhập');
    expect(imported.error.message).toContain(`${hit!.where}: `);
    expect(imported.error.message.toLocaleLowerCase('vi')).toContain(expected.message.toLocaleLowerCase('vi'));
  }
  expect(tableFingerprint()).toBe(before);
}

describe('broken JSON criteria files', () => {
  it('has at least 15 broken fixtures, each listed here', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(join(FIXTURES, 'broken')).sort();
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files).toEqual(Object.keys(BROKEN_JSON).sort());
  });

  for (const [file, expected] of Object.entries(BROKEN_JSON)) {
    it(`${file} → ${expected.where}`, async () => {
      await expectRejected(file, readFileSync(join(FIXTURES, 'broken', file)), expected);
    });
  }

  it('reports every error of a file with many at once', async () => {
    const raw = JSON.parse(readFileSync(join(FIXTURES, 'valid-small.json'), 'utf8'));
    raw.bands = [{ name: 'Tốt', minPercent: 80 }];
    raw.domains[0].children[0].scoring = { type: 'bonus-points' };
    raw.domains[1].children[1].maxPoints = 'hai';
    raw.domains[1].children[0].scoring.options[1].id = 'day-du';
    const preview = await core.registry.invoke('criteria/preview', fileInput('nhieu-loi.json', Buffer.from(JSON.stringify(raw))));
    const errors = (preview as { value: CriteriaPreview }).value.errors.map((e) => e.ref ?? e.where);
    expect(errors).toEqual(
      expect.arrayContaining(['domains[0].children[0].scoring.type', 'domains[1].children[1].maxPoints', 'domains[1].children[0].scoring.options[1].id']),
    );
  });

  it('refuses a file that is neither JSON nor Excel', async () => {
    await expectRejected('ghi-chu.txt', Buffer.from('Bộ chỉ số năm 2026'), { where: '(tệp)', message: 'chỉ nhận tệp .json hoặc .xlsx' });
  });
});

describe('broken Excel criteria files', () => {
  async function workbook(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const set = criteriaSetSchema.parse(JSON.parse(readFileSync(join(FIXTURES, 'valid-small.json'), 'utf8')));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportSetToXlsx(set)) as unknown as ArrayBuffer);
    edit(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const items = (wb: ExcelJS.Workbook) => wb.getWorksheet('Tiêu chí')!;
  // Rows of "Tiêu chí": 2 → 1, 3 → 1.1, 4 → 1.2, 5 → 2, 6 → 2.1, 7 → 2.2.

  it('a maximum that is not a number points at its cell', async () => {
    const bytes = await workbook((wb) => (items(wb).getCell('D6').value = 'hai điểm'));
    await expectRejected('bo.xlsx', bytes, { where: 'Tiêu chí!D6', message: 'Tiêu chí 2.1 — Điểm tối đa: «hai điểm» không phải là số' });
  });

  it('a child whose parent is missing points at its code', async () => {
    const bytes = await workbook((wb) => (items(wb).getCell('A7').value = '3.1'));
    await expectRejected('bo.xlsx', bytes, { where: 'Tiêu chí!A7', message: 'không có tiêu chí cha 3' });
  });

  it('an unknown scoring method points at its cell', async () => {
    const bytes = await workbook((wb) => (items(wb).getCell('F3').value = 'Đạt/Không đạt'));
    await expectRejected('bo.xlsx', bytes, { where: 'Tiêu chí!F3', message: 'chọn một trong: Có/Không, Chọn mức' });
  });

  it('malformed thresholds point at their cell', async () => {
    const bytes = await workbook((wb) => (items(wb).getCell('M4').value = '≥ một trăm=4'));
    await expectRejected('bo.xlsx', bytes, { where: 'Tiêu chí!M4', message: 'Ngưỡng: «≥ một trăm=4» không đúng dạng' });
  });

  it('a semantic error is mapped back to the cell it came from', async () => {
    const bytes = await workbook((wb) => (items(wb).getCell('D4').value = 5));
    await expectRejected('bo.xlsx', bytes, { where: 'Tiêu chí!D2', message: 'vượt điểm tối đa của nó (6,00)' });
  });

  it('a missing column is one error naming the column and the sheet, not one per row', async () => {
    const bytes = await workbook((wb) => items(wb).spliceColumns(4, 1));
    const preview = await core.registry.invoke('criteria/preview', fileInput('bo.xlsx', bytes));
    const value = (preview as { value: CriteriaPreview }).value;
    expect(value.errors).toEqual([
      {
        where: 'Trang «Tiêu chí», dòng tiêu đề (dòng 1)',
        ref: 'Tiêu chí!A1',
        message: expect.stringMatching(/^Trang «Tiêu chí» thiếu cột «Điểm tối đa» ở dòng tiêu đề/),
      },
    ]);
  });

  it('says where a cell is in words: sheet, row and the column’s title', async () => {
    const bytes = await workbook((wb) => (items(wb).getCell('D6').value = 'hai điểm'));
    const preview = await core.registry.invoke('criteria/preview', fileInput('bo.xlsx', bytes));
    const hit = (preview as { value: CriteriaPreview }).value.errors.find((e) => e.ref === 'Tiêu chí!D6');
    expect(hit?.where).toBe('Trang «Tiêu chí», dòng 6, cột «Điểm tối đa»');
  });

  it('a missing sheet is named', async () => {
    const bytes = await workbook((wb) => wb.removeWorksheet(wb.getWorksheet('Xếp loại')!.id));
    await expectRejected('bo.xlsx', bytes, { where: 'Xếp loại!A1', message: 'thiếu sheet (trang) «Xếp loại»' });
  });

  it('a corrupt workbook is refused', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('không phải zip')]);
    await expectRejected('hong.xlsx', bytes, { where: '(tệp)', message: 'Không mở được tệp Excel' });
  });
});
