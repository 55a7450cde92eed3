import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../../src/main/core/app';
import { createBackup, restoreBackup } from '../../../src/main/core/exchange/backup';
import { makeTempDir } from '../../helpers/temp-dir';
import { upload, value } from '../evidence/helpers';

/**
 * Issue 11: restoring onto a full disk said the backup was corrupt. The disk filling up is
 * injected where extraction writes (writeFully), after the backup was made on a healthy disk.
 */

const disk = vi.hoisted(() => ({ full: false }));
vi.mock('../../../src/main/core/direct-write', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/main/core/direct-write')>();
  return {
    ...original,
    writeFully: (...args: Parameters<typeof original.writeFully>) =>
      disk.full ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })) : original.writeFully(...args),
  };
});

describe('restoring onto a full disk', () => {
  const temp = makeTempDir('cchc-disk-full-');
  const zip = join(temp.dir, 'sao-luu.zip');
  beforeAll(async () => {
    const dataDir = join(temp.dir, 'du-lieu');
    const core = openCore({ dataDir, log: () => {} });
    await value(upload(core, 'Kế hoạch.txt', Buffer.from('Kế hoạch CCHC năm 2026')));
    await createBackup(core.db, dataDir, zip, { appVersion: '0.1.0', now: new Date() });
    core.close();
  });
  afterAll(() => temp.cleanup());

  it('says the disk is full, not that the backup is corrupt, and leaves nothing behind', async () => {
    const parent = join(temp.dir, 'may-moi');
    const target = join(parent, 'du-lieu');
    disk.full = true;
    let thrown: unknown;
    try {
      await restoreBackup(zip, target);
    } catch (error) {
      thrown = error;
    } finally {
      disk.full = false;
    }
    expect(thrown).toMatchObject({ code: 'IO_ERROR' });
    const message = (thrown as Error).message;
    expect(message).toContain('đã đầy');
    expect(message).toContain('bản sao lưu không hỏng');
    expect(message).not.toMatch(/không hợp lệ|bị hỏng hoặc bị cắt cụt/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);

    // The same backup restores once there is room.
    await expect(restoreBackup(zip, target)).resolves.toMatchObject({ dataDir: target });
  });
});
