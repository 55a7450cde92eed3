import { AccountsPage } from './pages/accounts.page';
import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { AuthPage } from './pages/auth.page';
import { completeFirstStart, DEFAULT_ADMIN, signIn } from './support/first-start';
import { expect, test } from './support/fixtures';

const LEADER = { displayName: 'Trần Văn Mỹ', username: 'lanhdao', password: 'lanhdao2026', roles: ['leader' as const] };

test('the administrator creates a leader-only account; the leader reads but cannot score; accounts survive a restart', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const auth = new AuthPage(page);
  const accounts = new AccountsPage(page);
  const assessment = new AssessmentPage(page);

  await app.launch();
  await completeFirstStart(page);

  // The administrator (every role) starts the year's self-assessment on the bundled sample set.
  await shell.goTo('Tự đánh giá');
  await page.getByRole('button', { name: 'Bắt đầu tự đánh giá' }).click();
  await expect(assessment.total()).toHaveText('0,00');
  await expect(page.getByRole('button', { name: 'Chấm từng tiêu chí' })).toBeVisible();

  await shell.goTo('Tài khoản');
  await accounts.create(LEADER);
  await expect(accounts.status()).toHaveText('Đã tạo tài khoản «lanhdao».');
  await expect(accounts.row('lanhdao')).toContainText('Trần Văn Mỹ');
  await expect(accounts.row('lanhdao')).toContainText('Đang hoạt động');
  // A second account with the same name (another case) is refused in Vietnamese.
  await accounts.create({ ...LEADER, username: 'LanhDao' });
  await expect(auth.error()).toHaveText('Tên đăng nhập «LanhDao» đã có.');
  await page.screenshot({ path: testInfo.outputPath('accounts.png'), fullPage: true });

  // Two wrong fields: both messages at once, each under its own field, and one summary on top.
  await accounts.create({ displayName: 'Lê Văn Bình', username: 'le binh', password: 'ngan1', roles: ['officer'] });
  await expect(auth.error()).toHaveText('Chưa lưu được: 2 ô cần sửa — «Tên đăng nhập», «Mật khẩu» (xem thông báo dưới từng ô).');
  await expect(accounts.createField('Tên đăng nhập')).toHaveAttribute('aria-invalid', 'true');
  await expect(accounts.createField('Tên đăng nhập')).toHaveAccessibleDescription(/^Tên đăng nhập chỉ gồm chữ không dấu, chữ số và \. _ -/);
  await expect(accounts.createField('Mật khẩu')).toHaveAttribute('aria-invalid', 'true');
  await expect(accounts.createField('Mật khẩu')).toHaveAccessibleDescription(/^Mật khẩu cần ít nhất 8 ký tự\./);
  await expect(accounts.createField('Họ và tên')).not.toHaveAttribute('aria-invalid', 'true');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('form', { name: 'Tạo tài khoản mới' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('accounts-two-errors.png') });
  await testInfo.attach('accounts-two-errors', { path: testInfo.outputPath('accounts-two-errors.png'), contentType: 'image/png' });
  // Nothing was created.
  await expect(accounts.row('le binh')).toHaveCount(0);

  await auth.signOut();
  await expect(auth.signInHeading()).toBeVisible();
  await auth.signIn('lanhdao', 'sai-mat-khau-1');
  await expect(auth.error()).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await signIn(page, LEADER.username, LEADER.password);
  await expect(auth.signedInUser()).toContainText('Trần Văn Mỹ');
  await expect(auth.signedInRoles()).toHaveText('lãnh đạo');

  // What a leader does not do is not offered.
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(nav.getByRole('button', { name: 'Tài khoản' })).toHaveCount(0);
  // Backing up is the administrator's only action there: no «Sao lưu» entry, no reminder pointing to it.
  await expect(nav.getByRole('button', { name: 'Sao lưu' })).toHaveCount(0);
  await shell.goTo('Tự đánh giá');
  await expect(page.getByText('Bạn đang xem kết quả tự đánh giá. Chỉ cán bộ đầu mối được chấm điểm.')).toBeVisible();
  await expect(assessment.total()).toHaveText('0,00');
  // The leader walks the items read-only (their own review walk), with nothing to score.
  await expect(page.getByRole('navigation', { name: 'Các tiêu chí cần xem' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Các lĩnh vực' })).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('leader-assessment.png'), fullPage: true });
  await shell.goTo('Bộ chỉ số');
  await expect(page.getByLabel('Nhập bộ chỉ số (JSON hoặc Excel)…')).toHaveCount(0);
  await shell.goTo('Thông tin đơn vị');
  await expect(page.getByRole('button', { name: 'Lưu thông tin' })).toHaveCount(0);
  await expect(page.getByLabel(/^Tên đơn vị/)).toBeDisabled();

  // Restart: both accounts are still there.
  await app.launch();
  await signIn(page, LEADER.username, LEADER.password);
  await expect(auth.signedInRoles()).toHaveText('lãnh đạo');
  await auth.signOut();
  await signIn(page);
  await expect(auth.signedInRoles()).toContainText('quản trị');

  // Disabled by the administrator, the leader can no longer sign in.
  await shell.goTo('Tài khoản');
  await accounts.row('lanhdao').getByRole('button', { name: 'Vô hiệu hóa' }).click();
  await expect(accounts.status()).toHaveText('Đã vô hiệu hóa «lanhdao».');
  await expect(accounts.row('lanhdao')).toContainText('Đã vô hiệu hóa');
  await auth.signOut();
  await auth.signIn(LEADER.username, LEADER.password);
  await expect(auth.error()).toHaveText('Tài khoản này đã bị vô hiệu hóa; hãy liên hệ người quản trị.');
});

test('a locked app asks for the password: the Khóa button, and the idle timer after the administrator’s minutes', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const auth = new AuthPage(page);
  const accounts = new AccountsPage(page);
  // The page's timers run on a clock the test can move; main's own clock stays real.
  await page.clock.install();
  await app.launch();
  await completeFirstStart(page);

  await auth.lock();
  await expect(auth.lockHeading()).toBeVisible();
  await expect(shell.homeUnit()).toBeHidden();
  await auth.unlock('sai-mat-khau-1');
  await expect(auth.error()).toHaveText('Mật khẩu không đúng.');
  await expect(auth.lockHeading()).toBeVisible();
  await auth.unlock(DEFAULT_ADMIN.password);
  await expect(auth.lockHeading()).toHaveCount(0);
  await expect(shell.homeUnit()).toHaveText('Sở Nội vụ (SNV)');

  // A reload keeps the lock: main holds it, not the page.
  await auth.lock();
  await page.reload();
  await expect(auth.lockHeading()).toBeVisible();
  await auth.unlock(DEFAULT_ADMIN.password);

  await shell.goTo('Tài khoản');
  await accounts.setLockMinutes(2);
  await expect(accounts.status()).toHaveText('Ứng dụng sẽ tự khóa sau 2 phút không thao tác.');
  await page.clock.fastForward('01:30');
  await expect(auth.lockHeading()).toHaveCount(0);
  await page.clock.fastForward('00:45');
  await expect(auth.lockHeading()).toBeVisible();
  await expect(page.getByText('(tự khóa sau 2 phút không thao tác)')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('locked.png'), fullPage: true });
  await testInfo.attach('locked', { path: testInfo.outputPath('locked.png'), contentType: 'image/png' });
  await auth.unlock(DEFAULT_ADMIN.password);
  // Unlocked where it was: still on the accounts page.
  await expect(page.getByRole('heading', { name: 'Tài khoản người dùng' })).toBeVisible();
});
