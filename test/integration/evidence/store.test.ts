import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../src/main/core/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  copyLinks,
  countLinks,
  evidenceFile,
  listLinkedEvidence,
  storeBufferAsEvidence,
} from '../../../src/main/core/evidence';
import { importEvidence } from '../../../src/main/core/evidence/import-service';
import type {
  EvidenceFileView,
  EvidenceLinkResult,
  EvidenceList,
  EvidenceUnlinkResult,
} from '../../../src/shared/contract/evidence';
import { makeTextPdf } from '../../fixtures/evidence/make-pdf';
import { EMPTY_STORE, item, openEvidenceCore, storeState, upload, value, type EvidenceFixture } from './helpers';

let fx: EvidenceFixture;
beforeEach(() => {
  fx = openEvidenceCore();
});
afterEach(() => fx.cleanup());

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('evidence store: a large file by path, each copy strategy', () => {
  afterEach(() => {
    delete process.env.CCHC_IMPORT_COPY;
  });

  it.each([
    ['the system copy with the hash beside it (the default)', undefined],
    ['the read-hash-write loop (CCHC_IMPORT_COPY=loop)', 'loop'],
  ])('%s: stores the exact bytes under their SHA-256, and a source rewritten mid-copy is refused', async (_how, mode) => {
    if (mode) process.env.CCHC_IMPORT_COPY = mode;
    else delete process.env.CCHC_IMPORT_COPY;
    const data = Buffer.alloc(40 * 1024 * 1024 + 123);
    for (let i = 0; i < data.length; i += 4096) data.writeUInt32LE(i, i);
    const dir = join(fx.dir, 'nguon');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'quet.bin');
    writeFileSync(path, data);
    const env = { db: fx.core.db, dataDir: fx.dir, now: () => new Date() };
    let progress = 0;
    const outcome = await importEvidence(env, { kind: 'path', path, name: 'quet.bin' }, [item('2026:1.1')], { onBytes: (n) => (progress += n) });
    expect(outcome.file.sha256).toBe(sha(data));
    expect(progress).toBe(data.length);
    const stored = readFileSync(join(fx.dir, 'evidence', outcome.file.stored_path));
    expect(stored.equals(data)).toBe(true);

    const other = Buffer.from(data);
    other.writeUInt32LE(0xdeadbeef, 0);
    writeFileSync(path, other);
    let rewritten = false;
    const refused = await importEvidence(env, { kind: 'path', path, name: 'quet.bin' }, [item('2026:1.2')], {
      onBytes: () => {
        if (!rewritten) writeFileSync(path, data);
        rewritten = true;
      },
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'IO_ERROR', message: expect.stringContaining('đã bị thay đổi') });
    expect(storeState(fx).tmp).toEqual([]);
    expect(storeState(fx).rows).toBe(1);
  });

  it('a cancel from the progress callback stops the default copy and leaves nothing behind', async () => {
    const data = Buffer.alloc(24 * 1024 * 1024, 7);
    const path = join(fx.dir, 'huy.bin');
    writeFileSync(path, data);
    const env = { db: fx.core.db, dataDir: fx.dir, now: () => new Date() };
    let seen = 0;
    const refused = await importEvidence(env, { kind: 'path', path, name: 'huy.bin' }, [item('2026:1.1')], {
      onBytes: (n) => {
        seen += n;
        if (seen > 4 * 1024 * 1024) throw new AppError('CONFLICT', 'Đã huỷ nhập «huy.bin»; chưa lưu gì.');
      },
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'Đã huỷ nhập «huy.bin»; chưa lưu gì.' });
    expect(storeState(fx).tmp).toEqual([]);
    expect(storeState(fx).rows).toBe(0);
  });
});

