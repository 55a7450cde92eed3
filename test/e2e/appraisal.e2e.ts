import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { AppShellPage } from './pages/app-shell.page';
import { AppraisalPage } from './pages/appraisal.page';
import { AssessmentPage } from './pages/assessment.page';
import { EvidencePanelPage } from './pages/evidence.page';
import { ReviewPage } from './pages/review.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';
import { startSmallSetAssessment } from './support/small-set';
import { sampleProfile } from '../helpers/sample-profile';

test.use({ viewport: { width: 1366, height: 768 } });

test('appraisal: import Sở Nội vụ’s result, answer with a giải trình and tài liệu bổ sung, leader approves, Văn bản giải trình', async ({ page, app }, testInfo) => {
  // Rendering the document through LibreOffice takes a while on a shared machine.
  test.setTimeout(240_000);
  const shell = new AppShellPage(page);
  const assessment = new AssessmentPage(page);
  const appraisal = new AppraisalPage(page);
  const review = new ReviewPage(page);
  await app.launch();
  await completeFirstStart(page, { profile: sampleProfile({ name: 'Sở Tư pháp', shortName: 'STP' }) });
  await startSmallSetAssessment(page);
  await assessment.openItem('1.1');
  await assessment.chooseRadio('Có');
  await expect(assessment.total()).toHaveText('2,00');
  await expect(page.getByTestId('self-scope')).toContainText('phần tự chấm 10,00/10,00 điểm');
  await page.screenshot({ path: testInfo.outputPath('assessment-labels.png') });

  await shell.goTo('Thẩm định, giải trình');
  await expect(appraisal.score('appraised')).toHaveText('Chưa có kết quả thẩm định');
  await expect(appraisal.score('index')).toHaveText('Chưa có: cần kết quả thẩm định');

  // A broken file: every problem listed, nothing saved.
  const broken = testInfo.outputPath('sai.json');
  writeFileSync(broken, JSON.stringify({ formatVersion: 1, kind: 'appraisal', year: 2026, unit: 'SNV', round: 1, items: [{ code: '9.9', points: 1 }, { code: '1.1', points: 5 }] }));
  await appraisal.importFile(broken);
  await expect(page.getByRole('alert')).toContainText('có 3 lỗi nên chưa được nhập');
  await expect(appraisal.errors()).toContainText('items[1].points: Điểm 5,00 của tiêu chí 1.1 vượt điểm tối đa 2,00.');
  await expect(appraisal.score('appraised')).toHaveText('Chưa có kết quả thẩm định');
  await page.screenshot({ path: testInfo.outputPath('appraisal-errors.png'), fullPage: true });

  const round1 = testInfo.outputPath('tham-dinh-lan-1.json');
  writeFileSync(
    round1,
    JSON.stringify({
      formatVersion: 1,
      kind: 'appraisal',
      year: 2026,
      unit: 'STP',
      round: 1,
      responseDeadline: '2099-01-15',
      items: [{ code: '1.1', points: 1, note: 'Kế hoạch ban hành sau hạn, chưa có danh mục sản phẩm.' }],
    }),
  );
  await appraisal.importFile(round1);
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập kết quả thẩm định lần 1' })).toBeVisible();
  await expect(appraisal.score('self')).toHaveText('2,00/10,00 điểm');
  await expect(appraisal.score('appraised')).toHaveText('1,00/10,00 điểm');
  await expect(appraisal.score('index')).toHaveText('10,00%');
  await expect(appraisal.score('band')).toContainText('Yếu');
  await expect(appraisal.row('1.1')).toContainText('Yêu cầu giải trình');
  await expect(appraisal.deadlineLeft()).toContainText('còn');

  await appraisal.openItem('1.1');
  await appraisal.giaiTrinh('1.1').fill('Kế hoạch 12/KH-STP ban hành ngày 10/01/2026, đúng hạn theo Công văn 05/SNV-CCHC; danh mục sản phẩm tại Phụ lục II, trang 4.');
  await appraisal.giaiTrinh('1.1').blur();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu' })).toBeVisible();
  const extra = testInfo.outputPath('Cong van 05-SNV-CCHC.txt');
  writeFileSync(extra, 'Công văn 05/SNV-CCHC về hạn ban hành kế hoạch CCHC năm 2026');
  await new EvidencePanelPage(page).attach(extra);
  await expect(new EvidencePanelPage(page).panel()).toContainText('Cong van 05-SNV-CCHC.txt');
  await page.screenshot({ path: testInfo.outputPath('appraisal-giai-trinh.png'), fullPage: true });

  await appraisal.submit();
  await expect(appraisal.reviewStatus()).toContainText('Đã trình, chờ duyệt');

  // The leader approves on «Duyệt hồ sơ».
  await shell.goTo('Duyệt hồ sơ');
  await review.chooseSubject('Giải trình thẩm định lần 1');
  await expect(review.currentStatus()).toHaveText('Đã trình, chờ duyệt');
  await review.approve('Đồng ý gửi Sở Nội vụ.');
  await expect(review.currentStatus()).toHaveText('Đã duyệt');
  await review.version(1).getByRole('button', { name: 'Xem bản đã duyệt' }).click();
  await expect(review.version(1).locator('table')).toContainText('Phụ lục II, trang 4');
  await expect(review.version(1).locator('table')).toContainText('Cong van 05-SNV-CCHC.txt');
  await page.screenshot({ path: testInfo.outputPath('review-giai-trinh.png'), fullPage: true });
  const download = page.waitForEvent('download');
  await review.version(1).getByRole('button', { name: 'Tải về' }).first().click();
  const docx = testInfo.outputPath('van-ban-giai-trinh.docx');
  await (await download).saveAs(docx);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', testInfo.outputPath(), docx], { stdio: 'ignore', timeout: 120_000 });
  expect(existsSync(testInfo.outputPath('van-ban-giai-trinh.pdf'))).toBe(true);
  const text = execFileSync('pdftotext', ['-layout', testInfo.outputPath('van-ban-giai-trinh.pdf'), '-']).toString();
  expect(text).toContain('Kính gửi: Sở Nội vụ tỉnh Lâm Đồng');
  expect(text).toContain('Phụ lục II, trang 4');
  execFileSync('pdftoppm', ['-png', '-r', '60', testInfo.outputPath('van-ban-giai-trinh.pdf'), testInfo.outputPath('van-ban-giai-trinh')]);

  // Home: the appraised points and the deadline.
  await shell.goTo('Tổng quan');
  await expect(page.getByTestId('home-appraisal')).toContainText('Điểm thẩm định lần 1: 1,00/10,00 điểm');
  await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });
});
