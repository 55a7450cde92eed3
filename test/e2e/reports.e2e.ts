import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Download } from '@playwright/test';
import { foldVietnamese, todayInVietnam } from '../../src/shared/text/vi';
import { AppShellPage } from './pages/app-shell.page';
import { EvidencePanelPage } from './pages/evidence.page';
import { ReportsPage } from './pages/reports.page';
import { completeFirstStart, signIn } from './support/first-start';
import { expect, test } from './support/fixtures';

const DIRECTION = 'Ban Giám đốc ban hành Kế hoạch cải cách hành chính năm 2026 ngay trong tháng 01.';
const DIRECTION_2 = 'Tổ chức 02 cuộc kiểm tra công tác cải cách hành chính tại các phòng chuyên môn.';
const TTHC_INTRO = 'Công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công của tỉnh:';
const TTHC_BULLET_1 = 'Rà soát, đơn giản hóa 05 thủ tục hành chính';
const TTHC_BULLET_2 = 'Tiếp nhận hồ sơ trực tuyến toàn trình đạt 50%';

/** What the dashboard must say for a deadline, counted from today in Vietnam (no clock faked). */
function expectedDaysLeft(deadlineVi: string): string {
  const [d, m, y] = deadlineVi.split('/').map(Number) as [number, number, number];
  const [ty, tm, td] = todayInVietnam().split('-').map(Number) as [number, number, number];
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(ty, tm - 1, td)) / 86_400_000);
  return days < 0 ? `Quá hạn ${-days} ngày` : days === 0 ? 'Hạn gửi là hôm nay' : `Còn ${days} ngày`;
}

/** The suggested file name, folded: says what the document is, with or without diacritics. */
function fileTitle(download: Download): string {
  return foldVietnamese(download.suggestedFilename()).replace(/[\s_]+/g, '-');
}

/** A generated Office file: a zip ("PK") holding `part`; returns that part's XML. */
async function openOfficePart(download: Download, part: string): Promise<string> {
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  expect(file, `${download.suggestedFilename()} should contain ${part}`).not.toBeNull();
  return file!.async('string');
}

