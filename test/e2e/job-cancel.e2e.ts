import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppShellPage } from './pages/app-shell.page';
import { ExchangePage } from './pages/exchange.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';

test('a long backup shows its progress and stops on «Huỷ», leaving nothing behind', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const shell = new AppShellPage(page);
  const exchange = new ExchangePage(page);
  await app.launch();
  await completeFirstStart(page);

  // A store with a few large blobs (sparse: nothing to write here, gigabytes to copy there).
  for (let i = 0; i < 8; i++) {
    const sha = (i.toString(16) + 'a'.repeat(63)).slice(0, 64);
    const dir = join(app.dataDir, 'evidence', 'files', sha.slice(0, 2));
    mkdirSync(dir, { recursive: true });
    const fd = openSync(join(dir, `${sha.slice(2)}.pdf`), 'w');
    ftruncateSync(fd, 512 * 1024 * 1024);
    closeSync(fd);
  }

  await shell.goTo('Sao lưu');
  // In a browser the backup is written under the data folder's download area, then offered as a
  // download; cancelled, there is nothing to download and nothing may stay there.
  const downloads = join(app.dataDir, 'tmp', 'tai-xuong');
  await exchange.startBackup();
  const cancel = page.getByRole('button', { name: 'Huỷ' });
  await expect(cancel).toBeVisible();
  await expect(page.getByLabel('Tiến độ')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('backup-running.png') });
  await cancel.click();
  await expect(page.getByRole('alert')).toHaveText('Đã huỷ sao lưu; không để lại tệp dở dang.', { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('backup-cancelled.png') });
  const left = existsSync(downloads) ? readdirSync(downloads, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
  expect(left.map((e) => e.name)).toEqual([]);
  await expect(page.getByRole('button', { name: 'Sao lưu ngay' })).toBeEnabled();
});
