import { writeFileSync } from 'node:fs';
import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { CriteriaPage } from './pages/criteria.page';
import { completeFirstStart, signIn } from './support/first-start';
import { expect, test } from './support/fixtures';
import { SMALL_SET } from './support/small-set';

test('import a criteria set, answer items of several kinds, watch total and band, keep values after reload', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const criteria = new CriteriaPage(page);
  const assessment = new AssessmentPage(page);
  await app.launch();
  await completeFirstStart(page);

  // A broken file lists its errors and saves nothing.
  const broken = testInfo.outputPath('hong.json');
  writeFileSync(broken, JSON.stringify({ formatVersion: 1, id: 'Hỏng', name: '', year: 2026 }));
  await shell.goTo('Bộ chỉ số');
  await criteria.chooseFile(broken);
  await expect(criteria.errors()).toBeVisible();
  await expect(criteria.errors()).toContainText('lỗi');
  await page.getByRole('button', { name: 'Đóng' }).click();

  // The province's set: preview, then save.
  await criteria.chooseFile(SMALL_SET);
  await expect(criteria.preview()).toContainText('Bộ chỉ số thử nghiệm các sở năm 2026');
  await criteria.confirm();
  await expect(criteria.status()).toContainText('Đã lưu «Bộ chỉ số thử nghiệm các sở năm 2026» (phiên bản 1)');
  await expect(criteria.installedRow('Bộ chỉ số thử nghiệm các sở năm 2026')).toContainText('123/QĐ-UBND');

  await shell.goTo('Tự đánh giá');
  await assessment.start('Bộ chỉ số thử nghiệm');
  await expect(assessment.total()).toHaveText('0,00');
  await expect(assessment.band()).toHaveText('Yếu');

  // yes/no
  await assessment.openItem('1.1');
  await assessment.chooseRadio('Có');
  await expect(assessment.itemPoints()).toContainText('2,00');
  await expect(assessment.total()).toHaveText('2,00');

  // one choice among tiers
  await assessment.next();
  await expect(assessment.itemTitle()).toContainText('1.2');
  await assessment.chooseRadio('Đầy đủ nhưng có báo cáo trễ hạn (1 điểm)');
  await expect(assessment.total()).toHaveText('3,00');

  // ratio with thresholds, typed the Vietnamese way
  await assessment.openItem('2.1');
  await assessment.field('Số hồ sơ đúng hạn').fill('245');
  await assessment.field('Tổng số hồ sơ đã giải quyết').fill('250');
  await expect(assessment.itemPoints()).toContainText('4,00');
  await expect(assessment.total()).toHaveText('7,00');
  await expect(assessment.band()).toHaveText('Khá');

  // count, per unit
  await assessment.openItem('2.2');
  await assessment.field(/^Số lượng/).fill('3');
  await expect(assessment.total()).toHaveText('8,50');
  await expect(assessment.band()).toHaveText('Tốt');
  await assessment.field(/^Thuyết minh/).fill('Đã đề xuất 3 phương án đơn giản hóa TTHC.');
  await expect(assessment.saved()).toHaveText('Đã lưu');

  // Alt+← goes back one item.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(assessment.itemTitle()).toContainText('2.1');

  await assessment.summaryTab();
  await expect(page.getByTestId('summary-total')).toHaveText('8,50');
  await expect(page.getByTestId('summary-band')).toHaveText('Xếp loại tạm tính: Tốt');
  await page.screenshot({ path: testInfo.outputPath('assessment-summary.png'), fullPage: true });

  // Reload the page and restart the process: after signing in again, everything is still there.
  await app.launch();
  await signIn(page);
  // The home page sums the dossier up: points and band as the assessment computed them.
  await expect(page.getByTestId('overview-points')).toContainText('8,50/');
  await expect(page.getByTestId('overview-points')).toContainText('xếp loại tạm tính Tốt');
  await expect(page.getByTestId('overview-review')).toContainText('Phiên bản 1: Đang soạn.');
  await page.screenshot({ path: testInfo.outputPath('home-overview.png'), fullPage: true });
  await shell.goTo('Tự đánh giá');
  await expect(assessment.total()).toHaveText('8,50');
  await assessment.openItem('2.2');
  await expect(assessment.field(/^Số lượng/)).toHaveValue('3');
  await expect(assessment.field(/^Thuyết minh/)).toHaveValue('Đã đề xuất 3 phương án đơn giản hóa TTHC.');
  await assessment.openItem('2.1');
  await expect(assessment.field('Số hồ sơ đúng hạn')).toHaveValue('245');
  await page.screenshot({ path: testInfo.outputPath('assessment-item.png'), fullPage: true });
});
