import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportSetToXlsx } from '../../src/main/core/criteria/xlsx-io';
import { criteriaSetSchema } from '../../src/shared/criteria/format';
import { blankCells } from '../fixtures/criteria/hostile-workbooks';
import { AppShellPage } from './pages/app-shell.page';
import { CriteriaPage } from './pages/criteria.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('a workbook of blank cells by the hundred thousand and deeply nested JSON are refused with a message naming the limit', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const criteria = new CriteriaPage(page);
  await app.launch();
  await completeFirstStart(page);
  await shell.goTo('Bộ chỉ số');

  const workbook = testInfo.outputPath('o-trong.xlsx');
  writeFileSync(workbook, await blankCells(30_000));
  await criteria.chooseFile(workbook);
  await expect(criteria.errors()).toContainText('Tệp Excel quá lớn để là bộ chỉ số: có hơn 50.000 ô dữ liệu.');
  await page.screenshot({ path: testInfo.outputPath('excel-qua-lon.png') });
  await page.getByRole('button', { name: 'Đóng' }).click();

  const deep = testInfo.outputPath('long-sau.json');
  writeFileSync(deep, `{"domains":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
  await criteria.chooseFile(deep);
  await expect(criteria.errors()).toContainText('Tệp JSON lồng quá 64 cấp ngoặc');
  await page.screenshot({ path: testInfo.outputPath('json-long-sau.png') });
});

test('a broken criteria file says where in words: a JSON syntax error by line and column, a missing Excel column once, items by domain and code', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const criteria = new CriteriaPage(page);
  await app.launch();
  await completeFirstStart(page);
  await shell.goTo('Bộ chỉ số');
  const valid = readFileSync(join(import.meta.dirname, '../fixtures/criteria/valid-small.json'), 'utf8');

  const syntax = testInfo.outputPath('thieu-dau-phay.json');
  writeFileSync(syntax, '{\n  "formatVersion": 1,\n  "id": "x",\n  "name": "Bộ"\n  "year": 2026\n}\n');
  await criteria.chooseFile(syntax);
  await expect(criteria.errors()).toContainText('Lỗi cú pháp JSON ở dòng 5, cột 3: thiếu dấu phẩy «,» giữa hai trường');
  await page.getByRole('button', { name: 'Đóng' }).click();

  const raw = JSON.parse(valid);
  raw.domains[1].children[1].maxPoints = 'hai';
  const wrong = testInfo.outputPath('sai-diem.json');
  writeFileSync(wrong, JSON.stringify(raw, null, 2));
  await criteria.chooseFile(wrong);
  await expect(criteria.errors()).toContainText('Lĩnh vực 2 «Cải cách thủ tục hành chính» → tiêu chí 2.2 → Điểm tối đa');
  await expect(criteria.errors()).not.toContainText('domains[');
  await page.screenshot({ path: testInfo.outputPath('loi-json-bang-loi.png') });
  await page.getByRole('button', { name: 'Đóng' }).click();

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exportSetToXlsx(criteriaSetSchema.parse(JSON.parse(valid)))) as unknown as ArrayBuffer);
  wb.getWorksheet('Tiêu chí')!.spliceColumns(4, 1);
  const noColumn = testInfo.outputPath('thieu-cot.xlsx');
  writeFileSync(noColumn, Buffer.from(await wb.xlsx.writeBuffer()));
  await criteria.chooseFile(noColumn);
  await expect(criteria.errors()).toContainText('Trang «Tiêu chí» thiếu cột «Điểm tối đa» ở dòng tiêu đề');
  await expect(criteria.errors().locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('thieu-cot.png') });
});
