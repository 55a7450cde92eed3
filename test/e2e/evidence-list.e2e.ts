import { writeFileSync } from 'node:fs';
import { makeTextPdf } from '../fixtures/evidence/make-pdf';
import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { EvidenceListPage } from './pages/evidence-list.page';
import { EvidencePanelPage } from './pages/evidence.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';
import { startSmallSetAssessment } from './support/small-set';

const PLAN = 'Ke hoach 47-KH-UBND 11-01-2022.pdf';
const REPORT = 'Bao cao 12-BC-SNV 05-06-2026.txt';

/**
 * Issue 15 §5: the page listing all evidence files with its filters, «Gắn tệp đã có» offering the
 * recent files before any search, and the warning when a document's year is not the criterion's.
 */
test('evidence list with filters, recent files to link, and the other-year warning', async ({ page, app }, testInfo) => {
  // Importing the criteria set, two attachments and six filter states: near the default minute under load.
  test.setTimeout(120_000);
  const shell = new AppShellPage(page);
  const assessment = new AssessmentPage(page);
  const evidence = new EvidencePanelPage(page);
  const list = new EvidenceListPage(page);
  const planPath = testInfo.outputPath(PLAN);
  writeFileSync(planPath, makeTextPdf(['UY BAN NHAN DAN', 'KE HOACH', 'Cai cach hanh chinh nam 2022']));
  const reportPath = testInfo.outputPath(REPORT);
  writeFileSync(reportPath, 'BÁO CÁO\nKết quả cải cách hành chính 6 tháng đầu năm 2026 của Sở Nội vụ.\n');

  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);

  // A 2022 plan attached to a 2026 criterion: kept, but the officer is told.
  await assessment.openItem('1.1');
  await evidence.attach(planPath);
  await expect(evidence.metaField('Ngày ban hành')).toHaveValue('11/01/2022');
  await evidence.confirmMeta();
  await expect(evidence.status()).toHaveText('Đã lưu thông tin văn bản.');
  await expect(evidence.file(PLAN).getByTestId('year-mismatch')).toHaveText(
    'Văn bản ban hành năm 2022 nhưng gắn cho tiêu chí 1.1 năm 2026; hãy kiểm tra lại đúng năm chưa.',
  );

  // «Gắn tệp đã có» on 1.2 lists the recent files before any search; link the plan from there.
  await assessment.openItem('1.2');
  await evidence.attach(reportPath);
  await expect(evidence.file(REPORT)).toBeVisible();
  await evidence.panel().getByRole('button', { name: 'Gắn tệp đã có…' }).click();
  const recent = evidence.panel().getByRole('list', { name: 'Tệp mới lưu gần đây' });
  await expect(recent.getByRole('listitem')).toHaveCount(2);
  await expect(recent.getByRole('listitem').first()).toContainText(REPORT);
  await expect(recent.getByRole('listitem').filter({ hasText: REPORT })).toContainText('Đã gắn');
  await page.setViewportSize({ width: 1366, height: 768 });
  await evidence.panel().screenshot({ path: testInfo.outputPath('link-existing-recent-1366.png') });
  await recent.getByRole('button', { name: `Gắn vào tiêu chí này: ${PLAN}` }).click();
  await expect(evidence.file(PLAN)).toContainText('Cũng dùng cho: 1.1');
  await expect(evidence.file(PLAN).getByTestId('year-mismatch')).toContainText('tiêu chí 1.2 năm 2026');

  // The list page: both files, then each filter narrows it.
  await shell.goTo('Tài liệu kiểm chứng');
  await expect(list.count()).toHaveText('2 tệp.');
  await expect(list.file(PLAN).getByTestId('year-mismatch')).toContainText('tiêu chí 1.1 năm 2026');
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: testInfo.outputPath(`evidence-list-${size.width}.png`), fullPage: true });
  }
  await list.filterYear('2022');
  await expect(list.count()).toHaveText('1 tệp.');
  await expect(list.file(PLAN)).toBeVisible();
  await list.filterYear('Mọi năm');
  await list.unconfirmedOnly(true);
  await expect(list.count()).toHaveText('1 tệp.');
  await expect(list.file(REPORT)).toContainText('chưa xác nhận thông tin');
  await list.unconfirmedOnly(false);
  await list.filterType('Kế hoạch');
  await expect(list.count()).toHaveText('1 tệp.');
  await expect(list.file(PLAN)).toBeVisible();
  await list.filterType('Mọi loại');
  await list.filterLinked('Chưa gắn');
  await expect(list.count()).toHaveText('Không có tệp nào khớp.');
  await list.filterLinked('Đã gắn');
  await expect(list.count()).toHaveText('2 tệp.');
  await page.screenshot({ path: testInfo.outputPath('evidence-list-filtered.png'), fullPage: true });
});
