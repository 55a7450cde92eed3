import type { Page } from '@playwright/test';
import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { ItemReviewPage } from './pages/item-review.page';
import { ReviewPage } from './pages/review.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';
import { shoot } from './support/screenshots';
import { startSmallSetAssessment } from './support/small-set';

/** The officer answers 1.1 (Có) and 2.1 (240/250 with a thuyết minh). */
async function answerTwoItems(page: Page): Promise<void> {
  const assessment = new AssessmentPage(page);
  await assessment.openItem('1.1');
  await assessment.chooseRadio('Có');
  await expect(assessment.total()).toHaveText('2,00');
  await assessment.openItem('2.1');
  await assessment.field('Số hồ sơ đúng hạn').fill('240');
  await assessment.field('Tổng số hồ sơ đã giải quyết').fill('250');
  await assessment.field(/^Thuyết minh/).fill('10 hồ sơ trễ hạn do gián đoạn hệ thống một cửa.');
  await expect(assessment.saved()).toHaveText('Đã lưu');
}

test.use({ viewport: { width: 1366, height: 768 } });
// Each test walks a whole review chain and takes screenshots at two sizes: more than a minute on a busy machine.
test.slow();

test('the leader reviews item by item; a draft comment survives leaving the page and is sent with the return', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const review = new ReviewPage(page);
  const walk = new ItemReviewPage(page);
  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  await answerTwoItems(page);

  await shell.goTo('Duyệt hồ sơ');
  await review.submit();
  await expect(review.currentStatus()).toHaveText('Đã trình, chờ duyệt');

  // The walk shows the content, not only totals: answer, points and why, thuyết minh, evidence.
  await walk.openItem('2.1');
  await expect(walk.title()).toContainText('Tỷ lệ hồ sơ TTHC giải quyết đúng hạn');
  await expect(walk.answer()).toContainText('240/250 = 96%');
  await expect(walk.points()).toContainText('/');
  await expect(walk.explanation()).toHaveText('10 hồ sơ trễ hạn do gián đoạn hệ thống một cửa.');
  await expect(walk.previousYear()).toContainText('Không có bản tự đánh giá năm trước');
  await walk.openItem('1.1');
  await expect(walk.answer()).toHaveText('Có');
  await expect(walk.points()).toContainText('2,00 / 2,00');
  await expect(page.getByText('Chưa có tài liệu kiểm chứng nào.')).toBeVisible();

  // Filters: what lacks evidence, what is below full points.
  await expect(walk.filterOption(/Chưa có tài liệu kiểm chứng \(1\)/)).toHaveCount(1);
  await walk.filter(/Chưa đạt điểm tối đa/);
  await expect(walk.navItem('1.1')).toHaveCount(0);
  await expect(walk.navItem('2.1')).toBeVisible();
  await walk.filter(/Tất cả tiêu chí/);

  // A comment on 2.1, typed and then left: it is kept as a draft.
  await walk.openItem('2.1');
  await walk.commentBox().fill('Đề nghị kèm danh sách 10 hồ sơ trễ hạn.');
  await expect(walk.draftState()).toHaveText('Đã lưu nháp (chưa gửi).');
  await shoot(page, testInfo, 'leader-review-walk');
  await shell.goTo('Tổng quan');
  await shell.goTo('Tự đánh giá');
  await shell.goTo('Duyệt hồ sơ');
  await expect(walk.navItem('2.1')).toContainText('Ý kiến nháp');
  await expect(walk.filterOption(/Có ý kiến \(1\)/)).toHaveCount(1);
  await walk.openItem('2.1');
  await expect(walk.commentBox()).toHaveValue('Đề nghị kèm danh sách 10 hồ sơ trễ hạn.');
  await expect(page.getByTestId('pending-comments')).toContainText('2.1: Đề nghị kèm danh sách 10 hồ sơ trễ hạn.');

  // Sent with the return; the round is on record with its comment.
  await review.returnDossier();
  await expect(review.currentStatus()).toHaveText('Bị trả lại');
  await expect(walk.rounds().first()).toContainText('Phiên bản 1 — lần trình 1 — Bị trả lại');
  await expect(walk.rounds().first()).toContainText('Đề nghị kèm danh sách 10 hồ sơ trễ hạn.');
  await shoot(page, testInfo, 'review-rounds');
});

