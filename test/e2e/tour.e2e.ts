import { AppShellPage } from './pages/app-shell.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';

/** Every navigation entry, as its button reads: the tour visits each one. */
const SECTIONS = [
  'Tổng quan',
  'Tự đánh giá',
  'Bộ chỉ số',
  'Kiểm tra tài liệu',
  'Báo cáo',
  'Duyệt hồ sơ',
  'Nộp hồ sơ',
  'Nhật ký thay đổi',
  'Thông tin đơn vị',
  'Tài khoản',
  'Sao lưu',
];

test('a tour of every page: each navigation entry opens and is photographed for a look at consistency', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  await app.launch();
  await completeFirstStart(page);

  for (const [index, section] of SECTIONS.entries()) {
    await shell.goTo(section);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('button', { name: section, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    const file = `${String(index + 1).padStart(2, '0')}-${section}.png`;
    await page.screenshot({ path: testInfo.outputPath(file), fullPage: true });
  }
});
