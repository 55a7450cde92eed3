import { sampleProfile } from '../helpers/sample-profile';
import { AppShellPage } from './pages/app-shell.page';
import { ProfileFormPage } from './pages/profile-form.page';
import { expect, test } from './support/fixtures';

test('first start asks for the unit, keeps it across a restart, and edits it later', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const form = new ProfileFormPage(page);

  await app.launch();
  await expect(shell.firstStartHeading()).toBeVisible();
  await expect(page.getByText('Lần đầu sử dụng: hãy khai báo thông tin đơn vị.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('first-start.png'), fullPage: true });
  await testInfo.attach('first-start', { path: testInfo.outputPath('first-start.png'), contentType: 'image/png' });

  // A bad short name is refused with a Vietnamese message naming the field; nothing is saved.
  await form.fill(sampleProfile({ shortName: 'S N V' }));
  await form.submit('Lưu và bắt đầu');
  await expect(form.error()).toContainText('shortName');
  await expect(form.error()).toContainText('chữ in hoa');
  await expect(shell.firstStartHeading()).toBeVisible();

  await form.field('Tên viết tắt').fill('SNV');
  await form.submit('Lưu và bắt đầu');
  await expect(shell.homeUnit()).toHaveText('Sở Nội vụ (SNV)');

  // Restart: a new process on the same data folder opens on the saved unit, not the first start.
  await app.launch();
  await expect(shell.homeUnit()).toHaveText('Sở Nội vụ (SNV)');
  await expect(shell.firstStartHeading()).toHaveCount(0);

  await shell.goTo('Thông tin đơn vị');
  await expect(form.field('Cán bộ đầu mối CCHC')).toHaveValue('Nguyễn Thị Ặnh');
  await form.field('Lãnh đạo ký văn bản').fill('Lê Thị Đào');
  await form.submit('Lưu thông tin');
  await expect(page.getByRole('status')).toHaveText('Đã lưu thông tin đơn vị.');

  await app.launch();
  await shell.goTo('Thông tin đơn vị');
  await expect(form.field('Lãnh đạo ký văn bản')).toHaveValue('Lê Thị Đào');
});
