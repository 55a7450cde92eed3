import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openCore } from '../../../src/main/core/app';
import { makeTempDir } from '../../helpers/temp-dir';
import { upload, value } from '../evidence/helpers';
import { ROOT, runNode, treeOf } from './helpers';

/**
 * Issue 11, item 1, the window: the built Electron main bundle, against the stand-in electron
 * module, on a data folder whose database was deleted while its evidence remains, shows the
 * Vietnamese message in an error dialog and quits with a non-zero code, before any window or IPC.
 */

const bundle = resolve(ROOT, 'out/main/index.js');

describe('the Electron shell on a data folder that lost its database', () => {
  const temp = makeTempDir('cchc-trust-shell-');
  afterAll(() => temp.cleanup());

  it('shows an error dialog saying how to restore, and quits non-zero without a window', async () => {
    // The test suite builds first (npm test); a missing bundle is a real failure, not a skip.
    expect(existsSync(bundle), `${bundle} is missing: run npm run build`).toBe(true);
    const dir = join(temp.dir, 'du-lieu');
    const core = openCore({ dataDir: dir, log: () => {} });
    await value(upload(core, 'Quyết định 12.txt', Buffer.from('Quyết định số 12/QĐ-UBND')));
    core.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, DATABASE_FILE + suffix), { force: true });
    const before = treeOf(join(dir, 'evidence'));

    const run = await runNode(['--import', resolve(ROOT, 'test/fixtures/electron-stub/register.mjs'), resolve(ROOT, 'test/fixtures/electron-stub/drive-main.mjs'), bundle], {
      CCHC_DATA_DIR: dir,
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { exitCode: number; errorBoxes: { title: string; content: string }[]; windows: number; ipcChannels: number };
    expect(report.exitCode).toBe(1);
    expect(report.windows).toBe(0);
    expect(report.ipcChannels).toBe(0);
    expect(report.errorBoxes).toHaveLength(1);
    expect(report.errorBoxes[0]!.title).toBe('CCHC Desk không khởi động được');
    expect(report.errorBoxes[0]!.content).toContain(`Không tìm thấy cơ sở dữ liệu «${DATABASE_FILE}»`);
    expect(report.errorBoxes[0]!.content).toContain('cchc restore');
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(false);
    expect(treeOf(join(dir, 'evidence'))).toEqual(before);
  }, 60_000);
});