test('before sending, one list shows what is missing with links; a blocking comment holds the button', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const review = new ReviewPage(page);
  const walk = new ItemReviewPage(page);
  const assessment = new AssessmentPage(page);
  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  await assessment.openItem('1.1');
  await assessment.chooseRadio('Có');
  await expect(assessment.saved()).toHaveText('Đã lưu');

  await shell.goTo('Duyệt hồ sơ');
  const check = walk.check();
  await expect(check.getByTestId('check-summary')).toHaveText('4 việc nên xem lại (vẫn gửi được).');
  await expect(check).toContainText('Tiêu chí 1.1 chưa có tài liệu kiểm chứng và chưa giải trình vì sao.');
  await expect(check).toContainText('Tiêu chí 2.2 chưa có câu trả lời.');
  await shoot(page, testInfo, 'pre-send-check');

  // Each finding opens where it is fixed.
  await check.locator('li', { hasText: 'Tiêu chí 1.1 chưa có tài liệu' }).getByRole('button', { name: 'Mở' }).click();
  await expect(assessment.itemTitle()).toContainText('Ban hành kế hoạch CCHC năm');
  await assessment.field(/^Thuyết minh/).fill('Kế hoạch đang trình ký, sẽ bổ sung bản có dấu.');
  await expect(assessment.saved()).toHaveText('Đã lưu');
  await shell.goTo('Duyệt hồ sơ');
  await expect(check.getByTestId('check-summary')).toHaveText('3 việc nên xem lại (vẫn gửi được).');

  // Warnings do not stop the send; an unresolved comment of the leader does.
  await review.submit();
  await review.addComment('1.1', 'Bổ sung kế hoạch có dấu.');
  await review.returnDossier();
  await expect(review.currentStatus()).toHaveText('Bị trả lại');
  await expect(check.getByTestId('check-summary')).toHaveText(/^1 việc phải làm trước/);
  await expect(check.locator('li').first()).toContainText('Phải sửa');
  await expect(page.getByRole('button', { name: 'Trình lãnh đạo duyệt' })).toBeDisabled();
});

test('approval is a visible state: read-only until a new version is opened with a reason; home keeps v1 approved in view', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const review = new ReviewPage(page);
  const walk = new ItemReviewPage(page);
  const assessment = new AssessmentPage(page);
  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  await answerTwoItems(page);

  await shell.goTo('Duyệt hồ sơ');
  await review.submit();
  await review.approve('Đồng ý.');
  await expect(review.currentStatus()).toHaveText('Đã duyệt');
  // One account sent and approved: allowed in a small unit, and said so on the record.
  await expect(review.version(1).getByTestId('same-person')).toHaveText('Người trình và người duyệt là cùng một người');
  await expect(walk.rounds().first()).toContainText('Người trình và người duyệt là cùng một người');

  // Before exporting the package: the signed copy is still missing (a warning, with the version named).
  await shell.goTo('Nộp hồ sơ');
  await expect(walk.check('Kiểm tra trước khi xuất gói')).toContainText('Phiên bản 1 đã duyệt chưa có bản đã ký (PDF hoặc ảnh quét).');

  await shell.goTo('Tự đánh giá');
  await expect(walk.approvedState()).toHaveText('Đã duyệt — chỉ xem (phiên bản 1)');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await walk.openItem('1.1');
  await expect(walk.answer()).toHaveText('Có');
  await shoot(page, testInfo, 'approved-read-only');

  await shell.goTo('Tổng quan');
  await expect(page.getByTestId('overview-review')).toContainText('Phiên bản 1: Đã duyệt.');

  // The deliberate step: a reason, then version 2 is a draft and version 1 stays approved.
  await shell.goTo('Tự đánh giá');
  await page.getByRole('button', { name: 'Mở phiên bản mới để sửa' }).click();
  await expect(page.getByRole('button', { name: 'Mở phiên bản mới', exact: true })).toBeDisabled();
  await page.getByLabel('Lý do mở phiên bản mới (ghi vào nhật ký)').fill('Sở Nội vụ đề nghị bổ sung tài liệu.');
  await page.getByRole('button', { name: 'Mở phiên bản mới', exact: true }).click();
  await expect(walk.approvedState()).toHaveCount(0);
  await assessment.openItem('1.1');
  await assessment.chooseRadio('Không');
  await expect(assessment.saved()).toHaveText('Đã lưu');

  await shell.goTo('Tổng quan');
  await expect(page.getByTestId('overview-review')).toContainText('Phiên bản 1 đã duyệt; phiên bản 2: đang soạn.');
  await shell.goTo('Nhật ký thay đổi');
  await expect(page.locator('table.audit-table')).toContainText('Sở Nội vụ đề nghị bổ sung tài liệu.');
  // Values in plain words, not stored codes.
  await expect(page.locator('table.audit-table')).toContainText('Trả lời: Không');
  await expect(page.locator('table.audit-table')).not.toContainText('"kind"');
});

