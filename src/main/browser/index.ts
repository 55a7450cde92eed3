import { fileURLToPath } from 'node:url';
import { openCore, type Core } from '../core/app';
import { activeDataDir, rememberDataDir } from '../core/data-folder-choice';
import { resolveDataDir } from '../core/data-dir';
import type { Desktop } from '../core/context';
import { isAppError } from '../core/errors';
import type { Registry } from '../core/registry';
import { openWithSystemViewer, showInSystemFolder } from '../host/open-path';
import { startBrowserHost } from './server';

/**
 * `npm run dev:browser`: CCHC Desk in any local Chromium, for machines where Electron cannot run
 * and for the end-to-end tests. Prints the address (with its one-time token) and serves until
 * stopped.
 */
async function main(): Promise<void> {
  const rendererDir = fileURLToPath(new URL(process.env.CCHC_RENDERER_DIR ? `file://${process.env.CCHC_RENDERER_DIR}/` : '../renderer/', import.meta.url));
  // The core is reopened on another folder when the officer switches to a restored backup; the
  // server keeps talking to whichever is current.
  const desktop: Desktop = {
    openPath: openWithSystemViewer,
    showInFolder: showInSystemFolder,
    async switchDataFolder(dir) {
      await rememberDataDir(resolveDataDir(), dir, new Date());
      const next = openCore({ dataDir: dir, desktop });
      const previous = core;
      core = next;
      previous.close();
      console.log(`CCHC Desk đã chuyển sang thư mục dữ liệu: ${dir}`);
    },
  };
  const dataDir = activeDataDir();
  let core: Core = openCore({ dataDir, desktop });
  const registry: Registry = {
    get channels() {
      return core.registry.channels;
    },
    invoke: (channel, input, session) => core.registry.invoke(channel, input, session),
  };
  const host = await startBrowserHost({ registry, rendererDir, takeDownload: (token) => core.takeDownload(token) });
  console.log(`CCHC Desk đang chạy trong trình duyệt. Dữ liệu: ${dataDir}`);
  console.log(`Mở địa chỉ này (chỉ trên máy này): ${host.url}`);
  console.log(`CCHC_URL=${host.url}`);
  const stop = async () => {
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(isAppError(error) ? `Lỗi: ${error.message}` : error);
  process.exit(1);
});
