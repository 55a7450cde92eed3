import { writeFileSync } from 'node:fs';
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
