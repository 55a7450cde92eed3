import { closeSync, mkdirSync, openSync, rmSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importEvidence } from '../../../src/main/core/evidence/import-service';
import type { EvidenceAttachResult } from '../../../src/shared/contract/evidence';
import { makeBrokenPdf, makeEncryptedPdf, makeTextPdf } from '../../fixtures/evidence/make-pdf';
import { EMPTY_STORE, item, openEvidenceCore, storeState, upload, value, type EvidenceFixture } from './helpers';

let fx: EvidenceFixture;
beforeEach(() => {
  fx = openEvidenceCore();
});
afterEach(() => fx.cleanup());

const env = () => ({ db: fx.core.db, dataDir: fx.dir, now: () => new Date() });

function sourceFile(name: string, data: Buffer | string): string {
  const dir = join(fx.dir, 'nguon');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

async function expectRefused(result: Promise<{ ok: boolean; error?: { code: string; message: string } }>, code: string, message: string) {
  const r = await result;
  expect(r.ok).toBe(false);
  expect(r.error).toMatchObject({ code });
  expect(r.error!.message).toContain(message);
  expect(storeState(fx)).toEqual(EMPTY_STORE);
}

async function expectImportRefused(promise: Promise<unknown>, code: string, message: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error).toMatchObject({ code });
  expect(error!.message).toContain(message);
  expect(storeState(fx)).toEqual(EMPTY_STORE);
}

describe('bad input: each gets a Vietnamese message and nothing half-stored remains', () => {
  it('an empty file (upload and path)', async () => {
    await expectRefused(upload(fx.core, 'trống.pdf', Buffer.alloc(0)), 'VALIDATION_FAILED', 'rỗng (0 byte)');
    const path = sourceFile('trống.txt', '');
    await expectImportRefused(importEvidence(env(), { kind: 'path', path, name: 'trống.txt' }, [item('2026:1.1')]), 'VALIDATION_FAILED', 'rỗng (0 byte)');
  });

  it('an unreadable file: a folder given as a file (tests run as root, so chmod 000 would still be readable)', async () => {
    const path = join(fx.dir, 'nguon', 'thu-muc.pdf');
    mkdirSync(path, { recursive: true });
    await expectImportRefused(importEvidence(env(), { kind: 'path', path, name: 'thu-muc.pdf' }, []), 'VALIDATION_FAILED', 'không phải là tệp');
  });

  it('a file that is gone before the copy starts', async () => {
    const path = join(fx.dir, 'nguon', 'da-xoa.pdf');
    await expectImportRefused(importEvidence(env(), { kind: 'path', path, name: 'da-xoa.pdf' }, []), 'NOT_FOUND', 'Không tìm thấy tệp «da-xoa.pdf»');
  });

  it('a file truncated in the middle of the copy', async () => {
    const path = sourceFile('lon.bin', Buffer.alloc(9 * 1024 * 1024, 7));
    let cut = false;
    const onBytes = () => {
      if (!cut) truncateSync(path, 5 * 1024 * 1024);
      cut = true;
    };
    await expectImportRefused(importEvidence(env(), { kind: 'path', path, name: 'lon.bin' }, [], { onBytes }), 'IO_ERROR', 'đã bị thay đổi, di chuyển hoặc xoá trong khi sao chép');
  });

  it('a file deleted in the middle of the copy', async () => {
    const path = sourceFile('bien-mat.bin', Buffer.alloc(9 * 1024 * 1024, 3));
    let gone = false;
    const onBytes = () => {
      if (!gone) unlinkSync(path);
      gone = true;
    };
    await expectImportRefused(importEvidence(env(), { kind: 'path', path, name: 'bien-mat.bin' }, [], { onBytes }), 'IO_ERROR', 'chưa lưu gì');
  });

  it('a large file (hashed on a worker thread) truncated in the middle of the copy', async () => {
    const path = sourceFile('rat-lon.bin', Buffer.alloc(40 * 1024 * 1024, 5));
    let cut = false;
    const onBytes = () => {
      if (!cut) truncateSync(path, 20 * 1024 * 1024);
      cut = true;
    };
    await expectImportRefused(importEvidence(env(), { kind: 'path', path, name: 'rat-lon.bin' }, [], { onBytes }), 'IO_ERROR', 'đã bị thay đổi, di chuyển hoặc xoá trong khi sao chép');
  });

  it('a large file rewritten in place (same size) in the middle of the copy', async () => {
    const path = sourceFile('sua-doi.bin', Buffer.alloc(40 * 1024 * 1024, 6));
    let changed = false;
    const onBytes = () => {
      if (changed) return;
      changed = true;
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.alloc(4096, 1), 0, 4096, 30 * 1024 * 1024);
      closeSync(fd);
    };
    await expectImportRefused(importEvidence(env(), { kind: 'path', path, name: 'sua-doi.bin' }, [], { onBytes }), 'IO_ERROR', 'đã bị thay đổi, di chuyển hoặc xoá trong khi sao chép');
  });

  it('a password-protected PDF', async () => {
    await expectRefused(upload(fx.core, 'KH bảo mật.pdf', makeEncryptedPdf(['Ke hoach mat'])), 'VALIDATION_FAILED', 'được đặt mật khẩu');
  });

  it('a broken PDF, and a file named .pdf that is not one', async () => {
    await expectRefused(upload(fx.core, 'hỏng.pdf', makeBrokenPdf()), 'VALIDATION_FAILED', 'PDF bị hỏng hoặc không đầy đủ');
    await expectRefused(upload(fx.core, 'đổi đuôi.pdf', Buffer.from('Đây là văn bản, không phải PDF')), 'VALIDATION_FAILED', 'không phải PDF hợp lệ');
  });

  it('a password-protected or broken Word file', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    await expectRefused(upload(fx.core, 'bao-cao.docx', ole), 'VALIDATION_FAILED', 'được đặt mật khẩu');
    const zip = new JSZip();
    zip.file('khac.xml', '<x/>');
    const notWord = await zip.generateAsync({ type: 'nodebuffer' });
    await expectRefused(upload(fx.core, 'bao-cao.docx', notWord), 'VALIDATION_FAILED', 'Word (.docx) bị hỏng');
  });

  it('an upload that sends more than it announced, or out of order', async () => {
    const begun = await value<{ uploadId: string }>(fx.core.registry.invoke('evidence/upload-begin', { name: 'a.txt', size: 4, targets: [] }));
    const wrongIndex = await fx.core.registry.invoke('evidence/upload-chunk', { uploadId: begun.uploadId, index: 1, dataBase64: 'YWJj' });
    expect(wrongIndex).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const tooMuch = await fx.core.registry.invoke('evidence/upload-chunk', { uploadId: begun.uploadId, index: 0, dataBase64: Buffer.from('abcdef').toString('base64') });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(storeState(fx)).toEqual(EMPTY_STORE);
    const afterCancel = await fx.core.registry.invoke('evidence/upload-chunk', { uploadId: begun.uploadId, index: 0, dataBase64: 'YWJj' });
    expect(afterCancel).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('finishing an upload that is not complete keeps it open; cancelling removes everything', async () => {
    const begun = await value<{ uploadId: string }>(fx.core.registry.invoke('evidence/upload-begin', { name: 'b.txt', size: 10, targets: [] }));
    await value(fx.core.registry.invoke('evidence/upload-chunk', { uploadId: begun.uploadId, index: 0, dataBase64: 'YWJj' }));
    const early = await fx.core.registry.invoke('evidence/upload-finish', { uploadId: begun.uploadId });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('3/10 byte') } });
    expect(storeState(fx)).toMatchObject({ rows: 0, pending: 1, tmp: [expect.stringMatching(/\.part$/)] });
    expect(await value(fx.core.registry.invoke('evidence/upload-cancel', { uploadId: begun.uploadId }))).toEqual({ cancelled: true });
    expect(storeState(fx)).toEqual(EMPTY_STORE);
  });
});

