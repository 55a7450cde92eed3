import { writeFileSync } from 'node:fs';
import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { EvidencePanelPage } from './pages/evidence.page';
import { ReviewPage } from './pages/review.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';
import { startSmallSetAssessment } from './support/small-set';

const PROGRAM = 'cai-dat-phan-mem.exe';
const DISGUISED = 'Hoa don\u202Efdp.exe';
const SHOWN_DISGUISED = 'Hoa donfdp.exe';
const DOCUMENT = 'Ke hoach 47-KH-UBND.txt';

test('a program attached as evidence is offered «Hiện trong thư mục», never «Mở»; a disguised name is shown as it is', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const assessment = new AssessmentPage(page);
  const evidence = new EvidencePanelPage(page);
  const paths = [PROGRAM, DISGUISED, DOCUMENT].map((name) => {
    const path = testInfo.outputPath(name);
    writeFileSync(path, name.endsWith('.exe') ? Buffer.from(`MZ\x90\x00 ${name}`) : 'KẾ HOẠCH\nCải cách hành chính năm 2026\n');
    return path;
  });

  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  await assessment.openItem('1.1');
  await evidence.attach(...paths);
  await expect(evidence.progress()).toContainText('Đã đính kèm');

  // The bidirectional control is gone from the stored name: it reads as the .exe it is.
  await expect(evidence.progress()).toContainText(SHOWN_DISGUISED);
  await expect(evidence.file(SHOWN_DISGUISED)).toBeVisible();
  for (const name of [PROGRAM, SHOWN_DISGUISED]) {
    await expect(evidence.file(name).getByRole('button', { name: 'Hiện trong thư mục' })).toBeVisible();
    await expect(evidence.file(name).getByRole('button', { name: 'Mở', exact: true })).toHaveCount(0);
  }
  await expect(evidence.file(DOCUMENT).getByRole('button', { name: 'Mở', exact: true })).toBeVisible();
  await evidence.file(PROGRAM).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('evidence-program-row.png') });
});

test('the last link to a file an approved version names is removed, but the file stays, and the officer is told why', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = new AppShellPage(page);
  const assessment = new AssessmentPage(page);
  const evidence = new EvidencePanelPage(page);
  const review = new ReviewPage(page);
  const path = testInfo.outputPath(DOCUMENT);
  writeFileSync(path, 'KẾ HOẠCH\nCải cách hành chính năm 2026\n');

  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  await assessment.openItem('1.1');
  await evidence.attach(path);
  await expect(evidence.progress()).toContainText('Đã đính kèm');

  await shell.goTo('Duyệt hồ sơ');
  await review.submit();
  await expect(review.currentStatus()).toHaveText('Đã trình, chờ duyệt');
  await review.approve('Đồng ý.');
  await expect(review.currentStatus()).toHaveText('Đã duyệt', { timeout: 30_000 });

  await shell.goTo('Tự đánh giá');
  // Wait for the tree to load before opening an item (openItem expands a collapsed domain).
  await expect(assessment.total()).toBeVisible();
  // Approved is read-only: version 2 is opened on purpose before the link can go.
  await page.getByRole('button', { name: 'Mở phiên bản mới để sửa' }).click();
  await page.getByLabel('Lý do mở phiên bản mới (ghi vào nhật ký)').fill('Thay tài liệu kiểm chứng.');
  await page.getByRole('button', { name: 'Mở phiên bản mới', exact: true }).click();
  await expect(page.getByTestId('approved-state')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Các lĩnh vực' })).toBeVisible();
  await assessment.openItem('1.1');
  const row = evidence.file(DOCUMENT);
  await row.getByRole('button', { name: 'Bỏ gắn' }).click();
  await row.getByRole('alertdialog').getByLabel(/Xóa hẳn tệp khỏi kho/).check();
  await row.getByRole('alertdialog').getByRole('button', { name: 'Đồng ý bỏ gắn' }).click();
  const kept = page.getByRole('status').filter({ hasText: 'vẫn được giữ trong kho' });
  await expect(kept).toContainText('phiên bản 1 đã duyệt của hồ sơ tự đánh giá năm 2026');
  await kept.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('evidence-unlink-kept.png') });
});