test('the home page is a dashboard: one progress measure, points per domain, a chart, the year’s deadlines, what the leader returned', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const review = new ReviewPage(page);
  const assessment = new AssessmentPage(page);
  const problems: string[] = [];
  // The chart must live with the strict CSP: no inline styles or scripts refused.
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  await answerTwoItems(page);
  // The same measure in the workspace as on the home page: 2.1 is explained, 1.1 lacks its evidence.
  await expect(page.getByTestId('progress')).toHaveText('1/4');

  await shell.goTo('Duyệt hồ sơ');
  await review.submit();
  await review.addComment('1.1', 'Kèm kế hoạch đã ký.');
  await review.returnDossier();

  await shell.goTo('Tổng quan');
  await expect(page.getByTestId('overview-progress')).toHaveText('1/4 tiêu chí đã xong');
  await expect(page.getByTestId('domain-progress-2')).toContainText('1/2 tiêu chí đã xong');
  await expect(page.getByTestId('domain-progress-2')).toContainText('2,00/6,00 điểm');
  await expect(page.getByTestId('chart-summary')).toContainText('Năm 2026: 40% điểm tối đa');
  const chart = page.getByTestId('score-chart');
  await expect(chart).toBeVisible();
  const box = await chart.boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  expect(box!.height).toBeGreaterThan(150);
  await expect(page.getByRole('heading', { name: 'Các mốc trong năm' })).toBeVisible();
  await expect(page.locator('.timeline li')).toHaveCount(6);
  await expect(page.getByTestId('dash-returned')).toContainText('1.1: Kèm kế hoạch đã ký.');
  await shoot(page, testInfo, 'dashboard');

  // A returned comment opens its item.
  await page.getByTestId('dash-returned').getByRole('button', { name: '1.1' }).click();
  await expect(assessment.itemTitle()).toContainText('Ban hành kế hoạch CCHC năm');
  expect(problems.filter((p) => /Refused to/.test(p))).toEqual([]);
});

test('a reload comes back to the working year, the page and the item, with the typing saved', async ({ page, app }) => {
  const assessment = new AssessmentPage(page);
  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  // The year is on every page, also with one year only.
  await expect(page.getByTestId('working-year')).toHaveText('Năm làm việc 2026');
  await expect(page.getByTestId('set-name')).toHaveText('Bộ chỉ số thử nghiệm các sở năm 2026 — phiên bản 1');
  await assessment.openItem('2.2');
  await assessment.field(/^Thuyết minh/).fill('Gõ xong thì tải lại trang ngay.');
  // No wait for the autosave: the reload itself must not lose the words.
  await page.reload();
  await expect(assessment.itemTitle()).toContainText('2.2');
  await expect(assessment.field(/^Thuyết minh/)).toHaveValue('Gõ xong thì tải lại trang ngay.');
  await expect(page.getByTestId('working-year')).toHaveText('Năm làm việc 2026');
});