describe('evidence store: dedup', () => {
  it('stores the same content once, under its SHA-256, and links the second attach to the same file', async () => {
    const data = makeTextPdf(['Ke hoach cai cach hanh chinh nam 2026']);
    const first = await value<{ file: EvidenceFileView; duplicate: boolean; linksAdded: number }>(
      upload(fx.core, 'Kế hoạch CCHC 2026.pdf', data, [item('2026:1.1')]),
    );
    const second = await value<{ file: EvidenceFileView; duplicate: boolean; linksAdded: number }>(
      upload(fx.core, 'ban sao - KH CCHC.pdf', data, [item('2026:2.3')]),
    );
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.file.id).toBe(first.file.id);
    expect(second.file.links.map((l) => l.key)).toEqual(['2026:1.1', '2026:2.3']);
    const state = storeState(fx);
    expect(state).toMatchObject({ rows: 1, pending: 0, links: 2, tmp: [] });
    expect(state.blobs).toEqual([`${sha(data).slice(0, 2)}/${sha(data).slice(2)}.pdf`]);
    // The stored copy is byte for byte the upload, and read-only so a viewer cannot save over it.
    const stored = evidenceFile(fx.core.db, fx.dir, first.file.id)!;
    expect(readFileSync(stored.storedPath).equals(data)).toBe(true);
    expect(statSync(stored.storedPath).mode & 0o222).toBe(0);
  });

  it('attaching the same file again to the same item adds nothing', async () => {
    const data = Buffer.from('Báo cáo CCHC quý I/2026\n');
    await value(upload(fx.core, 'bc.txt', data));
    const again = await value<{ duplicate: boolean; linksAdded: number }>(upload(fx.core, 'bc.txt', data));
    expect(again).toMatchObject({ duplicate: true, linksAdded: 0 });
    expect(storeState(fx)).toMatchObject({ rows: 1, links: 1 });
  });

  it('streams a multi-chunk upload and hashes it as a whole', async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + 7) & 255;
    const result = await value<{ file: EvidenceFileView }>(upload(fx.core, 'ảnh chụp.bin', data, [item('2026:1.1')], 1024 * 1024));
    expect(result.file.sha256).toBe(sha(data));
    expect(result.file.size).toBe(data.length);
    expect(readFileSync(evidenceFile(fx.core.db, fx.dir, result.file.id)!.storedPath).equals(data)).toBe(true);
  });
});

describe('evidence store: links are reference-counted', () => {
  async function threeLinks() {
    const data = Buffer.from('Quyết định 123/QĐ-UBND ngày 05/02/2026\n');
    const { file } = await value<{ file: EvidenceFileView }>(upload(fx.core, 'qd.txt', data, [item('2026:1.1')]));
    await value<EvidenceLinkResult>(
      fx.core.registry.invoke('evidence/link', { fileId: file.id, targets: [item('2026:1.2'), { type: 'report-section', key: 'bc-2026-q1:II.1' }] }),
    );
    return file;
  }

  it('keeps the file while any link remains, even when asked to remove it if unused', async () => {
    const file = await threeLinks();
    const first = await value<EvidenceUnlinkResult>(
      fx.core.registry.invoke('evidence/unlink', { fileId: file.id, target: item('2026:1.1'), removeFileIfUnused: true }),
    );
    expect(first).toEqual({ remainingLinks: 2, fileRemoved: false });
    const second = await value<EvidenceUnlinkResult>(
      fx.core.registry.invoke('evidence/unlink', { fileId: file.id, target: { type: 'report-section', key: 'bc-2026-q1:II.1' }, removeFileIfUnused: true }),
    );
    expect(second).toEqual({ remainingLinks: 1, fileRemoved: false });
    expect(storeState(fx)).toMatchObject({ rows: 1, links: 1 });
    expect(storeState(fx).blobs).toHaveLength(1);
    const last = await value<EvidenceUnlinkResult>(
      fx.core.registry.invoke('evidence/unlink', { fileId: file.id, target: item('2026:1.2'), removeFileIfUnused: true }),
    );
    expect(last).toEqual({ remainingLinks: 0, fileRemoved: true });
    expect(storeState(fx)).toEqual(EMPTY_STORE);
  });

  it('keeps an unlinked file in the library unless asked, and delete refuses while a link exists', async () => {
    const file = await threeLinks();
    const refused = await fx.core.registry.invoke('evidence/delete', { fileId: file.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!refused.ok && refused.error.message).toContain('vẫn đang làm kiểm chứng cho 3 mục');
    for (const target of [item('2026:1.1'), item('2026:1.2'), { type: 'report-section' as const, key: 'bc-2026-q1:II.1' }]) {
      await value(fx.core.registry.invoke('evidence/unlink', { fileId: file.id, target }));
    }
    expect(storeState(fx)).toMatchObject({ rows: 1, links: 0 });
    const unlinked = await value<EvidenceList>(fx.core.registry.invoke('evidence/list', { unlinkedOnly: true }));
    expect(unlinked.files.map((f) => f.id)).toEqual([file.id]);
    await value(fx.core.registry.invoke('evidence/delete', { fileId: file.id }));
    expect(storeState(fx)).toEqual(EMPTY_STORE);
  });

  it('unlinking a link that does not exist says so and changes nothing', async () => {
    const file = await threeLinks();
    const result = await fx.core.registry.invoke('evidence/unlink', { fileId: file.id, target: item('2025:1.1') });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(storeState(fx)).toMatchObject({ rows: 1, links: 3 });
  });

  it('refuses an item key that is not «năm:mã»', async () => {
    const result = await upload(fx.core, 'a.txt', Buffer.from('x'), [item('1.2.3')]);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!result.ok && result.error.message).toContain('2026:1.2.3');
    expect(storeState(fx)).toEqual(EMPTY_STORE);
  });
});