test('write the Quý I report and its biểu số liệu, keep them after a restart, and generate the .docx and .xlsx', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const reports = new ReportsPage(page);
  const evidence = new EvidencePanelPage(page);
  await app.launch();
  await completeFirstStart(page);

  // Home points at the nearest reporting deadline, with the days left counted the same way.
  await expect(reports.nextDeadline()).toContainText(/Báo cáo CCHC (.+ )?năm 2026: hạn gửi \d\d\/\d\d\/2026\./);
  const homeDeadline = /hạn gửi (\d\d\/\d\d\/\d{4})/.exec((await reports.nextDeadline().textContent())!)![1]!;
  await expect(reports.nextDeadline().getByTestId('days-left')).toHaveText(expectedDaysLeft(homeDeadline));
  await reports.nextDeadline().getByRole('button', { name: 'Mở báo cáo' }).click();
  await expect(reports.heading()).toHaveText(/^Báo cáo .+ 2026$/);
  await expect(page.getByText(`Hạn gửi ${homeDeadline}`)).toBeVisible();

  // The dashboard: every period with its window, deadline and the days left, counted from today.
  await shell.goTo('Báo cáo');
  for (const name of ['Quý I', '6 tháng đầu năm', 'Quý III', '9 tháng', 'Năm']) await expect(reports.periodCard(name)).toBeVisible();
  await expect(reports.periodCard('Quý I')).toContainText('Từ 15/12/2025 đến 14/03/2026');
  await expect(reports.periodCard('9 tháng')).toContainText('Nếu tỉnh yêu cầu');
  const q1Deadline = (await reports.periodDeadline('Quý I').textContent())!;
  await expect(reports.periodDaysLeft('Quý I')).toHaveText(expectedDaysLeft(q1Deadline));
  const yearDeadline = (await reports.periodDeadline('Năm').textContent())!;
  await expect(reports.periodDaysLeft('Năm')).toHaveText(expectedDaysLeft(yearDeadline));
  await page.screenshot({ path: testInfo.outputPath('reports-dashboard.png'), fullPage: true });

  // Two sections: plain paragraphs, then one with a bullet list.
  await reports.openPeriod('quý I năm 2026');
  await expect(reports.heading()).toHaveText('Báo cáo quý I năm 2026');
  await reports.openSection('Kế hoạch cải cách hành chính');
  await reports.sectionText().fill(`${DIRECTION}\n\n${DIRECTION_2}`);
  await expect(reports.saveState()).toHaveText('Đã lưu');
  // The section's evidence, attached in the section itself; the report cites it.
  const plan = testInfo.outputPath('Ke hoach 47-KH-SNV 11-01-2026.txt');
  writeFileSync(plan, 'Kế hoạch cải cách hành chính năm 2026 của Sở Nội vụ.');
  await evidence.attach(plan);
  await expect(evidence.file('Ke hoach 47-KH-SNV 11-01-2026.txt')).toBeVisible();
  await reports.openSection('Cải cách thủ tục hành chính');
  await expect(reports.sectionTitle()).toContainText('Cải cách thủ tục hành chính');
  await reports.sectionText().fill(`${TTHC_INTRO}\n- ${TTHC_BULLET_1};\n- ${TTHC_BULLET_2}.`);
  await expect(reports.saveState()).toHaveText('Đã lưu');

  // Statistics: a sum row, a percentage, and a numerator above its denominator refused per row.
  await reports.statisticsTab();
  await reports.statistic('Số hồ sơ giải quyết đúng hạn').fill('245');
  await reports.statistic('Số hồ sơ giải quyết quá hạn').fill('5');
  await expect(reports.computed('Tổng số hồ sơ đã giải quyết')).toHaveText('250');
  await expect(reports.computed('Tỷ lệ hồ sơ giải quyết đúng hạn')).toHaveText('98');
  await reports.statistic('Số hồ sơ TTHC đã tiếp nhận').fill('300');
  await expect(reports.saveState()).toHaveText('Đã lưu');
  await reports.statistic('Số hồ sơ tiếp nhận trực tuyến toàn trình').fill('350');
  await expect(reports.rowMessages('Số hồ sơ tiếp nhận trực tuyến toàn trình')).toContainText('lớn hơn mẫu số');
  await expect(reports.computed('Tỷ lệ hồ sơ trực tuyến toàn trình')).toHaveText('—');
  await page.screenshot({ path: testInfo.outputPath('reports-statistics-refused.png'), fullPage: true });
  await reports.statistic('Số hồ sơ tiếp nhận trực tuyến toàn trình').fill('150');
  await expect(reports.computed('Tỷ lệ hồ sơ trực tuyến toàn trình')).toHaveText('50');
  await expect(reports.rowMessages('Số hồ sơ tiếp nhận trực tuyến toàn trình')).toHaveCount(0);
  await expect(reports.saveState()).toHaveText('Đã lưu');

  // A restart on the same data folder: text and numbers are all still there.
  await app.launch();
  await signIn(page);
  await shell.goTo('Báo cáo');
  await expect(reports.periodCard('Quý I')).toContainText('Đang soạn');
  await reports.openPeriod('quý I năm 2026');
  await reports.openSection('Kế hoạch cải cách hành chính');
  await expect(reports.sectionText()).toHaveValue(`${DIRECTION}\n\n${DIRECTION_2}`);
  await reports.openSection('Cải cách thủ tục hành chính');
  await expect(reports.sectionText()).toHaveValue(`${TTHC_INTRO}\n- ${TTHC_BULLET_1};\n- ${TTHC_BULLET_2}.`);
  await page.screenshot({ path: testInfo.outputPath('reports-editor.png'), fullPage: true });
  await reports.statisticsTab();
  await expect(reports.statistic('Số hồ sơ tiếp nhận trực tuyến toàn trình')).toHaveValue('150');
  await expect(reports.computed('Tỷ lệ hồ sơ trực tuyến toàn trình')).toHaveText('50');
  await expect(reports.computed('Tổng số hồ sơ đã giải quyết')).toHaveText('250');

  // The periodic report as .docx: a zip with the Word body holding what was written.
  const docx = await reports.generate('Báo cáo kết quả CCHC (.docx)');
  expect(fileTitle(docx)).toBe('bao-cao-cchc-quy-i-nam-2026-snv.docx');
  const body = await openOfficePart(docx, 'word/document.xml');
  for (const text of [DIRECTION, DIRECTION_2, TTHC_INTRO, TTHC_BULLET_1, TTHC_BULLET_2]) expect(body).toContain(text);
  expect(body).toContain('Ke hoach 47-KH-SNV 11-01-2026.txt');
  await expect(reports.generateStatus()).toContainText(docx.suggestedFilename());

  // The biểu số liệu as .xlsx.
  const xlsx = await reports.generate('Biểu số liệu (.xlsx)');
  expect(fileTitle(xlsx)).toBe('bieu-so-lieu-cchc-quy-i-nam-2026-snv.xlsx');
  await openOfficePart(xlsx, 'xl/workbook.xml');
});

