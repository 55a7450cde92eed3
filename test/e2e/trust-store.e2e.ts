import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppShellPage } from './pages/app-shell.page';
import { EvidenceVerifyPage } from './pages/evidence.page';
import { completeFirstStart, signIn } from './support/first-start';
import { expect, test } from './support/fixtures';

/**
 * Issue 11: a stored file without a row (its row removed outside the app) is moved to quarantine
 * by the next start, never deleted, and the evidence check page says so.
 */
test('a stored file without a row is quarantined at start-up and reported on the evidence check page', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.launch();
  await completeFirstStart(page);

  const name = `${'c'.repeat(62)}.pdf`;
  const dir = join(app.dataDir, 'evidence', 'files', 'ab');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), '%PDF-1.7 tài liệu mà cơ sở dữ liệu không còn nhớ');
  await app.launch();
  await signIn(page);

  await new AppShellPage(page).goTo('Kiểm tra tài liệu');
  const verify = new EvidenceVerifyPage(page);
  await expect(verify.storeStatus()).toContainText('Kho tài liệu có 0 tệp');
  const notice = page.getByTestId('store-quarantined');
  await expect(notice).toContainText('thấy 1 tệp trong kho không có trong cơ sở dữ liệu; đã chuyển (không xoá) vào thư mục «quarantine/');
  await expect(notice).toContainText('GHI-CHU.txt');
  await page.screenshot({ path: testInfo.outputPath('kiem-tra-tai-lieu-cach-ly.png') });
});
