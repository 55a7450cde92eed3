import { createHash, randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantLocalFiles } from '../../../src/main/core/local-file-grants';
import type { LocalImportStarted, LocalImportStatus } from '../../../src/shared/contract/evidence';
import { makeTempDir } from '../../helpers/temp-dir';
import { EMPTY_STORE, item, openEvidenceCore, storeState, value, type EvidenceFixture } from './helpers';

let fx: EvidenceFixture;
let outside: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  fx = openEvidenceCore();
  outside = makeTempDir('cchc-picked-');
});
afterEach(() => {
  fx.cleanup();
  outside.cleanup();
});

/** Polls as the window does until the import reports done or failed; records the progress seen. */
async function waitFor(importId: string): Promise<{ final: LocalImportStatus; progress: number[] }> {
  const progress: number[] = [];
  for (;;) {
    const status = await value<LocalImportStatus>(fx.core.registry.invoke('evidence/local-import-status', { importId }));
    if (status.state !== 'copying') return { final: status, progress };
    progress.push(status.doneBytes);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('importing a picked file from where it lies (desktop window and CLI)', () => {
  it('stores a granted file with its links, reports progress, then forgets the import', async () => {
    // 40 MiB + 5: past the worker threshold, so it goes the direct-write way with a short tail.
    const data = randomBytes(40 * 1024 * 1024 + 5);
    const path = join(outside.dir, 'Bản quét 123-QĐ-UBND.bin');
    writeFileSync(path, data);
    const [grant] = fx.core.grantLocalFiles([path]);
    const started = await value<LocalImportStarted>(fx.core.registry.invoke('evidence/local-import-begin', { grant, targets: [item('2026:1.1'), item('2026:2.3')] }));
    expect(started).toMatchObject({ name: 'Bản quét 123-QĐ-UBND.bin', size: data.length });

    const { final, progress } = await waitFor(started.importId);
    expect(final, JSON.stringify(final)).toMatchObject({ state: 'done' });
    if (final.state !== 'done') return;
    expect(final.result.file.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(final.result.linksAdded).toBe(2);
    expect(progress.every((n, i) => n <= data.length && (i === 0 || n >= progress[i - 1]!))).toBe(true);
    const stored = fx.core.db.prepare('SELECT stored_path FROM evidence_file').pluck().get() as string;
    expect(readFileSync(join(fx.dir, 'evidence', stored)).equals(data)).toBe(true);
    expect(storeState(fx)).toMatchObject({ rows: 1, pending: 0, links: 2, tmp: [] });

    const again = await fx.core.registry.invoke('evidence/local-import-status', { importId: started.importId });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('takes a grant once, refuses a made-up or expired one, and grants only full paths', async () => {
    const path = join(outside.dir, 'a.txt');
    writeFileSync(path, 'Báo cáo kết quả');
    const [grant] = fx.core.grantLocalFiles([path]);
    const first = await value<LocalImportStarted>(fx.core.registry.invoke('evidence/local-import-begin', { grant, targets: [] }));
    expect((await waitFor(first.importId)).final.state).toBe('done');

    const reused = await fx.core.registry.invoke('evidence/local-import-begin', { grant, targets: [] });
    expect(reused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!reused.ok) expect(reused.error.message).toContain('chưa được chọn trong cửa sổ ứng dụng');
    const madeUp = await fx.core.registry.invoke('evidence/local-import-begin', { grant: '3f1c2a4e-0000-4000-8000-000000000000', targets: [] });
    expect(madeUp).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const [old] = grantLocalFiles(fx.core.db, [path], Date.now() - 11 * 60_000);
    expect(await fx.core.registry.invoke('evidence/local-import-begin', { grant: old, targets: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(() => fx.core.grantLocalFiles(['tuong-doi/a.txt'])).toThrow(/đường dẫn đầy đủ/);
    // A path is never accepted from the page: the contract has no field for one.
    const withPath = await fx.core.registry.invoke('evidence/local-import-begin', { grant, targets: [], path });
    expect(withPath).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('reports a file gone since it was picked, and an empty one, leaving nothing behind', async () => {
    const gone = join(outside.dir, 'bien-mat.pdf');
    writeFileSync(gone, 'x');
    const empty = join(outside.dir, 'rong.pdf');
    writeFileSync(empty, '');
    const [goneGrant, emptyGrant] = fx.core.grantLocalFiles([gone, empty]);
    rmSync(gone);
    for (const [grant, expected] of [
      [goneGrant, 'Không tìm thấy tệp «bien-mat.pdf»'],
      [emptyGrant, 'Tệp «rong.pdf» rỗng (0 byte)'],
    ] as const) {
      const started = await value<LocalImportStarted>(fx.core.registry.invoke('evidence/local-import-begin', { grant, targets: [item('2026:1.1')] }));
      const { final } = await waitFor(started.importId);
      expect(final.state).toBe('failed');
      if (final.state === 'failed') expect(final.message).toContain(expected);
    }
    expect(storeState(fx)).toEqual(EMPTY_STORE);
  });

  it('stops when cancelled and removes what it had copied', async () => {
    // 512 MiB of zeros without writing them (a sparse file): long enough to cancel mid-copy.
    const path = join(outside.dir, 'lon.bin');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 512 * 1024 * 1024);
    closeSync(fd);
    const [grant] = fx.core.grantLocalFiles([path]);
    const started = await value<LocalImportStarted>(fx.core.registry.invoke('evidence/local-import-begin', { grant, targets: [item('2026:1.1')] }));
    const cancelled = await value<{ cancelled: boolean }>(fx.core.registry.invoke('evidence/local-import-cancel', { importId: started.importId }));
    expect(cancelled.cancelled).toBe(true);
    const { final } = await waitFor(started.importId);
    expect(final).toEqual({ state: 'failed', message: 'Đã huỷ nhập «lon.bin»; chưa lưu gì.' });
    expect(storeState(fx)).toEqual(EMPTY_STORE);
  });
});
