import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeTextPdf } from '../fixtures/evidence/make-pdf';
import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { CriteriaPage } from './pages/criteria.page';
import { EvidencePanelPage, EvidenceSearchPage, EvidenceVerifyPage } from './pages/evidence.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';

const SMALL_SET = resolve(import.meta.dirname, '../fixtures/criteria/e2e-small-set.json');
const PLAN = 'Ke hoach 47-KH-UBND 11-01-2022.pdf';
const REPORT = 'Bao cao 12-BC-SNV 05-06-2026.txt';
const EMPTY = 'rong.txt';

test('attach evidence by file dialog and by drop, confirm the suggested metadata, find it without diacritics, unlink, check', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const assessment = new AssessmentPage(page);
  const evidence = new EvidencePanelPage(page);
  const search = new EvidenceSearchPage(page);
  const verify = new EvidenceVerifyPage(page);

  const planPath = testInfo.outputPath(PLAN);
  writeFileSync(planPath, makeTextPdf(['UY BAN NHAN DAN', 'KE HOACH', 'Cai cach hanh chinh nam 2022']));
  const reportPath = testInfo.outputPath(REPORT);
  writeFileSync(reportPath, 'BÁO CÁO\nKết quả cải cách hành chính 6 tháng đầu năm 2026 của Sở Nội vụ.\n');
  const emptyPath = testInfo.outputPath(EMPTY);
  writeFileSync(emptyPath, '');

  await app.launch();
  await completeFirstStart(page);
  await shell.goTo('Bộ chỉ số');
  const criteria = new CriteriaPage(page);
  await criteria.chooseFile(SMALL_SET);
  await criteria.confirm();
  await expect(criteria.status()).toContainText('Đã lưu');
  await shell.goTo('Tự đánh giá');
  await assessment.start('Bộ chỉ số thử nghiệm');
  await expect(assessment.itemTitle()).toBeVisible();

  // 1.1 asks for the year's plan: attach it through the file dialog.
  await assessment.openItem('1.1');
  await expect(evidence.itemCount()).toHaveText('Chưa gắn tài liệu kiểm chứng nào.');
  await evidence.attach(planPath);
  await expect(evidence.progress()).toContainText('Đã đính kèm');
  await expect(evidence.itemCount()).toHaveText('Đã gắn 1 tài liệu kiểm chứng.');

  // A lone new file opens its metadata, filled with what the name gave away, marked «gợi ý».
  await expect(evidence.metaField('Loại văn bản')).toHaveValue('Kế hoạch');
  await expect(evidence.metaField('Số ký hiệu')).toHaveValue('47/KH-UBND');
  await expect(evidence.metaField('Ngày ban hành')).toHaveValue('11/01/2022');
  for (const label of ['Loại văn bản', 'Số ký hiệu', 'Ngày ban hành']) await expect(evidence.metaLabel(label)).toContainText('gợi ý');
  await expect(evidence.file(PLAN)).toContainText('chưa xác nhận thông tin');
  // A wrong date is refused in Vietnamese before anything is saved.
  await evidence.metaField('Ngày ban hành').fill('31/02/2022');
  await evidence.confirmMeta();
  await expect(evidence.metaForm().getByRole('alert')).toContainText('Ngày ban hành không hợp lệ');
  await evidence.metaField('Ngày ban hành').fill('11/01/2022');
  await evidence.metaField('Trích yếu').fill('Kế hoạch cải cách hành chính năm 2022');
  await evidence.confirmMeta();
  await expect(evidence.status()).toHaveText('Đã lưu thông tin văn bản.');
  await expect(evidence.file(PLAN)).not.toContainText('chưa xác nhận thông tin');
  await expect(evidence.file(PLAN)).toContainText('47/KH-UBND');
  await expect(evidence.file(PLAN)).toContainText('11/01/2022');

  // 1.2: two files dropped at once; the empty one fails with its message, the other is attached.
  await assessment.openItem('1.2');
  await evidence.drop(emptyPath, reportPath);
  await expect(evidence.progress()).toContainText('Đã xử lý 2/2 tệp');
  await expect(evidence.progress().getByRole('alert')).toContainText(`Không đính kèm được «${EMPTY}»`);
  await expect(evidence.progress().getByRole('alert')).toContainText('rỗng');
  await expect(evidence.file(REPORT)).toBeVisible();
  await expect(evidence.files()).toHaveCount(1);

  // The plan also supports 1.2: linked from the store, not copied.
  await evidence.linkExisting('47/KH', PLAN);
  await expect(evidence.files()).toHaveCount(2);
  await expect(evidence.file(PLAN)).toContainText('Cũng dùng cho: 1.1');
  const preview = await evidence.preview(PLAN);
  await expect(preview.locator('iframe')).toBeVisible();
  await evidence.panel().screenshot({ path: testInfo.outputPath('evidence-panel.png') });

  // Search from the header without diacritics: the plan, its facts and both items.
  await search.search('ke hoach');
  await expect(search.count()).toContainText('khớp với «ke hoach»');
  const hit = search.hit(PLAN);
  await expect(hit).toContainText('Kế hoạch');
  await expect(hit).toContainText('47/KH-UBND');
  await expect(hit).toContainText('11/01/2022');
  await expect(hit).toContainText('Kế hoạch cải cách hành chính năm 2022');
  await expect(hit).toContainText('Dùng cho tiêu chí: 1.1, 1.2');
  await expect(search.hit(REPORT)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('evidence-search.png'), fullPage: true });

  // The item link opens the assessment on that item; unlink the plan there.
  await search.openItem(PLAN, '1.1');
  await expect(assessment.itemTitle()).toContainText('1.1');
  await evidence.unlink(PLAN);
  await expect(evidence.status()).toHaveText(`Đã bỏ gắn «${PLAN}».`);
  await expect(evidence.files()).toHaveCount(0);
  await expect(evidence.itemCount()).toHaveText('Chưa gắn tài liệu kiểm chứng nào.');

  // The check: both stored files intact; 1.1 now lacks its required evidence and links back to it.
  await shell.goTo('Kiểm tra tài liệu');
  await verify.run();
  await expect(verify.summary()).toHaveText('Cả 2 tệp đều còn nguyên vẹn.');
  await expect(verify.domain('1. Công tác chỉ đạo, điều hành CCHC')).toContainText('Kế hoạch CCHC năm 2026 của đơn vị.');
  await page.screenshot({ path: testInfo.outputPath('evidence-verify.png'), fullPage: true });
  await verify.domain('1. Công tác chỉ đạo, điều hành CCHC').getByRole('button', { name: /^1\.1 / }).click();
  await expect(assessment.itemTitle()).toContainText('1.1');
});
