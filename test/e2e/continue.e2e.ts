import { AssessmentPage } from './pages/assessment.page';
import { AppShellPage } from './pages/app-shell.page';
import { ExchangePage } from './pages/exchange.page';
import { approvedAssessmentPackage } from './support/approved-package';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';

test('a new machine opens the approved package read-only, continues from it and sees the items to re-check', async ({ page, app }, testInfo) => {
  const zip = approvedAssessmentPackage(testInfo.outputPath('may-khac'));
  const shell = new AppShellPage(page);
  const exchange = new ExchangePage(page);
  const assessment = new AssessmentPage(page);
  await app.launch();
  await completeFirstStart(page);

  await shell.goTo('Nộp hồ sơ');
  await exchange.uploadPackage(zip);
  await expect(exchange.verifyResult('goi-nop-SNV-2026-v1.zip')).toContainText('Gói hợp lệ');
  await exchange.openForReview();
  await expect(exchange.openedView()).toContainText('ho-so-da-duyet.json');

  await exchange.continueFromPackage();
  const report = exchange.continueReport();
  await expect(report).toContainText('Đã tạo bản tự đánh giá năm 2026 từ gói: 2 tiêu chí được chép sang');
  await expect(report).toContainText('Tài liệu kiểm chứng: 2 tệp mới nhập, 0 tệp đã có sẵn trên máy, 2 liên kết với tiêu chí.');
  await page.screenshot({ path: testInfo.outputPath('continued.png'), fullPage: true });

  await exchange.openContinuedAssessment(2026);
  await assessment.openItem('3.2.1');
  await expect(assessment.field('Số hồ sơ giải quyết đúng hạn')).toHaveValue('245');
  await expect(assessment.field(/^Thuyết minh/)).toHaveValue('Đạt 98% hồ sơ đúng hạn.');
  await expect(assessment.itemPoints()).toContainText('3,00');
  await expect(assessment.total()).toHaveText('3,50');
  // Back to "đang làm" for the officer to re-check; the evidence came along.
  await expect(assessment.field('Trạng thái')).toHaveValue('dang-lam');
  await expect(page.getByText('Thống kê hồ sơ.pdf')).toBeVisible();

  // Continuing again would overwrite: refused with the reason.
  await shell.goTo('Nộp hồ sơ');
  await page.getByRole('button', { name: 'Xem' }).first().click();
  await exchange.continueFromPackage();
  await expect(page.getByRole('alert')).toContainText('đã có dữ liệu; không ghi đè');
});
