import { writeFileSync } from 'node:fs';
import { formatDateVi, todayInVietnam } from '../../src/shared/text/vi';
import { AppShellPage } from './pages/app-shell.page';
import { EvidenceListPage } from './pages/evidence-list.page';
import { PlanPage } from './pages/plan.page';
import { completeFirstStart } from './support/first-start';
import { sampleProfile } from '../helpers/sample-profile';
import { expect, test } from './support/fixtures';

const DAY = 86_400_000;
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

test('import the year plan (errors first), follow its rates, edit a task, see due tasks on the home page', async ({ page, app }, testInfo) => {
  // Import, task edit, the plan's document in the evidence list and a criterion: past the default minute under load.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = new AppShellPage(page);
  const plan = new PlanPage(page);
  await app.launch();
  await completeFirstStart(page);
  const today = todayInVietnam();

  const tasks = [
    { code: '1', title: 'Ban hành Kế hoạch CCHC năm 2026', lead: 'Văn phòng Sở', due: '2026-01-15', product: 'Kế hoạch', status: 'xong', doneDate: '2026-01-12' },
    { code: '2', title: 'Rà soát, đơn giản hóa thủ tục hành chính', lead: 'Phòng HCTP', due: '2026-03-10', product: 'Báo cáo rà soát', source: 'province', sourceRef: '47/KH-UBND', status: 'xong', doneDate: '2026-03-20' },
    { code: '3', title: 'Kiểm tra công tác CCHC tại các phòng', lead: 'Thanh tra Sở', due: shift(today, -3), product: 'Kết luận kiểm tra', status: 'đang làm' },
    { code: '4', title: 'Khảo sát sự hài lòng của người dân', lead: 'Văn phòng Sở', due: shift(today, 2), product: 'Báo cáo khảo sát' },
  ];
  const file = testInfo.outputPath('ke-hoach.json');
  const broken = { formatVersion: 1, kind: 'plan', year: 2026, tasks: [{ ...tasks[0], doneDate: undefined }, { ...tasks[1], sourceRef: '' }, { code: '1', title: 'Trùng mã', due: '31/02/2026' }] };
  writeFileSync(file, JSON.stringify(broken));

  await shell.goTo('Kế hoạch CCHC');
  await expect(page.getByRole('heading', { name: 'Kế hoạch cải cách hành chính năm 2026' })).toBeVisible();
  await plan.chooseImportFile(file);
  await expect(plan.importErrors()).toContainText('Tệp có 4 lỗi, chưa lưu gì');
  // Places in words, the JSON path beside them for whoever edits the file by hand.
  await expect(plan.importErrors()).toContainText('Nhiệm vụ thứ 1 (mã «1») → Ngày hoàn thành (tasks[0].doneDate)');
  await expect(plan.importErrors()).toContainText('Nhiệm vụ thứ 3 (mã «1») → Mã (tasks[2].code)');
  await page.screenshot({ path: testInfo.outputPath('plan-import-errors.png'), fullPage: true });

  writeFileSync(file, JSON.stringify({ formatVersion: 1, kind: 'plan', year: 2026, plan: { number: '15/KH-SNV', date: '2026-01-12', title: 'Kế hoạch cải cách hành chính năm 2026' }, tasks }));
  await plan.chooseImportFile(file);
  await expect(page.getByText('Tệp hợp lệ: 4 nhiệm vụ mới, 0 cập nhật, 0 không đổi.')).toBeVisible();
  await expect(page.getByText('xong ngày 20/03/2026, sau thời hạn 10/03/2026')).toBeVisible();
  await plan.confirmImport();
  await expect(page.getByText('Đã nhập: 4 nhiệm vụ mới')).toBeVisible();
  await expect(plan.taskRow('2')).toContainText('Xong quá hạn');
  await expect(plan.taskRow('3')).toContainText('Quá hạn');
  // Quý I (15/12/2025 → 14/03/2026): tasks 1 and 2 are due; 2 was finished after the window.
  await expect(plan.rateRow('Quý I')).toContainText('1/2 (50%)');
  await expect(page.getByLabel('Số, ký hiệu')).toHaveValue('15/KH-SNV');
  await page.screenshot({ path: testInfo.outputPath('plan-page.png'), fullPage: true });

  // The plan's document is stored without an evidence link, yet it is the plan's: listed as such, never "Chưa gắn".
  const planDoc = testInfo.outputPath('Ke hoach 15-KH-SNV.txt');
  writeFileSync(planDoc, 'KẾ HOẠCH\nCải cách hành chính năm 2026 của Sở Nội vụ.\n');
  await page.getByLabel('Chọn tệp văn bản kế hoạch…').setInputFiles(planDoc);
  await expect(page.getByText('Đã đính kèm: Ke hoach 15-KH-SNV.txt')).toBeVisible();
  await page.getByRole('button', { name: 'Lưu thông tin kế hoạch' }).click();
  await expect(page.getByText('Đã lưu thông tin kế hoạch.')).toBeVisible();
  const evidenceList = new EvidenceListPage(page);
  await shell.goTo('Tài liệu kiểm chứng');
  await expect(evidenceList.file('Ke hoach 15-KH-SNV.txt').getByTestId('plan-use')).toHaveText('Kế hoạch CCHC');
  await expect(evidenceList.file('Ke hoach 15-KH-SNV.txt')).toContainText('Kế hoạch CCHC năm 2026 (số 15/KH-SNV)');
  await page.screenshot({ path: testInfo.outputPath('evidence-list-plan-doc.png'), fullPage: true });
  await evidenceList.filterLinked('Chưa gắn');
  await expect(evidenceList.count()).toHaveText('Không có tệp nào khớp.');
  await shell.goTo('Kế hoạch CCHC');

  // Finish task 3 today by editing it.
  await plan.taskRow('3').getByRole('button', { name: 'Sửa' }).click();
  const editor = page.getByRole('form', { name: 'Sửa 3' });
  await editor.getByLabel('Trạng thái').selectOption({ label: 'Đã xong' });
  // Two rules broken at once (done without its date, the province's plan without its number):
  // both messages, each under its field, and nothing saved.
  await editor.getByLabel('Nguồn').selectOption({ label: 'Kế hoạch của tỉnh' });
  await editor.getByLabel('Số KH của tỉnh / mã tiêu chí').fill('');
  await page.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
  await expect(editor.getByLabel('Ngày hoàn thành')).toHaveAccessibleDescription('Nhiệm vụ đã xong phải có ngày hoàn thành.');
  await expect(editor.getByLabel('Số KH của tỉnh / mã tiêu chí')).toHaveAccessibleDescription(/phải ghi số kế hoạch của tỉnh/);
  await expect(editor.getByRole('alert')).toContainText('Chưa lưu được: 2 ô cần sửa');
  await page.screenshot({ path: testInfo.outputPath('task-two-errors.png'), fullPage: true });
  await editor.getByLabel('Nguồn').selectOption({ label: 'Kế hoạch của đơn vị' });
  await editor.getByLabel('Ngày hoàn thành').fill(formatDateVi(today));
  await page.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
  await expect(page.getByText('Đã lưu nhiệm vụ 3.')).toBeVisible();
  await expect(plan.taskRow('3')).toContainText('Xong quá hạn');

  await shell.goTo('Tổng quan');
  await expect(plan.dueCard()).toContainText('Đến hạn trong 7 ngày (1)');
  await expect(plan.dueCard()).toContainText('4. Khảo sát sự hài lòng');
  await expect(plan.dueCard()).not.toContainText('Quá hạn');
  await page.screenshot({ path: testInfo.outputPath('home-plan-card.png'), fullPage: true });

  // "Ban hành kế hoạch CCHC đúng thời hạn" (the first item) takes its answer from the plan, shown as such.
  await shell.goTo('Tự đánh giá');
  await page.getByRole('button', { name: 'Bắt đầu tự đánh giá' }).click();
  const link = page.getByTestId('plan-link');
  await expect(link).toContainText('Kế hoạch 15/KH-SNV ban hành ngày 12/01/2026');
  await link.getByRole('button', { name: 'Dùng kết quả từ kế hoạch' }).click();
  await expect(link).toContainText('Kết quả đang lấy từ Kế hoạch CCHC');
  // The date box shows the plan's date at once (it stayed empty although the answer was saved).
  await expect(page.getByLabel(/^Ngày ban hành/)).toHaveValue('12/01/2026');
  await page.screenshot({ path: testInfo.outputPath('criterion-from-plan.png'), fullPage: true });
});

