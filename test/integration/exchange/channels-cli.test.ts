import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signedInAs } from '../../helpers/session';
import { runCli } from '../../../src/main/cli/run-cli';
import { openCore, type Core } from '../../../src/main/core/app';
import { Session } from '../../../src/main/core/auth/session';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import { reviewAccess } from '../../../src/main/core/exchange/review-access';
import { accessOf } from '../../../src/shared/contract/access';
import type { ExchangeJob, OpenPackageOutcome, PackageVerification } from '../../../src/shared/contract/exchange';
import type { Role } from '../../../src/shared/contract/define';
import { sampleApprovedVersion } from '../../fixtures/exchange/sample-version';
import { captureIo } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

const NOW = new Date('2026-11-25T07:00:00.000Z');

describe('exchange channels and cchc commands', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let dataDir: string;
  beforeEach(() => {
    temp = makeTempDir();
    dataDir = join(temp.dir, 'du-lieu');
    core = openCore({ dataDir, now: () => NOW });
    vi.spyOn(reviewAccess, 'approvedVersion').mockImplementation((_db, _dataDir, subject) =>
      subject.kind === 'assessment' && subject.year === 2026 ? sampleApprovedVersion(join(temp.dir, 'src')) : null,
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
    core.close();
    temp.cleanup();
  });

  const sessionWith = (roles: Role[], username: string): Session => signedInAs(core.db, { username, displayName: `Cán bộ ${username}`, roles }, NOW);

  it('exports through a job with progress, then verifies and opens the package through the registry', async () => {
    const outPath = join(temp.dir, 'goi-nop.zip');
    const started = await core.registry.invoke('package/export', { subject: { kind: 'assessment', year: 2026 }, outPath });
    expect(started).toMatchObject({ ok: true, value: { kind: 'package', state: 'running', outPath } });
    const job = await waitForJob((started as { value: ExchangeJob }).value.id);
    expect(job).toMatchObject({ state: 'done', phase: 'done', error: null });
    expect(job.total).toBeGreaterThan(250_000);

    const byPath = await core.registry.invoke('package/verify', { path: outPath });
    expect(byPath).toMatchObject({ ok: true, value: { ok: true, problems: [], checkedFiles: 8 } });
    const uploaded = await core.registry.invoke('package/verify', { fileName: 'goi-nop.zip', contentBase64: readFileSync(outPath).toString('base64') });
    expect((uploaded as { value: PackageVerification }).value.ok).toBe(true);
    // Picked in the desktop window: a one-time grant, used up by the check.
    const [grant] = core.grantLocalFiles([outPath]);
    const granted = await core.registry.invoke('package/verify', { grant });
    expect(granted).toMatchObject({ ok: true, value: { ok: true, checkedFiles: 8 } });
    expect(await core.registry.invoke('package/open', { grant })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const opened = (await core.registry.invoke('package/open', { path: outPath })) as { value: OpenPackageOutcome };
    expect(opened.value.ok).toBe(true);
    const list = await core.registry.invoke('package/list-opened', {});
    expect(list).toMatchObject({ ok: true, value: [{ manifest: { unit: { name: 'Sở Nội vụ' }, version: 2 } }] });
    if (opened.value.ok) {
      expect(await core.registry.invoke('package/get-opened', { id: opened.value.opened.id })).toMatchObject({ ok: true, value: { id: opened.value.opened.id } });
    }
  });

  it('says clearly when there is no approved version to export', async () => {
    const result = await core.registry.invoke('package/export', { subject: { kind: 'report', year: 2026, period: 'quy-1' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('báo cáo kỳ quy-1 năm 2026') } });
  });

  it('an officer-only account cannot export or back up; a submitter can export, an admin can back up', async () => {
    expect(accessOf('package/export')).toEqual(['submitter']);
    expect(accessOf('backup/create')).toEqual(['admin']);
    const officer = sessionWith(['officer'], 'canbo');
    const input = { subject: { kind: 'assessment', year: 2026 }, outPath: join(temp.dir, 'x.zip') };
    const denied = await core.registry.invoke('package/export', input, officer);
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('người nộp hồ sơ') } });
    expect(await core.registry.invoke('backup/create', { outPath: join(temp.dir, 'b.zip') }, officer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(join(temp.dir, 'x.zip'))).toBe(false);
    // Verifying a received package only reads it: open to anyone signed in.
    expect(await core.registry.invoke('backup/status', {}, officer)).toMatchObject({ ok: true });

    const submitter = sessionWith(['submitter'], 'nopho');
    // A window names no path: without a save dialog (this core has none) it becomes a download.
    const allowed = (await core.registry.invoke('package/export', { subject: input.subject }, submitter)) as { ok: true; value: ExchangeJob };
    expect(allowed.ok).toBe(true);
    expect(await waitForJob(allowed.value.id)).toMatchObject({ state: 'done' });
  });

  it('refuses relative paths and non-zip names before doing anything', async () => {
    expect(await core.registry.invoke('package/verify', { path: 'goi.zip' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('tuyệt đối') } });
    expect(await core.registry.invoke('backup/create', { outPath: join(temp.dir, 'sao-luu.txt') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('cchc package export / verify: exit 0 only for a valid package, each problem printed', async () => {
    core.close();
    const env = { CCHC_DATA_DIR: dataDir };
    const zip = join(temp.dir, 'goi.zip');
    const exported = captureIo();
    expect(await runCli(['package', 'export', '2026', '--out', zip], { io: exported.io, env })).toBe(0);
    expect(exported.out.join('\n')).toContain(`Đã xuất gói nộp hồ sơ: ${zip}`);

    const ok = captureIo();
    expect(await runCli(['package', 'verify', zip], { io: ok.io, env: {} })).toBe(0);
    expect(ok.out.join('\n')).toContain('Sở Nội vụ — hồ sơ tự đánh giá năm 2026, phiên bản 2, duyệt bởi Trần Văn Mỹ (Giám đốc) ngày 20/11/2026 10:00.');
    expect(ok.out.join('\n')).toContain('Gói hợp lệ: 8 tệp');

    const bytes = readFileSync(zip);
    bytes[bytes.indexOf(Buffer.from('kế hoạch CCHC'))] = 'K'.charCodeAt(0);
    writeFileSync(zip, bytes);
    const bad = captureIo();
    expect(await runCli(['package', 'verify', zip], { io: bad.io, env: {} })).toBe(1);
    expect(bad.out.join('\n')).toContain('Gói KHÔNG hợp lệ — 1 vấn đề:');
    expect(bad.out.join('\n')).toContain('- [bị sửa] Tệp «tai-lieu-kiem-chung/1.2/Kế hoạch.pdf» đã bị thay đổi');

    const usage = captureIo();
    expect(await runCli(['package', 'verify'], { io: usage.io, env: {} })).toBe(2);
    core = openCore({ dataDir });
  });

  it('cchc backup then cchc restore --data-dir into a fresh folder; restore refuses the live folder and fills a missing default one', async () => {
    core.close();
    const file = join(temp.dir, 'sao-luu.zip');
    const backup = captureIo();
    expect(await runCli(['backup', file], { io: backup.io, env: { CCHC_DATA_DIR: dataDir } })).toBe(0);
    expect(backup.out.join('\n')).toContain(`Đã sao lưu vào ${file}`);

    const target = join(temp.dir, 'phuc-hoi');
    const restore = captureIo();
    expect(await runCli(['restore', file, '--data-dir', target], { io: restore.io, env: {} })).toBe(0);
    expect(restore.out.join('\n')).toContain(`vào ${target}`);
    expect(existsSync(join(target, 'cchc-desk.sqlite'))).toBe(true);

    const refused = captureIo();
    expect(await runCli(['restore', file], { io: refused.io, env: { CCHC_DATA_DIR: dataDir } })).toBe(1);
    expect(refused.err.join('\n')).toContain('không trống');

    // Without --data-dir it restores into CCHC_DATA_DIR, which the command must not create first.
    const fresh = join(temp.dir, 'chua-co');
    expect(await runCli(['restore', file], { io: captureIo().io, env: { CCHC_DATA_DIR: fresh } })).toBe(0);
    expect(existsSync(join(fresh, 'cchc-desk.sqlite'))).toBe(true);
    core = openCore({ dataDir });
  });
});
