import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { writePackage } from '../../src/main/core/exchange/package-writer';
import { sampleApprovedVersion } from '../fixtures/exchange/sample-version';
import { AppShellPage } from './pages/app-shell.page';
import { ExchangePage } from './pages/exchange.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';

test('verify a package produced here and a tampered copy, open it read-only, back up and see the reminder go', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const exchange = new ExchangePage(page);
  await app.launch();
  await completeFirstStart(page);
  await expect(exchange.backupReminder()).toHaveText(/Dữ liệu chưa được sao lưu lần nào\./);

  // A package as another unit would send it, and a copy with one evidence file altered.
  const good = testInfo.outputPath('goi-nop-SNV-2026.zip');
  await writePackage(sampleApprovedVersion(testInfo.outputPath('src')), good, { appVersion: '0.1.0', now: new Date('2026-11-25T07:00:00Z') });
  const bytes = readFileSync(good);
  bytes[bytes.indexOf(Buffer.from('kế hoạch CCHC'))] = 'K'.charCodeAt(0);
  const tampered = testInfo.outputPath('goi-bi-sua.zip');
  writeFileSync(tampered, bytes);

  await shell.goTo('Nộp hồ sơ');
  await exchange.uploadPackage(tampered);
  await expect(exchange.problems()).toContainText('Gói không hợp lệ — 1 vấn đề');
  await expect(exchange.problems()).toContainText('bị sửa');
  await expect(exchange.problems()).toContainText('Tệp «tai-lieu-kiem-chung/1.2/Kế hoạch.pdf» đã bị thay đổi');
  await expect(page.getByRole('button', { name: 'Mở gói này để xem (chỉ đọc)' })).toHaveCount(0);

  await exchange.uploadPackage(good);
  const result = exchange.verifyResult('goi-nop-SNV-2026.zip');
  await expect(result).toContainText('Gói hợp lệ: 8 tệp');
  await expect(result).toContainText('Sở Nội vụ — Tự đánh giá năm 2026');
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: testInfo.outputPath(`verify-${size.width}.png`), fullPage: true });
  }

  await exchange.openForReview();
  await expect(exchange.openedView()).toContainText('Chỉ đọc');
  await expect(exchange.openedView()).toContainText('tai-lieu-kiem-chung/1.1/Quyết định số 12_QĐ-UBND_ ban hành kế hoạch_.pdf');
  await expect(exchange.openedView()).toContainText('Trần Văn Mỹ (Giám đốc)');
  await expect(exchange.openedView()).toContainText('20/11/2026 10:00');
  await expect(exchange.openedList()).toContainText('Sở Nội vụ');

  // Backup: the browser has no save dialog, so it arrives as a download; the status and the home
  // reminder follow. The page never offered a path to type.
  await shell.goTo('Sao lưu');
  await expect(exchange.lastBackup()).toHaveText('Chưa sao lưu lần nào');
  await expect(page.getByLabel(/Lưu bản sao lưu vào/)).toHaveCount(0);
  const backup = testInfo.outputPath('sao-luu.zip');
  const name = await exchange.backupTo(backup);
  expect(name).toMatch(/^cchc-sao-luu-\d{8}-\d{6}\.zip$/);
  await expect(exchange.status()).toHaveText(`Đã sao lưu và đọc lại kiểm tra: ${name}. Trình duyệt đang tải tệp xuống (xem thư mục Tải xuống của trình duyệt).`);
  expect(readFileSync(backup).subarray(0, 2).toString('latin1')).toBe('PK');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('backup-1366.png'), fullPage: true });
  await expect(exchange.lastBackup()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  expect(existsSync(backup)).toBe(true);
  await shell.goTo('Tổng quan');
  await expect(shell.homeUnit()).toBeVisible();
  await expect(exchange.backupReminder()).toHaveCount(0);
});
