import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInAs } from '../../helpers/session';
import { openCore, type Core } from '../../../src/main/core/app';
import { Session } from '../../../src/main/core/auth/session';
import { activeDataDir, choiceFile, rememberDataDir } from '../../../src/main/core/data-folder-choice';
import { blobRelativePath } from '../../../src/main/core/evidence/file-store';
import { createBackup } from '../../../src/main/core/exchange/backup';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import type { ExchangeJob } from '../../../src/shared/contract/exchange';
import type { RestorePreview } from '../../../src/shared/contract/files';
import { ok } from '../../helpers/registry';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTempDir } from '../../helpers/temp-dir';

const NOW = new Date('2026-11-25T07:00:00.000Z');

/** Issue 15 §5: restore from the window into a new data folder, see what it holds, switch to it. */
describe('restoring a backup from the window', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let dataDir: string;
  let backupZip: string;
  let switchedTo: string[];

  const adminSession = (c: Core): Session => signedInAs(c.db, { username: 'quantri', displayName: 'Quản trị', roles: ['admin'] }, NOW);

  beforeEach(async () => {
    temp = makeTempDir();
    // The backup comes from another data folder: a unit with 2025 and 2026 profiles.
    const source = openCore({ dataDir: join(temp.dir, 'may-cu'), now: () => NOW, log: () => {} });
    await ok(source.registry.invoke('profile/save', { profile: sampleProfile({ year: 2025 }) }));
    await ok(source.registry.invoke('profile/save', { profile: sampleProfile() }));
    adminSession(source);
    backupZip = join(temp.dir, 'sao-luu.zip');
    await createBackup(source.db, source.dataDir, backupZip, { appVersion: '0.1.0', now: NOW });
    source.close();

    dataDir = join(temp.dir, 'CCHC Desk');
    switchedTo = [];
    core = openCore({ dataDir, now: () => NOW, log: () => {}, desktop: { openPath: async () => undefined, switchDataFolder: async (dir) => void switchedTo.push(dir) } });
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('restores an uploaded backup into a new folder beside the data folder, previews it, and switches only on request', async () => {
    const session = adminSession(core);
    const before = readdirSync(dataDir).sort();
    const job = await ok<ExchangeJob>(core.registry.invoke('backup/restore', { zip: { fileName: 'sao-luu.zip', contentBase64: readFileSync(backupZip).toString('base64') } }, session));
    expect(job.kind).toBe('restore');
    expect(dirname(job.outPath)).toBe(temp.dir);
    expect(job.outPath).toMatch(/CCHC Desk-phuc-hoi-\d{8}-\d{6}$/);
    expect(await waitForJob(job.id)).toMatchObject({ state: 'done' });

    const preview = await ok<RestorePreview>(core.registry.invoke('backup/restore-preview', { jobId: job.id }, session));
    expect(preview).toMatchObject({
      dataDir: job.outPath,
      unitName: 'Sở Nội vụ',
      profileYears: [2026, 2025],
      assessmentYears: [],
      backupCreatedAt: NOW.toISOString(),
      accounts: 1,
      evidenceFiles: 0,
    });
    expect(preview.zipBytes).toBe(readFileSync(backupZip).length);
    // Nothing switched yet, the live folder untouched, the uploaded copy gone from tmp.
    expect(switchedTo).toEqual([]);
    expect(readdirSync(dataDir).filter((n) => n !== 'tmp').sort()).toEqual(before.filter((n) => n !== 'tmp'));
    expect(existsSync(join(dataDir, 'tmp')) ? readdirSync(join(dataDir, 'tmp')).filter((n) => n.startsWith('phuc-hoi')) : []).toEqual([]);

    expect(await core.registry.invoke('app/switch-data-folder', { jobId: job.id }, session)).toEqual({ ok: true, value: { dataDir: job.outPath } });
    expect(switchedTo).toEqual([job.outPath]);
    // The restored folder has its own accounts: this window must sign in again.
    expect(session.user).toBeNull();
  });

  it('does not switch while a backup of the current folder is still running, and does once it has ended', async () => {
    const session = adminSession(core);
    const job = await ok<ExchangeJob>(core.registry.invoke('backup/restore', { zip: { fileName: 'sao-luu.zip', contentBase64: readFileSync(backupZip).toString('base64') } }, session));
    expect(await waitForJob(job.id)).toMatchObject({ state: 'done' });
    // Stored bytes enough for the backup to be under way when the switch is asked for.
    for (let i = 0; i < 4; i++) {
      const data = randomBytes(8 * 1024 * 1024);
      const path = join(dataDir, 'evidence', ...blobRelativePath(createHash('sha256').update(data).digest('hex'), '.bin').split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    }
    const backup = await ok<ExchangeJob>(core.registry.invoke('backup/create', { outPath: join(temp.dir, 'dang-sao-luu.zip') }));
    const refused = await core.registry.invoke('app/switch-data-folder', { jobId: job.id }, session);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Đang sao lưu; hãy chờ xong (hoặc huỷ) rồi mới chuyển sang thư mục dữ liệu đã phục hồi.' } });
    expect(switchedTo).toEqual([]);
    expect(session.user).not.toBeNull();
    expect(await waitForJob(backup.id)).toMatchObject({ state: 'done' });
    expect(await core.registry.invoke('app/switch-data-folder', { jobId: job.id }, session)).toEqual({ ok: true, value: { dataDir: job.outPath } });
  });

  it('refuses a path from the window, a damaged backup, and switching to anything but a finished restore', async () => {
    const session = adminSession(core);
    expect(await core.registry.invoke('backup/restore', { zip: { path: backupZip } }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const bytes = readFileSync(backupZip);
    bytes[Math.floor(bytes.length / 3)]! ^= 0xff;
    const bad = join(temp.dir, 'hong.zip');
    writeFileSync(bad, bytes);
    const [grant] = core.grantLocalFiles([bad]);
    const job = await ok<ExchangeJob>(core.registry.invoke('backup/restore', { zip: { grant } }, session));
    const failed = await waitForJob(job.id);
    expect(failed).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('chưa phục hồi gì') } });
    expect(existsSync(job.outPath)).toBe(false);
    expect(await core.registry.invoke('app/switch-data-folder', { jobId: job.id }, session)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.registry.invoke('app/switch-data-folder', { jobId: '00000000-0000-4000-8000-000000000000' }, session)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(switchedTo).toEqual([]);
  });

  it('an officer cannot restore or switch', async () => {
    const officer = signedInAs(core.db, { username: 'canbo', displayName: 'Cán bộ', roles: ['officer'] }, NOW);
    const [grant] = core.grantLocalFiles([backupZip]);
    expect(await core.registry.invoke('backup/restore', { zip: { grant } }, officer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the remembered folder is where the next start opens, while it still holds a database', async () => {
    const env = { CCHC_DATA_DIR: dataDir };
    expect(activeDataDir(env)).toBe(dataDir);
    const restored = join(temp.dir, 'CCHC Desk-phuc-hoi-1');
    await rememberDataDir(dataDir, restored, NOW);
    expect(choiceFile(dataDir)).toBe(join(temp.dir, 'CCHC Desk.thu-muc-du-lieu.json'));
    // Not (or no longer) a data folder: start on the usual one rather than an empty new one.
    expect(activeDataDir(env)).toBe(dataDir);
    openCore({ dataDir: restored }).close();
    expect(activeDataDir(env)).toBe(restored);
  });
});
