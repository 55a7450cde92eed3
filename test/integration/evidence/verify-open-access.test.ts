import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signedInAs } from '../../helpers/session';
import { Session } from '../../../src/main/core/auth/session';
import { evidenceFile } from '../../../src/main/core/evidence';
import { dropIdleUploads, openUploadCount } from '../../../src/main/core/evidence/upload-sessions';
import { accessOf } from '../../../src/shared/contract/access';
import type { Role } from '../../../src/shared/contract';
import type { EvidenceFileDetail, EvidencePreview, EvidenceVerifyReport } from '../../../src/shared/contract/evidence';
import { makeTextPdf } from '../../fixtures/evidence/make-pdf';
import { EMPTY_STORE, item, openEvidenceCore, storeState, upload, value, type EvidenceFixture } from './helpers';

let fx: EvidenceFixture;
const openPath = vi.fn<(path: string) => Promise<string | void>>();
beforeEach(() => {
  openPath.mockReset();
  openPath.mockResolvedValue('');
  fx = openEvidenceCore({ desktop: { openPath } });
});
afterEach(() => fx.cleanup());

async function attach(name: string, data: Buffer): Promise<EvidenceFileDetail> {
  return (await value<{ file: EvidenceFileDetail }>(upload(fx.core, name, data))).file;
}

describe('kiểm tra tài liệu (verify)', () => {
  it('re-hashes every stored file and lists the missing and the altered ones', async () => {
    const kept = await attach('giữ.txt', Buffer.from('Báo cáo nguyên vẹn'));
    const lost = await attach('mất.txt', Buffer.from('Báo cáo sẽ bị xoá'));
    const changed = await attach('sửa.txt', Buffer.from('Báo cáo sẽ bị sửa'));
    rmSync(evidenceFile(fx.core.db, fx.dir, lost.id)!.storedPath);
    const changedPath = evidenceFile(fx.core.db, fx.dir, changed.id)!.storedPath;
    chmodSync(changedPath, 0o644);
    writeFileSync(changedPath, 'Báo cáo đã bị sửa!');
    const report = await value<EvidenceVerifyReport>(fx.core.registry.invoke('evidence/verify', {}));
    expect(report).toMatchObject({ checkedFiles: 3, okFiles: 1 });
    expect(report.missing).toEqual([{ id: lost.id, originalName: 'mất.txt', sha256: lost.sha256, linkCount: 1 }]);
    expect(report.altered).toEqual([{ id: changed.id, originalName: 'sửa.txt', sha256: changed.sha256, linkCount: 1 }]);
    expect(report.missing.concat(report.altered).map((f) => f.id)).not.toContain(kept.id);
  });
});

