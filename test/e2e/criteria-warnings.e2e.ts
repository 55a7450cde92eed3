import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppShellPage } from './pages/app-shell.page';
import { CriteriaPage } from './pages/criteria.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/**
 * A set whose domain 1 declares one TC more than it has: the preview shows the warning, the set
 * still saves, and the installed list keeps a warning tag. The set also declares XHH shares.
 */
test('declared TC/TCTP counts that differ from the content warn on import and stay visible with the set; the giải trình package is offered for export', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const criteria = new CriteriaPage(page);
  await app.launch();
  await completeFirstStart(page);
  await shell.goTo('Bộ chỉ số');

  const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/criteria/survey-shares.json'), 'utf8'));
  raw.domains[0].declaredCounts = { criteria: 3, subCriteria: 0 };
  const file = testInfo.outputPath('bo-chi-so.json');
  writeFileSync(file, JSON.stringify(raw));
  await criteria.chooseFile(file);
  const warning = 'Lĩnh vực 1 khai báo 3 tiêu chí (TC) nhưng nội dung có 2 tiêu chí.';
  await expect(criteria.preview()).toContainText(warning);
  await expect(criteria.preview()).toContainText('1 cảnh báo (vẫn lưu được');
  await page.screenshot({ path: testInfo.outputPath('xem-truoc-canh-bao.png') });
  await criteria.confirm();
  const row = criteria.installedRow('Bộ chỉ số thử có phần điểm XHH khai báo');
  await row.getByText('1 cảnh báo').click();
  await expect(row).toContainText(warning);
  await page.screenshot({ path: testInfo.outputPath('danh-sach-canh-bao.png') });

  await shell.goTo('Nộp hồ sơ');
  await page.getByLabel('Loại hồ sơ').first().selectOption({ label: 'Hồ sơ giải trình' });
  await expect(page.getByLabel('Loại hồ sơ').first()).toHaveValue('giai-trinh');
  await page.screenshot({ path: testInfo.outputPath('nop-ho-so-giai-trinh.png') });
});