test('record a report as sent: the countdown stops and the card says when and whether on time', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = new AppShellPage(page);
  await app.launch();
  await completeFirstStart(page, { profile: sampleProfile({ draftingUnit: 'VP' }) });
  // The profile form: the province picked from the 34, the drafting unit kept.
  await shell.goTo('Thông tin đơn vị');
  await expect(page.getByLabel(/^Tỉnh, thành phố/)).toHaveValue('Lâm Đồng');
  await expect(page.getByLabel(/^Đơn vị soạn thảo/)).toHaveValue('VP');
  await page.screenshot({ path: testInfo.outputPath('profile-form.png'), fullPage: true });
  await shell.goTo('Báo cáo');
  await page.getByRole('button', { name: /quý I năm 2026/ }).first().click();
  const panel = page.getByTestId('sending-panel');
  await panel.getByLabel('Số, ký hiệu văn bản đã gửi').fill('45/BC-SNV');
  await panel.getByLabel('Ngày gửi').fill('12/03/2026');
  await panel.getByRole('button', { name: 'Ghi nhận đã gửi' }).click();
  await expect(panel).toContainText('Đã gửi ngày 12/03/2026 — đúng hạn');
  await expect(page.getByTestId('sent-badge')).toHaveText('Đã gửi ngày 12/03/2026 — đúng hạn');
  await page.screenshot({ path: testInfo.outputPath('report-sent.png'), fullPage: true });

  // The document's own date and Nơi nhận. A date before the data cut-off (14/03) is warned about, here and beside «Tạo tài liệu».
  const options = page.getByTestId('document-options');
  // The sample unit is the Sở Nội vụ: its Kính gửi is the UBND tỉnh, already "Như trên", so no "(b/c)" line.
  await expect(options.getByLabel('Nơi nhận (mỗi dòng một nơi)')).toHaveValue('Như trên\nLãnh đạo Sở');
  await expect(options).toContainText('- Lưu: VT, VP.');
  await options.getByLabel('Ngày văn bản').fill('10/03/2026');
  await options.getByLabel('Nơi nhận (mỗi dòng một nơi)').fill('Như trên\nGiám đốc, các Phó Giám đốc Sở\nTrung tâm Phục vụ hành chính công');
  await options.getByRole('button', { name: 'Lưu ngày và nơi nhận' }).click();
  await expect(options).toContainText('Đã lưu ngày văn bản và nơi nhận.');
  await expect(options.getByTestId('document-date-warning')).toContainText('Ngày văn bản 10/03/2026 sớm hơn ngày chốt số liệu của kỳ (14/03/2026)');
  await expect(page.locator('.generate-panel').getByTestId('document-date-warning')).toContainText('sớm hơn ngày chốt số liệu');
  await expect(options).toContainText('- Trung tâm Phục vụ hành chính công;');
  await page.screenshot({ path: testInfo.outputPath('report-document-options.png'), fullPage: true });
  await options.getByLabel('Ngày văn bản').fill('16/03/2026');
  await options.getByRole('button', { name: 'Lưu ngày và nơi nhận' }).click();
  await expect(options.getByTestId('document-date-warning')).toHaveCount(0);
  await expect(page.locator('.generate-panel').getByTestId('document-date-warning')).toHaveCount(0);
  await page.getByRole('button', { name: '← Các kỳ báo cáo' }).click();
  await expect(page.getByRole('article', { name: 'Quý I' }).getByTestId('sent-badge')).toHaveText('Đã gửi ngày 12/03/2026 — đúng hạn');
  await page.screenshot({ path: testInfo.outputPath('report-periods-sent.png'), fullPage: true });
});
