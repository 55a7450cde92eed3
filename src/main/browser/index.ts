import { fileURLToPath } from 'node:url';
import { openCore } from '../core/app';
import { resolveDataDir } from '../core/data-dir';
import { isAppError } from '../core/errors';
import { openWithSystemViewer, showInSystemFolder } from '../host/open-path';
import { startBrowserHost } from './server';

/**
 * `npm run dev:browser`: CCHC Desk in any local Chromium, for machines where Electron cannot run
 * and for the end-to-end tests. Prints the address (with its one-time token) and serves until
 * stopped.
 */
async function main(): Promise<void> {
  const rendererDir = fileURLToPath(new URL(process.env.CCHC_RENDERER_DIR ? `file://${process.env.CCHC_RENDERER_DIR}/` : '../renderer/', import.meta.url));
  const dataDir = resolveDataDir();
  const core = openCore({ dataDir, desktop: { openPath: openWithSystemViewer, showInFolder: showInSystemFolder } });
  const host = await startBrowserHost({ registry: core.registry, rendererDir });
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
