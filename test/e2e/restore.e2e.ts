import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppShellPage } from './pages/app-shell.page';
import { AuthPage } from './pages/auth.page';
import { ExchangePage } from './pages/exchange.page';
import { completeFirstStart, signIn } from './support/first-start';
import { expect, test } from './support/fixtures';

/**
 * Issue 15 §5: restore from the window, no command line, no environment variable. Back up, pick
 * that backup, see what it holds, restore into a new folder, switch to it and sign in there.
 */
test('restore a backup from the window into a new data folder and switch to it', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const exchange = new ExchangePage(page);
  // Two starts of the host, a backup, a verified restore and two sign-ins: more than the default
  // minute on a busy two-core machine.
  test.setTimeout(120_000);
  const siblings = () => readdirSync(dirname(app.dataDir)).filter((n) => n.startsWith(basename(app.dataDir)) && n !== basename(app.dataDir));
  try {
    await app.launch();
    await completeFirstStart(page);

    await shell.goTo('Sao lưu');
    const backup = testInfo.outputPath('sao-luu.zip');
    await exchange.backupTo(backup);
    // The backup's own database was copied before this backup was recorded: restored, it says never.
    await expect(exchange.lastBackup()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    await exchange.restoreFrom(backup);
    const preview = exchange.restorePreview();
    await expect(preview).toContainText('Sở Nội vụ');
    await expect(preview).toContainText('2026');
    await expect(preview).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await expect(preview).toContainText('1 tài khoản');
    const newFolder = (await preview.locator('dd.mono').textContent())!;
    expect(basename(newFolder)).toMatch(new RegExp(`^${basename(app.dataDir)}-phuc-hoi-\\d{8}-\\d{6}$`));
    expect(existsSync(join(newFolder, 'cchc-desk.sqlite'))).toBe(true);
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.screenshot({ path: testInfo.outputPath(`restore-preview-${size.width}.png`), fullPage: true });
    }

    await exchange.switchToRestored();
    // The page starts over on the restored folder: its accounts, so sign in again.
    await expect(new AuthPage(page).signInHeading()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('restore-switched-sign-in.png'), fullPage: true });
    await signIn(page);
    // The window returns to the page it was on (Sao lưu); the home page names the data folder.
    await shell.goTo('Tổng quan');
    await expect(page.getByText(newFolder, { exact: true })).toBeVisible();
    await shell.goTo('Sao lưu');
    await expect(exchange.lastBackup()).toHaveText('Chưa sao lưu lần nào');

    // Remembered for the next start: the host, restarted without any setting, opens it again.
    await app.launch();
    await signIn(page);
    await shell.goTo('Tổng quan');
    await expect(page.getByText(newFolder, { exact: true })).toBeVisible();
  } finally {
    // Beside the fixture's folder, so the fixture does not remove them.
    for (const name of siblings()) rmSync(join(dirname(app.dataDir), name), { recursive: true, force: true });
  }
});