test('start 6 tháng from Quý I (text as a draft, numbers kept) and pre-fill the empty sections from the plan and the period figures', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const reports = new ReportsPage(page);
  await app.launch();
  await completeFirstStart(page);

  // Nothing to pre-fill from yet (no plan, no figures): the officer is told so, in Vietnamese.
  await shell.goTo('Báo cáo');
  await reports.openPeriod('quý I năm 2026');
  await reports.prefillFromAssessment();
  await expect(page.getByText('Không có mục trống nào điền được (chưa có kế hoạch hay số liệu của kỳ).')).toBeVisible();

  // The self-assessment documents need the year's self-assessment too.
  await reports.requestDocument('Báo cáo tự đánh giá, chấm điểm (.docx)');
  await expect(reports.generateError()).toHaveText('Chưa có bản tự đánh giá năm 2026; hãy tự chấm điểm trước khi lập hồ sơ.');

  // Quý I: one section and one number.
  await reports.openSection('Kế hoạch cải cách hành chính');
  await reports.sectionText().fill(DIRECTION);
  await expect(reports.saveState()).toHaveText('Đã lưu');
  await reports.statisticsTab();
  await reports.statistic('Số văn bản chỉ đạo, điều hành CCHC đã ban hành').fill('12');
  await expect(reports.saveState()).toHaveText('Đã lưu');

  // 6 tháng starts from it: the text comes as a draft, the number as it was.
  await reports.backToPeriods();
  await reports.openPeriod('6 tháng đầu năm 2026');
  await reports.startFromPrevious('Giữ số liệu kỳ trước để sửa');
  await expect(reports.notice()).toHaveText('Đã chép từ báo cáo quý I năm 2026: 1 mục (bản nháp) và 1 số liệu.');
  await expect(page.getByRole('button', { name: 'Bắt đầu từ báo cáo kỳ trước…' })).toHaveCount(0);
  await expect(reports.sectionButton('Kế hoạch cải cách hành chính')).toContainText('bản nháp');
  await reports.openSection('Kế hoạch cải cách hành chính');
  await expect(reports.sectionText()).toHaveValue(DIRECTION);
  await expect(page.getByText('Nội dung này được chép từ kỳ trước')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('reports-carried.png'), fullPage: true });
  await reports.sectionText().fill(`${DIRECTION} Đã cập nhật cho 6 tháng.`);
  await expect(reports.saveState()).toHaveText('Đã lưu');
  await expect(reports.sectionButton('Kế hoạch cải cách hành chính')).not.toContainText('bản nháp');
  await reports.statisticsTabByKeyboard();
  await expect(page.getByRole('tab', { name: 'Biểu số liệu' })).toBeFocused();
  await expect(reports.statistic('Số văn bản chỉ đạo, điều hành CCHC đã ban hành')).toHaveValue('12');

  // The period's figures pre-fill the empty section they describe (never annual scores); written text stays.
  await shell.goTo('Tự đánh giá');
  await page.getByRole('button', { name: 'Bắt đầu tự đánh giá' }).click();
  await expect(page.getByTestId('total-points')).toBeVisible();
  await shell.goTo('Báo cáo');
  await reports.openPeriod('6 tháng đầu năm 2026');
  await reports.prefillFromAssessment();
  await expect(reports.notice()).toHaveText('Đã điền sẵn 1 mục từ kế hoạch và số liệu của kỳ.');
  await reports.openSection('Công tác kiểm tra cải cách hành chính');
  await expect(reports.sectionText()).toHaveValue(/Số văn bản chỉ đạo, điều hành CCHC đã ban hành: 12 văn bản\./);
  await expect(reports.sectionText()).not.toHaveValue(/điểm/);
  await reports.openSection('Kế hoạch cải cách hành chính');
  await expect(reports.sectionText()).toHaveValue(`${DIRECTION} Đã cập nhật cho 6 tháng.`);

  // Now the self-assessment documents can be made as well.
  const selfScore = await reports.generate('Bảng tự chấm điểm (.xlsx)');
  expect(fileTitle(selfScore)).toMatch(/\.xlsx$/);
  await openOfficePart(selfScore, 'xl/workbook.xml');
  const selfReport = await reports.generate('Báo cáo tự đánh giá, chấm điểm (.docx)');
  expect(fileTitle(selfReport)).toMatch(/\.docx$/);
  expect(await openOfficePart(selfReport, 'word/document.xml')).toContain('Cải cách thể chế');
});
