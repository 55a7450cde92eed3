import { sampleProfile } from '../helpers/sample-profile';
import { AppShellPage } from './pages/app-shell.page';
import { AuthPage } from './pages/auth.page';
import { ProfileFormPage } from './pages/profile-form.page';
import { completeFirstStart, DEFAULT_ADMIN, signIn } from './support/first-start';
import { expect, test } from './support/fixtures';

test('first start creates the administrator, then asks for the unit, keeps both across a restart, and edits the unit later', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const form = new ProfileFormPage(page);
  const auth = new AuthPage(page);

  await app.launch();
  await expect(shell.firstStartHeading()).toBeVisible();
  await expect(auth.accountStepHeading()).toBeVisible();
  await expect(page.getByText('Lần đầu sử dụng: hãy tạo tài khoản quản trị')).toBeVisible();
  // The three work roles start ticked: a unit with one person keeps them all.
  await expect(page.getByRole('checkbox', { name: /^Cán bộ đầu mối/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Lãnh đạo/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Người nộp hồ sơ/ })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('first-start-account.png'), fullPage: true });
  await testInfo.attach('first-start-account', { path: testInfo.outputPath('first-start-account.png'), contentType: 'image/png' });

  // A weak password, or two that differ, is refused with a Vietnamese message; no account is made.
  // Each message sits under its field (its accessible description), a summary line on top.
  await auth.createAdmin({ ...DEFAULT_ADMIN, password: 'matkhaumoi' });
  await expect(auth.error()).toHaveText('Chưa lưu được: ô «Mật khẩu» cần sửa (xem thông báo dưới ô đó).');
  await expect(page.getByLabel('Mật khẩu', { exact: true })).toHaveAccessibleDescription(/^Mật khẩu cần có cả chữ cái và chữ số\./);
  await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill('khac12345');
  await page.getByRole('button', { name: 'Tạo tài khoản và tiếp tục' }).click();
  await expect(page.getByLabel('Nhập lại mật khẩu', { exact: true })).toHaveAccessibleDescription('Hai lần nhập mật khẩu không giống nhau.');
  await expect(auth.error()).toContainText('«Mật khẩu», «Nhập lại mật khẩu»');

  await auth.createAdmin(DEFAULT_ADMIN);
  await expect(page.getByText('Lần đầu sử dụng: hãy khai báo thông tin đơn vị.')).toBeVisible();
  await expect(auth.signedInUser()).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('first-start.png'), fullPage: true });
  await testInfo.attach('first-start', { path: testInfo.outputPath('first-start.png'), contentType: 'image/png' });

  // A bad short name and an empty province are refused at once, each message under its field in
  // the field's Vietnamese name; nothing is saved.
  await form.fill(sampleProfile({ shortName: 'S N V', province: '' }));
  await form.submit('Lưu và bắt đầu');
  await expect(form.error()).toHaveText('Chưa lưu được: 2 ô cần sửa — «Tên viết tắt», «Tỉnh, thành phố» (xem thông báo dưới từng ô).');
  await expect(form.field('Tên viết tắt')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.field('Tên viết tắt')).toHaveAccessibleDescription(/chữ in hoa/);
  await expect(form.field('Tỉnh, thành phố')).toHaveAccessibleDescription('Tỉnh, thành phố: không được để trống.');
  await expect(form.field('Tên đơn vị')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(shell.firstStartHeading()).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('profile-two-errors.png'), fullPage: true });
  await testInfo.attach('profile-two-errors', { path: testInfo.outputPath('profile-two-errors.png'), contentType: 'image/png' });

  await form.field('Tên viết tắt').fill('SNV');
  await form.field('Tỉnh, thành phố').selectOption('Lâm Đồng');
  await form.submit('Lưu và bắt đầu');
  await expect(shell.homeUnit()).toHaveText('Sở Nội vụ (SNV)');
  await expect(auth.signedInUser()).toContainText('Nguyễn Thị Ặnh');
  await expect(auth.signedInRoles()).toHaveText('quản trị, cán bộ đầu mối, lãnh đạo, người nộp hồ sơ');

  // Restart: a new process on the same data folder asks for the password, then opens on the saved
  // unit, not the first start.
  await app.launch();
  await expect(auth.signInHeading()).toBeVisible();
  await expect(page.getByText('CCHC Desk — Sở Nội vụ.')).toBeVisible();
  await signIn(page);
  await expect(shell.homeUnit()).toHaveText('Sở Nội vụ (SNV)');
  await expect(shell.firstStartHeading()).toHaveCount(0);

  await shell.goTo('Thông tin đơn vị');
  await expect(form.field('Cán bộ đầu mối CCHC')).toHaveValue('Nguyễn Thị Ặnh');
  await form.field('Lãnh đạo ký văn bản').fill('Lê Thị Đào');
  await form.submit('Lưu thông tin');
  await expect(page.getByRole('status')).toHaveText('Đã lưu thông tin đơn vị.');

  await app.launch();
  await signIn(page);
  await shell.goTo('Thông tin đơn vị');
  await expect(form.field('Lãnh đạo ký văn bản')).toHaveValue('Lê Thị Đào');
});

test('after the next year is declared, the working year picker brings every page back to the earlier year', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const form = new ProfileFormPage(page);
  await app.launch();
  await completeFirstStart(page);
  // One year only: nothing to pick.
  await expect(shell.workingYear()).toHaveCount(0);

  await shell.goTo('Thông tin đơn vị');
  await page.getByRole('button', { name: 'Khai báo cho năm 2027' }).click();
  await form.submit('Lưu thông tin');
  await expect(page.getByRole('status')).toHaveText('Đã lưu thông tin đơn vị.');
  await expect(shell.workingYear()).toHaveValue('2027');

  // January 2027: the 2026 annual report and dossier are still to finish.
  await shell.workingYear().selectOption('2026');
  await shell.goTo('Duyệt hồ sơ');
  await expect(shell.heading('Duyệt hồ sơ tự đánh giá năm 2026')).toBeVisible();
  await shell.goTo('Tổng quan');
  await expect(shell.heading('Hồ sơ tự đánh giá năm 2026')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('working-year.png') });
  await testInfo.attach('working-year', { path: testInfo.outputPath('working-year.png'), contentType: 'image/png' });
  await shell.workingYear().selectOption('2027');
  await expect(shell.heading('Hồ sơ tự đánh giá năm 2027')).toBeVisible();
  await shell.goTo('Duyệt hồ sơ');
  await expect(shell.heading('Duyệt hồ sơ tự đánh giá năm 2027')).toBeVisible();
});
