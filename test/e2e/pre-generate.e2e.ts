import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { ReportsPage } from './pages/reports.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';
import { shoot } from './support/screenshots';
import { startSmallSetAssessment } from './support/small-set';

test.use({ viewport: { width: 1366, height: 768 } });
test.slow();

test('before a document is generated the same list shows what is missing, and a link opens the item', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const assessment = new AssessmentPage(page);
  const reports = new ReportsPage(page);
  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  // 2.1 below full points without a thuyết minh: the report would print «chưa có thuyết minh».
  await assessment.openItem('2.1');
  await assessment.field('Số hồ sơ đúng hạn').fill('240');
  await assessment.field('Tổng số hồ sơ đã giải quyết').fill('250');
  await expect(assessment.saved()).toHaveText('Đã lưu');

  await shell.goTo('Báo cáo');
  // The period's report, not started: the check says its document would be empty.
  await expect(reports.generateCheck()).toContainText('Báo cáo kỳ này chưa được soạn');
  await reports.chooseDocument('Báo cáo tự đánh giá, chấm điểm (.docx)');
  const check = reports.generateCheck();
  await expect(check.getByTestId('check-summary')).toHaveText(/việc nên xem lại \(vẫn tạo được văn bản\)\.$/);
  await expect(check).toContainText('Tiêu chí 2.1 cần giải trình nhưng chưa có thuyết minh; văn bản sẽ in «chưa có thuyết minh».');
  await expect(check).toContainText('Tiêu chí 1.1 chưa có câu trả lời.');
  await expect(check).toContainText('Mục «Khó khăn, vướng mắc và kiến nghị» còn trống');
  // Warnings do not hold the button.
  await expect(page.getByRole('button', { name: 'Tạo và lưu tệp' })).toBeEnabled();
  await shoot(page, testInfo, 'pre-generate-check');

  await check.locator('li', { hasText: 'Tiêu chí 2.1 cần giải trình' }).getByRole('button', { name: 'Mở' }).click();
  await expect(assessment.itemTitle()).toContainText('Tỷ lệ hồ sơ TTHC giải quyết đúng hạn');
  await assessment.field(/^Thuyết minh/).fill('10 hồ sơ trễ hạn do gián đoạn hệ thống một cửa.');
  await expect(assessment.saved()).toHaveText('Đã lưu');

  await shell.goTo('Báo cáo');
  await reports.chooseDocument('Báo cáo tự đánh giá, chấm điểm (.docx)');
  await expect(reports.generateCheck()).toContainText('Tiêu chí 1.1 chưa có câu trả lời.');
  await expect(reports.generateCheck()).not.toContainText('Tiêu chí 2.1 cần giải trình');
});
