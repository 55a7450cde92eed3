import { writeFileSync } from 'node:fs';
import { makeTextPdf } from '../fixtures/evidence/make-pdf';
import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { AuditLogPage } from './pages/audit.page';
import { ExchangePage } from './pages/exchange.page';
import { ReportsPage } from './pages/reports.page';
import { ReviewPage } from './pages/review.page';
import { completeFirstStart, DEFAULT_ADMIN } from './support/first-start';
import { expect, test } from './support/fixtures';
import { startSmallSetAssessment } from './support/small-set';


test('review cycle: send, return with an item comment, resolve and resend, approve, open version 2 on purpose, audit verifies', async ({ page, app }, testInfo) => {
  // The whole cycle with two real downloads (the package, the audit CSV) runs close to the
  // default minute on a busy two-core machine.
  test.setTimeout(120_000);
  const shell = new AppShellPage(page);
  const assessment = new AssessmentPage(page);
  const review = new ReviewPage(page);
  const audit = new AuditLogPage(page);
  const exchange = new ExchangePage(page);
  // The whole year's chain in one test: on a busy two-core machine it needs more than a minute.
  test.slow();
  await app.launch();
  // The first account holds every role: officer, leader and submitter.
  await completeFirstStart(page);
  await startSmallSetAssessment(page);

  // The officer answers two items.
  await expect(assessment.total()).toHaveText('0,00');
  await assessment.openItem('1.1');
  await assessment.chooseRadio('Có');
  await expect(assessment.total()).toHaveText('2,00');
  await assessment.openItem('2.1');
  await assessment.field('Số hồ sơ đúng hạn').fill('240');
  await assessment.field('Tổng số hồ sơ đã giải quyết').fill('250');
  await expect(assessment.saved()).toHaveText('Đã lưu');

  // Sent for review: the dossier is locked while the leader reads it.
  await shell.goTo('Duyệt hồ sơ');
  await expect(review.currentStatus()).toHaveText('Đang soạn');
  await review.submit();
  await expect(review.currentStatus()).toHaveText('Đã trình, chờ duyệt');
  await shell.goTo('Tự đánh giá');
  await expect(assessment.total()).toBeVisible();
  await assessment.openItem('1.1');
  await expect(page.getByRole('status').filter({ hasText: 'Hồ sơ đang trình lãnh đạo duyệt' })).toBeVisible();
  await assessment.chooseRadio('Không');
  await expect(page.getByRole('alert')).toContainText('đang trình lãnh đạo duyệt');

  // The leader returns it with a comment on item 2.1.
  await shell.goTo('Duyệt hồ sơ');
  await review.addComment('2.1', 'Đề nghị thuyết minh 10 hồ sơ trễ hạn.');
  await review.returnDossier();
  await expect(review.currentStatus()).toHaveText('Bị trả lại');

  // The officer sees the comment on that item, fixes it and resolves it.
  await shell.goTo('Tự đánh giá');
  await expect(assessment.total()).toBeVisible();
  await assessment.openItem('2.1');
  await expect(review.itemBanner()).toContainText('Đề nghị thuyết minh 10 hồ sơ trễ hạn.');
  await assessment.field(/^Thuyết minh/).fill('10 hồ sơ trễ hạn do hệ thống một cửa gián đoạn; danh sách kèm theo.');
  await expect(assessment.saved()).toHaveText('Đã lưu');
  await review.resolveFromBanner();
  await expect(review.itemBanner()).toHaveCount(0);
  await assessment.openItem('1.1');
  await expect(review.itemBanner()).toHaveCount(0);

  // Resend, then the leader approves.
  await shell.goTo('Duyệt hồ sơ');
  await review.submit();
  await expect(review.currentStatus()).toHaveText('Đã trình, chờ duyệt');
  await review.approve('Đồng ý, trình UBND tỉnh.');
  await expect(review.currentStatus()).toHaveText('Đã duyệt');
  const v1 = review.version(1);
  await expect(v1).toContainText('Đồng ý, trình UBND tỉnh.');
  // The approver is the person signed in, recorded by main from the session.
  await expect(v1.getByTestId('approver')).toContainText(`${DEFAULT_ADMIN.displayName} (${DEFAULT_ADMIN.username})`);
  await expect(v1.getByTestId('snapshot-hash')).toHaveText(/^[0-9a-f]{64}$/);
  const hash = await v1.getByTestId('snapshot-hash').textContent();
  await review.verifyVersion(1);
  await expect(v1).toContainText('còn nguyên vẹn');

  // The signed copy, scanned or digitally signed outside the app.
  const signed = testInfo.outputPath('to-trinh-da-ky.pdf');
  writeFileSync(signed, makeTextPdf(['To trinh da ky']));
  await review.attachSigned(1, signed);
  await expect(v1.getByTestId('signed-copy')).toContainText('to-trinh-da-ky.pdf');
  await page.screenshot({ path: testInfo.outputPath('review-approved.png'), fullPage: true });

  // The submitter exports the approved version as the package for Home Affairs, then checks it.
  const packagePath = testInfo.outputPath('goi-nop-2026.zip');
  await shell.goTo('Nộp hồ sơ');
  expect(await exchange.exportAssessment(packagePath)).toMatch(/^goi-nop-.+-2026-v1\.zip$/);
  await expect(exchange.exportStatus()).toContainText('Đã xuất gói nộp và kiểm tra lại từng tệp');
  await exchange.uploadPackage(packagePath);
  await expect(exchange.verifyResult('goi-nop-2026.zip')).toContainText('Gói hợp lệ');

  // Approved is a state: read-only until the officer opens version 2 on purpose, with a reason.
  await shell.goTo('Tự đánh giá');
  await expect(assessment.total()).toBeVisible();
  await expect(page.getByTestId('approved-state')).toHaveText('Đã duyệt — chỉ xem (phiên bản 1)');
  await page.getByRole('button', { name: 'Mở phiên bản mới để sửa' }).click();
  await page.getByLabel('Lý do mở phiên bản mới (ghi vào nhật ký)').fill('Bổ sung theo ý kiến Sở Nội vụ.');
  await page.getByRole('button', { name: 'Mở phiên bản mới', exact: true }).click();
  await expect(page.getByTestId('approved-state')).toHaveCount(0);
  await assessment.openItem('1.1');
  await assessment.chooseRadio('Không');
  await expect(assessment.saved()).toHaveText('Đã lưu');
  await expect(assessment.itemPoints()).toContainText('0,00 / 2,00');
  await shell.goTo('Duyệt hồ sơ');
  await expect(review.currentVersion()).toHaveText('Phiên bản 2');
  await expect(review.currentStatus()).toHaveText('Đang soạn');
  await expect(review.version(1)).toContainText('Đã duyệt');
  await expect(review.version(1).getByTestId('snapshot-hash')).toHaveText(hash!);
  await review.version(1).getByRole('button', { name: 'Xem bản đã duyệt' }).click();
  await expect(review.version(1).locator('tfoot')).toContainText('Tổng điểm đã duyệt');

  // The audit log holds every step and its chain verifies.
  await shell.goTo('Nhật ký thay đổi');
  await expect(audit.rows().first()).toContainText('Sửa tiêu chí tự đánh giá');
  await expect(page.locator('table.audit-table')).toContainText('Duyệt hồ sơ');
  await expect(page.locator('table.audit-table')).toContainText('Trả lại kèm ý kiến');
  await audit.verify();
  await expect(audit.verifyResult()).toContainText('Nhật ký toàn vẹn');
  const download = page.waitForEvent('download');
  await audit.exportCsv();
  expect((await download).suggestedFilename()).toMatch(/^nhat-ky-thay-doi-.*\.csv$/);
  await page.screenshot({ path: testInfo.outputPath('audit-log.png'), fullPage: true });
});