describe('bad names are made safe, with a notice, and the file is stored', () => {
  async function attach(name: string): Promise<EvidenceAttachResult> {
    return value<EvidenceAttachResult>(upload(fx.core, name, Buffer.from(`nội dung của ${name.length}`)));
  }

  it('an NFD name (macOS) is stored in NFC and found without diacritics', async () => {
    const nfd = 'Kế hoạch cải cách hành chính.txt'.normalize('NFD');
    const result = await attach(nfd);
    expect(result.file.originalName).toBe('Kế hoạch cải cách hành chính.txt'.normalize('NFC'));
    expect(result.nameNotices.join(' ')).toContain('NFC');
    const found = await value<{ total: number }>(fx.core.registry.invoke('evidence/search', { query: 'ke hoach cai cach' }));
    expect(found.total).toBe(1);
  });

  it('characters Windows forbids are replaced', async () => {
    const result = await attach('Báo cáo: quý I/2026 <bản cuối>?.txt');
    expect(result.file.originalName).toBe('Báo cáo_ quý I_2026 _bản cuối__.txt');
    expect(result.file.originalName).not.toMatch(/[<>:"/\\|?*]/);
    expect(result.nameNotices.join(' ')).toContain('Windows không cho phép');
  });

  it('a reserved device name and a trailing dot are fixed', async () => {
    expect((await attach('CON.txt')).file.originalName).toBe('_CON.txt');
    expect((await attach('bao cao.')).file.originalName).toBe('bao cao');
  });

  it('a very long name is shortened to 150 characters, keeping the extension', async () => {
    const long = `${'Quyết định phê duyệt kế hoạch cải cách hành chính '.repeat(10)}.pdf`.replace(' .pdf', '.pdf');
    const result = await value<EvidenceAttachResult>(upload(fx.core, long, makeTextPdf(['Quyet dinh'])));
    expect(Array.from(result.file.originalName).length).toBeLessThanOrEqual(150);
    expect(result.file.originalName.endsWith('.pdf')).toBe(true);
    expect(result.nameNotices.join(' ')).toContain('rút gọn');
  });

  it('a name over 1000 characters is refused at the door', async () => {
    const result = await upload(fx.core, `${'a'.repeat(1001)}.txt`, Buffer.from('x'));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(storeState(fx)).toEqual(EMPTY_STORE);
    rmSync(join(fx.dir, 'nguon'), { recursive: true, force: true });
  });
});

describe('upload chunks', () => {
  it('a chunk bigger than 4 MiB is refused, not cut', async () => {
    const begun = await value<{ uploadId: string }>(fx.core.registry.invoke('evidence/upload-begin', { name: 'c.bin', size: 8 * 1024 * 1024, targets: [] }));
    const { appendChunk } = await import('../../../src/main/core/evidence/upload-sessions');
    const big = Buffer.alloc(4 * 1024 * 1024 + 2, 1).toString('base64');
    await expect(appendChunk(fx.core.db, begun.uploadId, 0, big)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const viaRegistry = await fx.core.registry.invoke('evidence/upload-chunk', { uploadId: begun.uploadId, index: 0, dataBase64: Buffer.alloc(4 * 1024 * 1024 + 3).toString('base64') });
    expect(viaRegistry).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await value(fx.core.registry.invoke('evidence/upload-cancel', { uploadId: begun.uploadId }));
    expect(storeState(fx)).toEqual(EMPTY_STORE);
  });
});
