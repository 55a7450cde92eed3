import { AppShellPage } from './pages/app-shell.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';

/** Every navigation entry, as its button reads: the tour visits each one. */
const SECTIONS = [
  'Tổng quan',
  'Tự đánh giá',
  'Bộ chỉ số',
  'Kiểm tra tài liệu',
  'Tài liệu kiểm chứng',
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

  // The entries sit under headed groups, so the sidebar reads as four kinds of work.
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  for (const group of ['Tự đánh giá', 'Báo cáo định kỳ', 'Duyệt và nộp', 'Hệ thống']) {
    await expect(nav.getByRole('group', { name: group })).toBeVisible();
    await expect(nav.getByRole('heading', { name: group, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('group', { name: 'Hệ thống' }).getByRole('button')).toHaveText(['Thông tin đơn vị', 'Tài khoản', 'Sao lưu']);

  for (const [index, section] of SECTIONS.entries()) {
    await shell.goTo(section);
    await expect(nav.getByRole('button', { name: section, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    const file = `${String(index + 1).padStart(2, '0')}-${section}.png`;
    await page.screenshot({ path: testInfo.outputPath(file), fullPage: true });
  }
});