describe('open and preview', () => {
  it('opens only the stored file, through the desktop capability', async () => {
    const file = await attach('kh.pdf', makeTextPdf(['Ke hoach']));
    await value(fx.core.registry.invoke('evidence/open', { fileId: file.id }));
    expect(openPath).toHaveBeenCalledExactlyOnceWith(evidenceFile(fx.core.db, fx.dir, file.id)!.storedPath);
  });

  it('reports the viewer failing, a missing stored file, and a tampered stored path', async () => {
    const file = await attach('kh.pdf', makeTextPdf(['Ke hoach']));
    openPath.mockResolvedValueOnce('No application is registered');
    expect(await fx.core.registry.invoke('evidence/open', { fileId: file.id })).toMatchObject({
      ok: false,
      error: { code: 'IO_ERROR', message: expect.stringContaining('No application is registered') },
    });
    fx.core.db.prepare('UPDATE evidence_file SET stored_path = ? WHERE id = ?').run('../../../etc/passwd', file.id);
    expect(await fx.core.registry.invoke('evidence/open', { fileId: file.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(openPath).toHaveBeenCalledOnce();
  });

  it('without a desktop (CLI) says so', async () => {
    fx.cleanup();
    fx = openEvidenceCore();
    const file = await attach('kh.pdf', makeTextPdf(['Ke hoach']));
    expect(await fx.core.registry.invoke('evidence/open', { fileId: file.id })).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
  });

  it('previews PDFs and images, and refuses other files with a hint', async () => {
    const pdf = makeTextPdf(['Ke hoach']);
    const file = await attach('kh.pdf', pdf);
    expect(file.previewable).toBe(true);
    const preview = await value<EvidencePreview>(fx.core.registry.invoke('evidence/preview', { fileId: file.id }));
    expect(preview).toMatchObject({ mime: 'application/pdf', name: 'kh.pdf', size: pdf.length });
    expect(Buffer.from(preview.contentBase64, 'base64').equals(pdf)).toBe(true);
    const text = await attach('ghi chú.txt', Buffer.from('ghi chú'));
    expect(text.previewable).toBe(false);
    expect(await fx.core.registry.invoke('evidence/preview', { fileId: text.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('chương trình xem của máy') },
    });
  });
});

describe('metadata: suggestions until confirmed', () => {
  it('suggests from the first page, saves only on confirm', async () => {
    const file = await attach('scan.pdf', makeTextPdf(['So: 47/KH-UBND Quang Ninh, ngay 11 thang 01 nam 2022', 'KE HOACH', 'Cai cach hanh chinh nam 2022']));
    expect(file.metaConfirmed).toBe(false);
    expect(file.meta.docNumber).toBe('');
    expect(file.suggestions).toMatchObject({ docNumber: { value: '47', from: 'text' }, issueDate: { value: '2022-01-11' } });
    const meta = { docType: 'Kế hoạch', docNumber: '47', docSymbol: 'KH-UBND', issueDate: '2022-01-11', issuer: 'UBND tỉnh Quảng Ninh', summary: 'Cải cách hành chính năm 2022', period: '2022' };
    const saved = await value<EvidenceFileDetail>(fx.core.registry.invoke('evidence/update-meta', { fileId: file.id, meta }));
    expect(saved).toMatchObject({ metaConfirmed: true, meta });
    const bad = await fx.core.registry.invoke('evidence/update-meta', { fileId: file.id, meta: { ...meta, issueDate: '2022-02-30' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await value<EvidenceFileDetail>(fx.core.registry.invoke('evidence/get', { fileId: file.id }))).meta).toEqual(meta);
  });
});

describe('roles', () => {
  const sessionWith = (roles: Role[], username: string): Session => signedInAs(fx.core.db, { username, roles });

  it('a leader can search but cannot attach, link or unlink; an officer can attach', async () => {
    const leader = sessionWith(['leader'], 'lanhdao');
    const begin = { name: 'a.txt', size: 3, targets: [item('2026:1.1')] };
    expect(await fx.core.registry.invoke('evidence/upload-begin', begin, leader)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await fx.core.registry.invoke('evidence/search', { query: 'a' }, leader)).toMatchObject({ ok: true });
    const officer = sessionWith(['officer'], 'canbo');
    expect(await fx.core.registry.invoke('evidence/upload-begin', begin, officer)).toMatchObject({ ok: true });
    expect(storeState(fx)).toMatchObject({ rows: 0, pending: 1 });
  });

  it('every write channel is for officers, every read channel for anyone signed in', () => {
    for (const c of ['upload-begin', 'upload-chunk', 'upload-finish', 'upload-cancel', 'link', 'unlink', 'delete', 'update-meta'] as const) {
      expect(accessOf(`evidence/${c}`)).toEqual(['officer']);
    }
    for (const c of ['links', 'list', 'get', 'search', 'verify', 'status', 'preview', 'open'] as const) {
      expect(accessOf(`evidence/${c}`)).toBe('signed-in');
    }
  });
});

describe('abandoned uploads', () => {
  it('are dropped after a long idle time, with their temp file and journal row', async () => {
    await value(fx.core.registry.invoke('evidence/upload-begin', { name: 'bỏ dở.pdf', size: 100, targets: [] }));
    expect(openUploadCount(fx.core.db)).toBe(1);
    expect(await dropIdleUploads(fx.core.db, Date.now())).toBe(0);
    expect(await dropIdleUploads(fx.core.db, Date.now() + 31 * 60_000)).toBe(1);
    expect(openUploadCount(fx.core.db)).toBe(0);
    expect(storeState(fx)).toEqual(EMPTY_STORE);
  });
});
