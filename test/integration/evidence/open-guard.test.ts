import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { evidenceFile } from '../../../src/main/core/evidence';
import { isExecutableName } from '../../../src/shared/executable-names';
import type { EvidenceAttachResult } from '../../../src/shared/contract/evidence';
import { item, openEvidenceCore, upload, value, type EvidenceFixture } from './helpers';

/** «Mở» hands a file to the system, which runs programs: those are shown in their folder instead. */
describe('opening evidence that the system would run', () => {
  let fx: EvidenceFixture;
  const openPath = vi.fn<(path: string) => Promise<string | void>>();
  const showInFolder = vi.fn<(path: string) => Promise<string | void>>();

  beforeEach(() => {
    openPath.mockReset().mockResolvedValue(undefined);
    showInFolder.mockReset().mockResolvedValue(undefined);
    fx = openEvidenceCore({ desktop: { openPath, showInFolder } });
  });
  afterEach(() => fx.cleanup());

  const attach = async (name: string) => (await value<EvidenceAttachResult>(upload(fx.core, name, Buffer.from(`MZ nội dung ${name}`), [item('2026:1.1')]))).file;

  it.each(['cai-dat.exe', 'chay.bat', 'lenh.CMD', 'trang.hta', 'kich-ban.js', 'macro.vbs', 'man-hinh.scr', 'loi-tat.lnk', 'goi.msi', 'lenh.ps1'])(
    'refuses to open %s, naming it and offering the folder; the system is never asked',
    async (name) => {
      const file = await attach(name);
      const refused = await fx.core.registry.invoke('evidence/open', { fileId: file.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      if (!refused.ok) {
        expect(refused.error.message).toContain(`«${name}»`);
        expect(refused.error.message).toContain('Hiện trong thư mục');
      }
      expect(openPath).not.toHaveBeenCalled();
    },
  );

  it('shows a refused file in its folder through the desktop capability, opening nothing', async () => {
    const file = await attach('cai-dat.exe');
    expect(await value(fx.core.registry.invoke('evidence/show-in-folder', { fileId: file.id }))).toEqual({ shown: true });
    expect(showInFolder).toHaveBeenCalledExactlyOnceWith(evidenceFile(fx.core.db, fx.dir, file.id)!.storedPath);
    expect(openPath).not.toHaveBeenCalled();
  });

  it('without a folder capability (CLI) says so in Vietnamese', async () => {
    fx.cleanup();
    fx = openEvidenceCore({ desktop: { openPath } });
    const file = await attach('cai-dat.exe');
    expect(await fx.core.registry.invoke('evidence/show-in-folder', { fileId: file.id })).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
  });

  it('still opens documents', async () => {
    const file = await attach('Kế hoạch.txt');
    await value(fx.core.registry.invoke('evidence/open', { fileId: file.id }));
    expect(openPath).toHaveBeenCalledOnce();
  });

  it('strips bidirectional controls from stored names, so a program cannot pass for a PDF', async () => {
    const disguised = 'Hoá đơn\u202Efdp.exe';
    const result = await value<EvidenceAttachResult>(upload(fx.core, disguised, Buffer.from('MZ'), [item('2026:1.1')]));
    expect(result.file.originalName).toBe('Hoá đơnfdp.exe');
    expect(result.nameNotices.join(' ')).toContain('ký tự ẩn đảo chiều chữ');
    expect(await fx.core.registry.invoke('evidence/open', { fileId: result.file.id })).toMatchObject({ ok: false });
    expect(openPath).not.toHaveBeenCalled();
  });

  it('knows the names the renderer should offer «Hiện trong thư mục» for', () => {
    expect(isExecutableName('Bao cao.PDF.exe')).toBe(true);
    expect(isExecutableName('Báo cáo.pdf')).toBe(false);
    expect(isExecutableName('khong-duoi')).toBe(false);
  });
});
