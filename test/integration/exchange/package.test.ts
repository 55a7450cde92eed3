import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPackage, listOpenedPackages, packagesRoot } from '../../../src/main/core/exchange/package-open';
import { MAX_PACKAGE_PATH } from '../../../src/main/core/exchange/package-layout';
import { verifyPackage } from '../../../src/main/core/exchange/package-verify';
import { writePackage, type PackageProgress } from '../../../src/main/core/exchange/package-writer';
import { sampleApprovedVersion, sha256 } from '../../fixtures/exchange/sample-version';
import { makeTempDir } from '../../helpers/temp-dir';

const NOW = new Date('2026-11-25T07:00:00.000Z');

describe('submission package: write, verify, open', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('round-trips: written, verified, opened read-only with the same bytes', async () => {
    const version = sampleApprovedVersion(join(temp.dir, 'src'));
    const out = join(temp.dir, 'goi.zip');
    const progress: PackageProgress[] = [];
    const written = await writePackage(version, out, { appVersion: '0.1.0', now: NOW, onProgress: (p) => progress.push({ ...p }) });

    const m = written.manifest;
    expect(m).toMatchObject({ format: 'cchc-desk/goi-nop-ho-so', formatVersion: 1, appVersion: '0.1.0', year: 2026, period: null, version: 2 });
    expect(m.unit.name).toBe('Sở Nội vụ');
    expect(m.approval).toEqual(version.approval);
    expect(m.snapshotSha256).toBe(version.snapshotSha256);
    expect(m.files.map((f) => f.role)).toEqual(['snapshot', 'document', 'document', 'signed-copy', 'evidence', 'evidence', 'evidence', 'evidence']);

    // Progress covers writing (up to the files' total) then reading back (up to the whole zip's size).
    const total = progress[0]!.total;
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ phase: 'verify', done: last.total });
    expect(last.total).toBeGreaterThan(total);
    expect(progress.some((p) => p.phase === 'write' && p.done === total)).toBe(true);

    const report = await verifyPackage(out);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checkedFiles).toBe(8);
    // The approved snapshot travels with the package, under the hash approval recorded.
    expect(m.files[0]).toMatchObject({ path: 'ho-so-da-duyet.json', sha256: version.snapshotSha256 });

    const dataDir = join(temp.dir, 'data');
    const opened = await openPackage(dataDir, out, 'goi.zip', NOW);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    expect(opened.alreadyOpen).toBe(false);
    expect(opened.opened.id).toBe(sha256(readFileSync(out)));
    for (const f of m.files) {
      const bytes = readFileSync(join(opened.opened.folder, 'noi-dung', ...f.path.split('/')));
      expect(sha256(bytes)).toBe(f.sha256);
    }
    for (const e of version.evidence) expect(m.files.find((f) => f.originalName === e.fileName.normalize('NFC'))?.sha256).toBe(e.sha256);

    // Opening the same zip again is the same folder; it is listed once.
    const again = await openPackage(dataDir, out, 'ban-sao.zip', NOW);
    expect(again).toMatchObject({ ok: true, alreadyOpen: true });
    expect((await listOpenedPackages(dataDir)).map((p) => p.id)).toEqual([opened.opened.id]);
  });

  it('lays files out with safe, readable, unique and short names', async () => {
    const version = sampleApprovedVersion(join(temp.dir, 'src'));
    const out = join(temp.dir, 'goi.zip');
    const { manifest } = await writePackage(version, out, { appVersion: '0.1.0', now: NOW });
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toContain('tai-lieu/Báo cáo tự đánh giá CCHC năm 2026.docx');
    expect(paths).toContain('ban-ky/Báo cáo có chữ ký.pdf');
    // NFD became NFC, ":" "/" "?" became "_", Vietnamese kept.
    expect(paths).toContain('tai-lieu-kiem-chung/1.1/Quyết định số 12_QĐ-UBND_ ban hành kế hoạch_.pdf');
    // Same name ignoring case: numbered, not overwritten on Windows.
    expect(paths).toContain('tai-lieu-kiem-chung/1.2/Kế hoạch.pdf');
    expect(paths).toContain('tai-lieu-kiem-chung/1.2/KẾ HOẠCH (2).pdf');
    for (const p of paths) {
      expect(p).toBe(p.normalize('NFC'));
      expect(Array.from(p).length).toBeLessThanOrEqual(MAX_PACKAGE_PATH);
      expect(p).not.toMatch(/[<>:"\\|?*]/);
    }
    const long = paths.find((p) => p.startsWith('tai-lieu-kiem-chung/2.1/'))!;
    expect(long.endsWith('.jpg')).toBe(true);
    expect(long).toContain('Ảnh chụp buổi tập huấn');
  });

  it('refuses evidence that changed since approval and leaves no file behind', async () => {
    const version = sampleApprovedVersion(join(temp.dir, 'src'));
    writeFileSync(version.evidence[1]!.path, Buffer.from('%PDF-1.7 đã bị sửa sau khi duyệt'));
    const out = join(temp.dir, 'goi.zip');
    await expect(writePackage(version, out, { appVersion: '0.1.0', now: NOW })).rejects.toThrow(/«Kế hoạch\.pdf» trong kho không còn khớp với bản đã duyệt/);
    expect(readdirSync(temp.dir).sort()).toEqual(['src']);
  });

  it('fails cleanly when an evidence file has vanished', async () => {
    const version = sampleApprovedVersion(join(temp.dir, 'src'));
    version.evidence[0]!.path = join(temp.dir, 'src', 'khong-co.pdf');
    const out = join(temp.dir, 'goi.zip');
    await expect(writePackage(version, out, { appVersion: '0.1.0', now: NOW })).rejects.toThrow(/Không đọc được tệp «Quyết định/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(temp.dir)).toEqual(['src']);
  });

  it('does not open a package that fails verification, and leaves nothing in packages/', async () => {
    const version = sampleApprovedVersion(join(temp.dir, 'src'));
    const out = join(temp.dir, 'goi.zip');
    await writePackage(version, out, { appVersion: '0.1.0', now: NOW });
    const bytes = readFileSync(out);
    const at = bytes.indexOf(Buffer.from('kế hoạch CCHC'));
    bytes[at] = 'K'.charCodeAt(0);
    writeFileSync(out, bytes);
    const dataDir = join(temp.dir, 'data');
    const result = await openPackage(dataDir, out, 'goi.zip', NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.objectContaining({ kind: 'altered', entry: 'tai-lieu-kiem-chung/1.2/Kế hoạch.pdf' })]);
    expect(readdirSync(packagesRoot(dataDir))).toEqual([]);
  });

  it('clears what a killed export or open left behind, and nothing else', async () => {
    const dead = 2147483646;
    const uuid = '0b9d2c4e-1f3a-4c5b-8d7e-6f5a4b3c2d1e';
    const leftovers = [`.goi.zip.${dead}-${uuid}.part`, `.cchc-db-${dead}-${uuid}.sqlite`];
    const kept = [`.goi.zip.${process.pid}-${uuid}.part`, '.ghi-chu.part', 'bao-cao.part'];
    for (const name of [...leftovers, ...kept]) writeFileSync(join(temp.dir, name), 'x');
    const dataDir = join(temp.dir, 'data');
    mkdirSync(join(packagesRoot(dataDir), `.tmp-${dead}-${uuid}`, 'noi-dung'), { recursive: true });

    const out = join(temp.dir, 'goi.zip');
    await writePackage(sampleApprovedVersion(join(temp.dir, 'src')), out, { appVersion: '0.1.0', now: NOW });
    expect(readdirSync(temp.dir).sort()).toEqual([...kept, 'data', 'goi.zip', 'src'].sort());
    expect((await openPackage(dataDir, out, 'goi.zip', NOW)).ok).toBe(true);
    expect(readdirSync(packagesRoot(dataDir))).toEqual([sha256(readFileSync(out))]);
  });

  it('names a path that is missing or is a folder', async () => {
    expect((await verifyPackage(join(temp.dir, 'khong-co.zip'))).problems).toEqual([{ kind: 'corrupt', message: `Không tìm thấy tệp «${join(temp.dir, 'khong-co.zip')}».` }]);
    expect((await verifyPackage(temp.dir)).problems[0]?.message).toContain('là thư mục');
  });

  it('streams files bigger than the reusable buffer pool without mixing their bytes', async () => {
    const version = sampleApprovedVersion(join(temp.dir, 'src'));
    // Three files of 9–12 MiB: more chunks in flight than the pool's eight 1 MiB buffers.
    for (const [i, mib] of [9, 12, 10].entries()) {
      const data = randomBytes(mib * 1024 * 1024 + i);
      const path = join(temp.dir, 'src', `lon-${i}.pdf`);
      writeFileSync(path, data);
      version.evidence.push({ itemCode: '3.1', fileName: `Tệp lớn ${i}.pdf`, path, sha256: sha256(data), size: data.length });
    }
    const out = join(temp.dir, 'goi.zip');
    const { manifest } = await writePackage(version, out, { appVersion: '0.1.0', now: NOW });
    expect((await verifyPackage(out)).ok).toBe(true);
    const opened = await openPackage(join(temp.dir, 'data'), out, 'goi.zip', NOW);
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    for (const e of version.evidence) {
      const f = manifest.files.find((m) => m.originalName === e.fileName.normalize('NFC'))!;
      expect(sha256(readFileSync(join(opened.opened.folder, 'noi-dung', ...f.path.split('/'))))).toBe(e.sha256);
    }
  });
});
