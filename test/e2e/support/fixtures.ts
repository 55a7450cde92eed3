import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type AppProcess } from './app-process';

interface AppFixture {
  dataDir: string;
  /** Starts (or restarts) the app on this test's data folder and opens it in the page. */
  launch(): Promise<AppProcess>;
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({ page }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cchc-e2e-'));
    let current: AppProcess | undefined;
    await use({
      dataDir,
      async launch() {
        await current?.stop();
        current = await startApp(dataDir);
        await page.goto(current.url);
        return current;
      },
    });
    await current?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
