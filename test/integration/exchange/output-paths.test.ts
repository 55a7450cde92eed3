import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signedInAs } from '../../helpers/session';
import { runCli } from '../../../src/main/cli/run-cli';
import { openCore, type Core } from '../../../src/main/core/app';
import { Session } from '../../../src/main/core/auth/session';
import type { Desktop } from '../../../src/main/core/context';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import { reviewAccess } from '../../../src/main/core/exchange/review-access';
import type { ExchangeJob } from '../../../src/shared/contract/exchange';
import { sampleApprovedVersion } from '../../fixtures/exchange/sample-version';
import { captureIo } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

const NOW = new Date('2026-11-25T07:00:00.000Z');
const OLD_BYTES = 'bản sao lưu cũ của cán bộ — không được ghi đè';

/**
 * Issue 11 §6: in a window, where an export or backup is written comes only from the save dialog
 * (or is a browser download), a page cannot name a path to read or write, and an existing file is
 * never replaced without the officer confirming it.
 */
describe('where exports and backups are written', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let dataDir: string;
  let existing: string;

  const open = (desktop?: Desktop) => {
    core = openCore({ dataDir, now: () => NOW, log: () => {}, ...(desktop ? { desktop } : {}) });
  };
  const windowSession = (): Session => signedInAs(core.db, { username: 'quantri', displayName: 'Quản trị', roles: ['admin', 'submitter', 'officer'] }, NOW);
  const exportInput = { subject: { kind: 'assessment', year: 2026 } };

  beforeEach(() => {
    temp = makeTempDir();
    dataDir = join(temp.dir, 'du-lieu');
    existing = join(temp.dir, 'sao-luu-cua-toi.zip');
    writeFileSync(existing, OLD_BYTES);
    vi.spyOn(reviewAccess, 'approvedVersion').mockImplementation((_db, _dataDir, subject) =>
      subject.kind === 'assessment' && subject.year === 2026 ? sampleApprovedVersion(join(temp.dir, 'src')) : null,
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
    core.close();
    temp.cleanup();
  });

  it('a window cannot name a path: backup, export, verify and open refuse it and the existing file is untouched', async () => {
    open();
    const session = windowSession();
    const backup = await core.registry.invoke('backup/create', { outPath: existing }, session);
    expect(backup).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('hộp thoại «Lưu»') } });
    const exported = await core.registry.invoke('package/export', { ...exportInput, outPath: existing }, session);
    expect(exported).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Give any job a wrongly started one a moment to write.
    await new Promise((r) => setTimeout(r, 300));
    expect(readFileSync(existing, 'utf8')).toBe(OLD_BYTES);

    expect(await core.registry.invoke('package/verify', { path: existing }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.registry.invoke('package/open', { path: existing }, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('on the desktop the save dialog decides: cancel writes nothing, an unconfirmed existing name is refused, a confirmed one is replaced', async () => {
    let answer: { path: string; replaceConfirmed: boolean } | null = null;
    const shown: string[] = [];
    open({ openPath: async () => undefined, chooseSavePath: async (name) => (shown.push(name), answer) });
    const session = windowSession();

    expect(await core.registry.invoke('backup/create', {}, session)).toEqual({ ok: true, value: null });
    expect(shown).toEqual(['cchc-sao-luu-20261125-' + String(NOW.getHours()).padStart(2, '0') + '0000.zip']);

    answer = { path: existing, replaceConfirmed: false };
    const refused = await core.registry.invoke('backup/create', {}, session);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('«sao-luu-cua-toi.zip» đã có') } });
    expect(readFileSync(existing, 'utf8')).toBe(OLD_BYTES);

    answer = { path: existing, replaceConfirmed: true };
    const started = (await core.registry.invoke('backup/create', {}, session)) as { ok: true; value: ExchangeJob };
    expect(started.value).toMatchObject({ kind: 'backup', outPath: existing });
    expect(started.value.download).toBeUndefined();
    expect(await waitForJob(started.value.id)).toMatchObject({ state: 'done' });
    expect(readFileSync(existing).subarray(0, 2).toString('latin1')).toBe('PK');

    // The package's suggested name comes from main; the dialog's answer is where it goes.
    const packagePath = join(temp.dir, 'goi.zip');
    answer = { path: packagePath, replaceConfirmed: false };
    const exported = (await core.registry.invoke('package/export', exportInput, session)) as { ok: true; value: ExchangeJob };
    expect(shown.at(-1)).toBe('goi-nop-SNV-2026-v2.zip');
    expect(await waitForJob(exported.value.id)).toMatchObject({ state: 'done', outPath: packagePath });
  });

  it('a browser window gets a one-time download of a file made in the data folder\'s temp, never in the data folder itself', async () => {
    open({ openPath: async () => undefined });
    const session = windowSession();
    const started = (await core.registry.invoke('backup/create', {}, session)) as { ok: true; value: ExchangeJob };
    const token = started.value.download!;
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(started.value.outPath.startsWith(join(dataDir, 'tmp', 'tai-xuong'))).toBe(true);
    expect(await waitForJob(started.value.id)).toMatchObject({ state: 'done' });

    const download = core.takeDownload(token);
    expect(download).toMatchObject({ name: expect.stringMatching(/^cchc-sao-luu-\d{8}-\d{6}\.zip$/) });
    expect(readFileSync(download!.path).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(core.takeDownload(token)).toBeNull();
    expect(existsSync(join(dataDir, 'sao-luu'))).toBe(false);
    expect(await core.registry.invoke('backup/status', {}, session)).toMatchObject({ ok: true, value: { lastBackupPath: expect.stringContaining('đã tải xuống') } });
  });

  it('the command line keeps its paths, but replaces an existing file only with --overwrite', async () => {
    open();
    expect(await core.registry.invoke('backup/create', { outPath: existing })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(readFileSync(existing, 'utf8')).toBe(OLD_BYTES);
    core.close();

    const env = { CCHC_DATA_DIR: dataDir };
    const refused = captureIo();
    expect(await runCli(['backup', existing], { io: refused.io, env })).toBe(1);
    expect(refused.err.join('\n')).toContain('--overwrite');
    expect(readFileSync(existing, 'utf8')).toBe(OLD_BYTES);
    const replaced = captureIo();
    expect(await runCli(['backup', existing, '--overwrite'], { io: replaced.io, env })).toBe(0);
    expect(readFileSync(existing).subarray(0, 2).toString('latin1')).toBe('PK');

    const pkg = join(temp.dir, 'goi.zip');
    expect(await runCli(['package', 'export', '2026', '--out', pkg], { io: captureIo().io, env })).toBe(0);
    expect(await runCli(['package', 'export', '2026', '--out', pkg], { io: captureIo().io, env })).toBe(1);
    expect(await runCli(['package', 'export', '2026', '--out', pkg, '--overwrite'], { io: captureIo().io, env })).toBe(0);
    open();
  });
});
