import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBrokenPdf, makeEncryptedPdf, makeTextPdf } from '../fixtures/evidence/make-pdf';
import type { Page } from '@playwright/test';
import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { EvidencePanelPage, EvidenceSearchPage, EvidenceVerifyPage } from './pages/evidence.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';
import { startSmallSetAssessment } from './support/small-set';

const PLAN = 'Ke hoach 47-KH-UBND 11-01-2022.pdf';
const REPORT = 'Bao cao 12-BC-SNV 05-06-2026.txt';
const EMPTY = 'rong.txt';
const LOCKED = 'Quyet dinh co mat khau.pdf';
const BROKEN = 'Bao cao tai ve loi.pdf';
const BIG = 'Phu luc ho so quet 2026.zip';
const PHOTO = 'Anh bien ban hop.png';
/** A 1×1 PNG: enough for the window to decode and show. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Every file under a folder of the data folder's evidence store ('files': stored blobs, 'tmp': uploads in progress). */
function storedFiles(dataDir: string, folder: 'files' | 'tmp' = 'files'): string[] {
  const root = join(dataDir, 'evidence', folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).map((p) => join(root, p)).filter((p) => statSync(p).isFile());
}

async function openSmallSetAssessment(page: Page): Promise<void> {
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

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
  const photoPath = testInfo.outputPath(PHOTO);
  writeFileSync(photoPath, Buffer.from(PNG_1X1, 'base64'));
  const brokenPath = testInfo.outputPath(BROKEN);
  writeFileSync(brokenPath, makeBrokenPdf());
  const lockedPath = testInfo.outputPath(LOCKED);
  writeFileSync(lockedPath, makeEncryptedPdf(['QUYET DINH 15/QD-UBND']));
  // More than the 4 MiB of one buffer in main: the slice streams through several of them.
  const big = randomBytes(9 * 1024 * 1024 + 123);
  const bigPath = testInfo.outputPath(BIG);
  writeFileSync(bigPath, big);

  await app.launch();
  await openSmallSetAssessment(page);

  // 1.1 asks for the year's plan: attach it through the file dialog.
  await assessment.openItem('1.1');
  await expect(evidence.itemCount()).toHaveText('Chưa gắn tài liệu kiểm chứng nào.');
  await expect(evidence.itemInList('1.1')).toContainText('thiếu TLKC');
  await evidence.attach(planPath);
  await expect(evidence.progress()).toContainText('Đã đính kèm');
  await expect(evidence.itemCount()).toHaveText('Đã gắn 1 tài liệu kiểm chứng.');
  await expect(evidence.itemInList('1.1')).toContainText('1 tệp');

  // A lone new file opens its metadata, filled with what the name gave away, marked «gợi ý».
  await expect(evidence.metaField('Loại văn bản')).toHaveValue('Kế hoạch');
  await expect(evidence.metaField('Số ký hiệu')).toHaveValue('47/KH-UBND');
  await expect(evidence.metaField('Ngày ban hành')).toHaveValue('11/01/2022');
  await expect(evidence.metaLabel('Loại văn bản')).toContainText('gợi ý');
  for (const label of ['Số ký hiệu', 'Ngày ban hành']) await expect(evidence.metaLabel(label)).toContainText('gợi ý từ tên tệp');
  await expect(evidence.file(PLAN)).toContainText('chưa xác nhận thông tin');
  // A wrong date and a number too long are refused in Vietnamese before anything is saved, both
  // at once, each under its own box, with one line above naming them.
  await evidence.metaField('Ngày ban hành').fill('31/02/2022');
  await evidence.metaField('Số ký hiệu').fill(`${'1'.repeat(31)}/KH-UBND`);
  await evidence.confirmMeta();
  await expect(evidence.metaForm().getByRole('alert')).toContainText('2 ô cần sửa — «Ngày ban hành», «Số ký hiệu»');
  await expect(evidence.metaLabel('Ngày ban hành').locator('.field-error')).toContainText('Ngày ban hành không hợp lệ');
  await expect(evidence.metaLabel('Số ký hiệu').locator('.field-error')).toContainText('30');
  await expect(evidence.metaField('Số ký hiệu')).toHaveAttribute('aria-invalid', 'true');
  await evidence.metaForm().screenshot({ path: testInfo.outputPath('evidence-meta-two-errors.png') });
  await expect(evidence.file(PLAN)).toContainText('chưa xác nhận thông tin');
  await evidence.metaField('Số ký hiệu').fill('47/KH-UBND');
  await evidence.metaField('Ngày ban hành').fill('11/01/2022');
  await evidence.metaField('Trích yếu').fill('Kế hoạch cải cách hành chính năm 2022');
  await evidence.confirmMeta();
  await expect(evidence.status()).toHaveText('Đã lưu thông tin văn bản.');
  await expect(evidence.file(PLAN)).not.toContainText('chưa xác nhận thông tin');
  await expect(evidence.file(PLAN)).toContainText('47/KH-UBND');
  await expect(evidence.file(PLAN)).toContainText('11/01/2022');

  // 1.2: five files dropped at once; the empty, the broken and the password-protected ones fail
  // with their own messages, the batch carries on and the report and the photo are attached.
  await assessment.openItem('1.2');
  await evidence.drop(emptyPath, brokenPath, lockedPath, reportPath, photoPath);
  await expect(evidence.progress()).toContainText('Đã xử lý 5/5 tệp');
  await expect(evidence.uploadError(EMPTY)).toContainText('rỗng');
  await expect(evidence.uploadError(LOCKED)).toContainText('đặt mật khẩu');
  await expect(evidence.uploadError(BROKEN)).toContainText('bị hỏng');
  await evidence.progress().screenshot({ path: testInfo.outputPath('evidence-drop-errors.png') });
  await expect(evidence.file(REPORT)).toBeVisible();
  await expect(evidence.files()).toHaveCount(2);
  const photo = await evidence.preview(PHOTO);
  await expect.poll(() => photo.getByRole('img', { name: PHOTO }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  // The plan also supports 1.2: linked from the store, not copied.
  await evidence.linkExisting('47/KH', PLAN);
  await expect(evidence.files()).toHaveCount(3);
  await expect(evidence.file(PLAN)).toContainText('Cũng dùng cho: 1.1');
  // Only part of the plan bears on 1.2: the page and section are kept with this link.
  await evidence.setLocation(PLAN, 'trang 1, mục II');
  await expect(evidence.status()).toHaveText('Đã lưu vị trí trong tài liệu.');
  await assessment.openItem('1.1');
  await assessment.openItem('1.2');
  await expect(evidence.location(PLAN)).toHaveValue('trang 1, mục II');
  const preview = await evidence.preview(PLAN);
  await expect(preview.locator('iframe')).toBeVisible();
  // Chromium's PDF viewer took the blob: frame (the CSP would otherwise turn it into an error page).
  await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://'))).toBe(true);
  expect(page.frames().some((f) => f.url().startsWith('chrome-error://'))).toBe(false);
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

  // Ctrl+K from the page, then the number as typed on the document, in lower case.
  await page.getByRole('heading', { name: 'Tìm tài liệu kiểm chứng' }).click();
  await search.searchWithShortcut('47/kh-ubnd');
  await expect(search.count()).toContainText('khớp với «47/kh-ubnd»');
  await expect(search.hit(PLAN)).toBeVisible();

  // The item link opens the assessment on that item; unlink the plan there.
  await search.openItem(PLAN, '1.1');
  await expect(assessment.itemTitle()).toContainText('1.1');
  await evidence.unlink(PLAN);
  await expect(evidence.status()).toHaveText(`Đã bỏ gắn «${PLAN}».`);
  await expect(evidence.files()).toHaveCount(0);
  await expect(evidence.itemCount()).toHaveText('Chưa gắn tài liệu kiểm chứng nào.');
  await expect(evidence.itemInList('1.1')).toContainText('thiếu TLKC');

  // A large file goes in 4 MiB chunks read with File.slice and arrives byte for byte.
  await assessment.openItem('2.1');
  await evidence.attach(bigPath);
  await expect(evidence.progress()).toContainText('Đã đính kèm');
  await expect(evidence.file(BIG)).toContainText('9 MB');
  const storedBig = storedFiles(app.dataDir).find((p) => statSync(p).size === big.length);
  expect(storedBig && sha256(readFileSync(storedBig))).toBe(sha256(big));

  // The check: all stored files intact; 1.1 now lacks its required evidence and links back to it.
  await shell.goTo('Kiểm tra tài liệu');
  await verify.run();
  await expect(verify.storeStatus()).toContainText('Kho tài liệu có 4 tệp');
  await expect(verify.storeStatus()).toContainText('4 lượt gắn tệp');
  await expect(verify.summary()).toHaveText('Cả 4 tệp đều còn nguyên vẹn.');
  await expect(verify.domain('1. Công tác chỉ đạo, điều hành CCHC')).toContainText('Kế hoạch CCHC năm 2026 của đơn vị.');

  // Someone edits a stored file behind the app's back: the check names it as altered.
  const reportBlob = storedFiles(app.dataDir).find((p) => p.endsWith('.txt'))!;
  chmodSync(reportBlob, 0o644);
  writeFileSync(reportBlob, 'nội dung đã bị sửa');
  await verify.run();
  await expect(verify.summary()).toHaveText('1/4 tệp có vấn đề.');
  await expect(verify.problemRow(REPORT)).toContainText('Bị sửa đổi');
  await expect(verify.problemRow(REPORT).getByRole('button', { name: 'Mở tiêu chí 1.2' })).toBeVisible();
  // …and one that vanished is named as missing.
  rmSync(storedBig!);
  await verify.run();
  await expect(verify.summary()).toHaveText('2/4 tệp có vấn đề.');
  await expect(verify.problemRow(BIG)).toContainText('Mất tệp');
  await expect(verify.problemRow(BIG).getByRole('button', { name: 'Mở tiêu chí 2.1' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('evidence-verify.png'), fullPage: true });
  await verify.domain('1. Công tác chỉ đạo, điều hành CCHC').getByRole('button', { name: /^1\.1 / }).click();
  await expect(assessment.itemTitle()).toContainText('1.1');
});

test('a large batch shows overall and per-file progress, takes more files while running, and can be stopped, leaving nothing behind', async ({ page, app }, testInfo) => {
  const assessment = new AssessmentPage(page);
  const evidence = new EvidencePanelPage(page);
  const first = testInfo.outputPath('Ho so quet phan 1.zip');
  const second = testInfo.outputPath('Ho so quet phan 2.zip');
  // Several 32 MiB upload slices, so the bar moves well before the file is done.
  writeFileSync(first, randomBytes(100 * 1024 * 1024));
  writeFileSync(second, randomBytes(5 * 1024 * 1024));

  await app.launch();
  await openSmallSetAssessment(page);
  await assessment.openItem('2.1');

  // A slow link: the browser sends at 8 MiB/s, so the bars can be watched and stopped. (Not
  // page.route: intercepting a request makes Playwright fetch its File body through the
  // DevTools protocol, which takes longer than the test.)
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Network.enable');
  await devtools.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 8 * 1024 * 1024 });
  await evidence.attach(first);
  await expect.poll(async () => Number(await evidence.fileProgress('Ho so quet phan 1.zip').getAttribute('value')), { timeout: 20_000 }).toBeGreaterThan(0);
  // A file dropped while the first is on its way joins the batch instead of being refused.
  await evidence.drop(second);
  await expect(evidence.overallProgress()).toBeVisible();
  await expect(evidence.progress()).toContainText('Đã xử lý 0/2 tệp');
  await page.screenshot({ path: testInfo.outputPath('evidence-progress.png'), fullPage: true });
  await evidence.stopUpload();

  await expect(evidence.uploadError('Ho so quet phan 1.zip')).toContainText('Đã dừng theo yêu cầu');
  await expect(evidence.uploadError('Ho so quet phan 2.zip')).toContainText('Đã dừng theo yêu cầu');
  await expect(evidence.progress()).toContainText('Đã xử lý 2/2 tệp');
  await expect(evidence.files()).toHaveCount(0);
  await expect.poll(() => storedFiles(app.dataDir, 'tmp').length).toBe(0);
  expect(storedFiles(app.dataDir)).toHaveLength(0);
});