describe('evidence: functions other domains call', () => {
  it('countLinks, copyLinks and listLinkedEvidence work on target keys', async () => {
    const a = await value<{ file: EvidenceFileView }>(upload(fx.core, 'KH 47-KH-UBND.txt', Buffer.from('Kế hoạch 47'), [item('2025:1.1')]));
    const b = await value<{ file: EvidenceFileView }>(upload(fx.core, 'bc.txt', Buffer.from('Báo cáo'), [item('2025:1.1'), item('2025:2.1')]));
    expect(countLinks(fx.core.db, ['2025:1.1', '2025:2.1', '2026:1.1'])).toEqual({ '2025:1.1': 2, '2025:2.1': 1, '2026:1.1': 0 });
    expect(copyLinks(fx.core.db, '2025:1.1', '2026:1.1')).toBe(2);
    expect(copyLinks(fx.core.db, '2025:1.1', '2026:1.1')).toBe(0);
    const linked = listLinkedEvidence(fx.core.db, ['2026:1.1', '2026:9.9']);
    expect(linked['2026:9.9']).toEqual([]);
    expect(linked['2026:1.1']!.map((e) => e.fileId).sort()).toEqual([a.file.id, b.file.id].sort());
    const first = linked['2026:1.1']!.find((e) => e.fileId === a.file.id)!;
    expect(readFileSync(first.storedPath, 'utf8')).toBe('Kế hoạch 47');
    expect(first).toMatchObject({ originalName: 'KH 47-KH-UBND.txt', mime: 'text/plain', docNumber: '', issueDate: null });
  });

  it('storeBufferAsEvidence stores generated content once, durable and unlinked', async () => {
    const data = Buffer.from('%PDF-1.4 not really, stored as other'.replace('%PDF-1.4 ', ''));
    const one = await storeBufferAsEvidence(fx.core.db, fx.dir, 'Hồ sơ đã duyệt.bin', data);
    const two = await storeBufferAsEvidence(fx.core.db, fx.dir, 'copy.bin', data);
    expect(two).toEqual(one);
    expect(one.sha256).toBe(sha(data));
    expect(evidenceFile(fx.core.db, fx.dir, one.fileId)).toMatchObject({ originalName: 'Hồ sơ đã duyệt.bin', size: data.length });
    expect(storeState(fx)).toMatchObject({ rows: 1, links: 0, pending: 0, tmp: [] });
    expect(evidenceFile(fx.core.db, fx.dir, 9999)).toBeNull();
  });
});

describe('evidence: links of a target and the library', () => {
  it('pins a location on a link, updates it on relinking, and lists a target’s files newest first', async () => {
    const a = await value<{ file: EvidenceFileView }>(upload(fx.core, 'a.txt', Buffer.from('A'), [{ ...item('2026:1.1'), location: 'trang 3, mục II' }]));
    const b = await value<{ file: EvidenceFileView }>(upload(fx.core, 'b.txt', Buffer.from('B'), [item('2026:1.1')]));
    const relinked = await value<EvidenceLinkResult>(
      fx.core.registry.invoke('evidence/link', { fileId: a.file.id, targets: [{ ...item('2026:1.1'), location: 'trang 4' }] }),
    );
    expect(relinked.linksAdded).toBe(0);
    expect(relinked.file.links).toMatchObject([{ key: '2026:1.1', location: 'trang 4' }]);
    const files = await value<EvidenceFileView[]>(fx.core.registry.invoke('evidence/links', { target: item('2026:1.1') }));
    expect(files.map((f) => f.id)).toEqual([b.file.id, a.file.id]);
    const page = await value<EvidenceList>(fx.core.registry.invoke('evidence/list', { limit: 1, offset: 1 }));
    expect(page).toMatchObject({ total: 2, files: [{ id: a.file.id }] });
  });

  it('names a file that is not there', async () => {
    const result = await fx.core.registry.invoke('evidence/get', { fileId: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy tài liệu số 42 trong kho (có thể đã bị xoá).' } });
    expect(await fx.core.registry.invoke('evidence/link', { fileId: 42, targets: [item('2026:1.1')] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