test('a periodic report goes through the same chain: send, approve with its .docx and .xlsx frozen, then version 2 opened on purpose', async ({ page, app }) => {
  const shell = new AppShellPage(page);
  const reports = new ReportsPage(page);
  const review = new ReviewPage(page);
  await app.launch();
  await completeFirstStart(page);

  await shell.goTo('Báo cáo');
  await reports.openPeriod('quý I năm 2026');
  await reports.openSection('Kế hoạch cải cách hành chính');
  await reports.sectionText().fill('Ban hành Kế hoạch CCHC năm 2026 và kiện toàn Tổ giúp việc.');
  await expect(reports.saveState()).toHaveText('Đã lưu');

  await shell.goTo('Duyệt hồ sơ');
  await review.chooseSubject('Báo cáo quý I năm 2026');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Duyệt báo cáo kết quả CCHC quý I năm 2026');
  await review.submit();
  await expect(review.currentStatus()).toHaveText('Đã trình, chờ duyệt');
  await review.approve('Đồng ý gửi Sở Nội vụ.');
  await expect(review.currentStatus()).toHaveText('Đã duyệt');
  const v1 = review.version(1);
  await expect(v1).toContainText('.docx');
  await expect(v1).toContainText('.xlsx');

  // After approval the report is read-only until version 2 is opened with a reason; version 1 keeps the approved text.
  await review.version(1).waitFor();
  await page.getByRole('button', { name: 'Mở phiên bản mới để sửa' }).click();
  await page.getByLabel('Lý do mở phiên bản mới (ghi vào nhật ký)').fill('Bổ sung số liệu.');
  await page.getByRole('button', { name: 'Mở phiên bản mới', exact: true }).click();
  await expect(review.currentVersion()).toHaveText('Phiên bản 2');
  await shell.goTo('Báo cáo');
  await reports.openPeriod('quý I năm 2026');
  await reports.openSection('Kế hoạch cải cách hành chính');
  await reports.sectionText().fill('Nội dung sửa sau khi duyệt.');
  await expect(reports.saveState()).toHaveText('Đã lưu');
  await shell.goTo('Duyệt hồ sơ');
  await review.chooseSubject('Báo cáo quý I năm 2026');
  await expect(review.currentVersion()).toHaveText('Phiên bản 2');
  await expect(review.currentStatus()).toHaveText('Đang soạn');
  await review.version(1).getByRole('button', { name: 'Xem bản đã duyệt' }).click();
  await expect(review.version(1)).toContainText('kiện toàn Tổ giúp việc');
  await expect(review.version(1)).not.toContainText('Nội dung sửa sau khi duyệt');
});
