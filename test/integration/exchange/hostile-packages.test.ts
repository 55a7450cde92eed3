import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPackage, packagesRoot } from '../../../src/main/core/exchange/package-open';
import { verifyPackage } from '../../../src/main/core/exchange/package-verify';
import { writePackage } from '../../../src/main/core/exchange/package-writer';
import { DEFAULT_LIMITS, type ZipLimits } from '../../../src/main/core/exchange/zip-read';
import type { ZipProblem } from '../../../src/shared/exchange/manifest';
import { craftPackage, craftZip, manifestFor, setDeclaredSize, setLocalDeclaredSize, swapBytes, swapLocalName } from '../../fixtures/exchange/craft-zip';
import { sampleApprovedVersion } from '../../fixtures/exchange/sample-version';
import { makeTempDir } from '../../helpers/temp-dir';

const NOW = new Date('2026-11-25T07:00:00.000Z');
const pdf = (text: string) => Buffer.from(`%PDF-1.7 ${text}`);
const files = [
  { name: 'tai-lieu-kiem-chung/1.1/Quyết định.pdf', data: pdf('quyết định') },
  { name: 'tai-lieu-kiem-chung/1.2/Kế hoạch.pdf', data: pdf('kế hoạch') },
];

describe('hostile and broken packages are refused with a message naming the entry, and nothing is extracted', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  /**
   * Verifies, then (with the default limits) tries to open it into a data folder and checks that
   * nothing was left in packages/: no package folder, no half-extracted temp folder.
   */
  async function refused(zip: Buffer, limits?: ZipLimits): Promise<ZipProblem[]> {
    const path = join(temp.dir, 'goi.zip');
    writeFileSync(path, zip);
    const report = await verifyPackage(path, limits ? { limits } : {});
    expect(report.ok).toBe(false);
    if (!limits) {
      const dataDir = join(temp.dir, 'data');
      const opened = await openPackage(dataDir, path, 'goi.zip', NOW);
      expect(opened.ok).toBe(false);
      expect(readdirSync(packagesRoot(dataDir))).toEqual([]);
    }
    return report.problems;
  }

  it('accepts the well-formed package these tests start from', async () => {
    const path = join(temp.dir, 'goi.zip');
    writeFileSync(path, await craftPackage(files));
    const report = await verifyPackage(path);
    expect(report).toMatchObject({ ok: true, problems: [], checkedFiles: 2 });
  });

  it('zip slip: a "../" path', async () => {
    const zip = swapBytes(await craftPackage(files, { extra: [{ name: 'AA/AA/evil.sh', data: Buffer.from('rm -rf ~') }] }), 'AA/AA/evil.sh', '../../evil.sh');
    const problems = await refused(zip);
    expect(problems).toEqual([{ kind: 'hostile', entry: '../../evil.sh', message: expect.stringContaining('«../../evil.sh» chứa «..»') }]);
  });

  it('absolute paths and drive letters', async () => {
    const abs = swapBytes(await craftPackage(files, { extra: [{ name: 'Xetc/cron.d/x', data: Buffer.from('x') }] }), 'Xetc/cron.d/x', '/etc/cron.d/x');
    expect((await refused(abs))[0]).toMatchObject({ kind: 'hostile', entry: '/etc/cron.d/x', message: expect.stringContaining('đường dẫn tuyệt đối') });
    const drive = swapBytes(await craftPackage(files, { extra: [{ name: 'CCWindows/x.dll', data: Buffer.from('x') }] }), 'CCWindows', 'C:Windows');
    expect((await refused(drive))[0]).toMatchObject({ kind: 'hostile', entry: 'C:Windows/x.dll', message: expect.stringContaining('«C:Windows/x.dll» là đường dẫn tuyệt đối') });
  });

  it('backslash paths (Windows separators)', async () => {
    const zip = swapBytes(await craftPackage(files, { extra: [{ name: 'AAAx.txt', data: Buffer.from('x') }] }), 'AAAx.txt', '..\\x.txt');
    expect((await refused(zip))[0]).toMatchObject({ kind: 'hostile', entry: '..\\x.txt', message: expect.stringContaining('dấu «\\»') });
  });

  it('symlink entries', async () => {
    const zip = await craftPackage(files, { extra: [{ name: 'tai-lieu/lien-ket', data: Buffer.from('/etc/passwd'), mode: 0o120777 }] });
    expect(await refused(zip)).toEqual([{ kind: 'hostile', entry: 'tai-lieu/lien-ket', message: expect.stringContaining('«tai-lieu/lien-ket» là liên kết (symlink)') }]);
  });

  it('duplicate names: exact, differing only in case, and NFC vs NFD', async () => {
    const exact = await craftPackage(files, { extra: [{ name: files[0]!.name, data: pdf('bản thứ hai') }] });
    expect(await refused(exact)).toEqual([{ kind: 'hostile', entry: files[0]!.name, message: expect.stringContaining('xuất hiện hai lần') }]);
    const upper = files[1]!.name.toUpperCase();
    const caseOnly = await craftPackage(files, { extra: [{ name: upper, data: pdf('hoa') }] });
    expect(await refused(caseOnly)).toEqual([{ kind: 'hostile', entry: upper, message: expect.stringContaining(`trùng tên với «${files[1]!.name}»`) }]);
    const nfd = files[0]!.name.normalize('NFD');
    const decomposed = await craftPackage(files, { extra: [{ name: nfd, data: pdf('nfd') }] });
    expect((await refused(decomposed))[0]).toMatchObject({ kind: 'hostile', entry: nfd });
  });

  it('a local header naming another file than the central directory', async () => {
    // An unzip tool that trusts local headers (streaming readers do) would write «evil.exe».
    const zip = swapLocalName(await craftPackage(files), 'tai-lieu-kiem-chung/1.1/Quyết định.pdf', 'tai-lieu-kiem-chung/1.1/Quyết định.exe');
    expect(await refused(zip)).toEqual([
      { kind: 'hostile', entry: files[0]!.name, message: expect.stringContaining(`Mục «${files[0]!.name}» mang tên «tai-lieu-kiem-chung/1.1/Quyết định.exe» ở phần đầu`) },
    ]);
  });

  it('a file and a folder of the same name', async () => {
    const nested = await craftPackage([...files, { name: 'tai-lieu/bao-cao', data: pdf('tệp') }, { name: 'tai-lieu/bao-cao/phu-luc.pdf', data: pdf('trong thư mục') }]);
    expect(await refused(nested)).toEqual([{ kind: 'hostile', entry: 'tai-lieu/bao-cao', message: expect.stringContaining('«tai-lieu/bao-cao» vừa là tệp vừa là thư mục') }]);
    // Differing only in case, with the folder as its own entry, still one name on Windows.
    const folderEntry = await craftPackage([...files, { name: 'tai-lieu/Bao-cao', data: pdf('tệp') }], { extra: [{ name: 'tai-lieu/bao-cao/x/', data: Buffer.alloc(0), mode: 0o040755 }] });
    expect(await refused(folderEntry)).toEqual([{ kind: 'hostile', entry: 'tai-lieu/Bao-cao', message: expect.stringContaining('vừa là tệp vừa là thư mục') }]);
  });

  it('an entry over the size limit, and too many entries', async () => {
    const limits: ZipLimits = { ...DEFAULT_LIMITS, maxEntryBytes: 100_000 };
    const big = await craftPackage([...files, { name: 'tai-lieu/lon.bin', data: randomBytes(150_000) }]);
    expect(await refused(big, limits)).toEqual([{ kind: 'hostile', entry: 'tai-lieu/lon.bin', message: expect.stringContaining('vượt giới hạn') }]);
    const many = await craftPackage(Array.from({ length: 12 }, (_, i) => ({ name: `tai-lieu/${i}.txt`, data: Buffer.from(String(i)) })));
    expect(await refused(many, { ...DEFAULT_LIMITS, maxEntries: 10 })).toEqual([{ kind: 'hostile', message: expect.stringContaining('13 mục, vượt giới hạn 10') }]);
  });

  it('a zip bomb by compression ratio is refused before inflating', async () => {
    const bomb = await craftPackage(files, { extra: [{ name: 'tai-lieu/bom.txt', data: Buffer.alloc(30 * 1024 * 1024), compress: true }] });
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refused(bomb)).toEqual([{ kind: 'hostile', entry: 'tai-lieu/bom.txt', message: expect.stringContaining('«bom zip»') }]);
  });

  it('a zip bomb that lies about its size (in the directory, its local header and the manifest) is stopped while inflating', async () => {
    const bomb = { name: 'tai-lieu/bom.txt', data: Buffer.alloc(5 * 1024 * 1024) };
    const honest = await craftPackage(files, { listed: [...files, { name: bomb.name, data: Buffer.alloc(4000) }], extra: [{ ...bomb, compress: true }] });
    const lying = setLocalDeclaredSize(setDeclaredSize(honest, bomb.name, 4000), bomb.name, 4000);
    const path = join(temp.dir, 'goi.zip');
    writeFileSync(path, lying);
    let written = 0;
    const report = await verifyPackage(path, { extractTo: makeTempDir().dir, onBytes: (n) => (written += n) });
    expect(report.problems).toEqual([{ kind: 'hostile', entry: bomb.name, message: expect.stringContaining('nhiều hơn dung lượng khai báo') }]);
    // Stopped at the declared size: the PDFs and at most the 4000 declared bytes, never the 5 MiB.
    expect(written).toBeLessThanOrEqual(files.reduce((n, f) => n + f.data.length, 0) + 4000);
    expect(await refused(lying)).toEqual(report.problems);
  });

  it('a size in the local header that differs from the central directory', async () => {
    const zip = setLocalDeclaredSize(await craftPackage(files), 'manifest.json', 7);
    expect(await refused(zip)).toEqual([{ kind: 'hostile', entry: 'manifest.json', message: expect.stringContaining('hai dung lượng khác nhau') }]);
  });

  it('a total over the cap is refused', async () => {
    const zip = await craftPackage(Array.from({ length: 3 }, (_, i) => ({ name: `tai-lieu/${i}.bin`, data: randomBytes(40_000) })));
    expect(await refused(zip, { ...DEFAULT_LIMITS, maxTotalBytes: 100_000 })).toEqual([{ kind: 'hostile', message: expect.stringContaining('Tổng dung lượng sau giải nén') }]);
  });

  it('a truncated package', async () => {
    const path = join(temp.dir, 'that.zip');
    await writePackage(sampleApprovedVersion(join(temp.dir, 'src')), path, { appVersion: 't', now: NOW });
    const whole = readFileSync(path);
    expect(await refused(whole.subarray(0, Math.floor(whole.length / 2)))).toEqual([{ kind: 'corrupt', message: expect.stringContaining('bị cắt cụt') }]);
  });

  it('an altered file', async () => {
    const zip = swapBytes(await craftPackage(files), pdf('kế hoạch'), pdf('KẾ HOẠCH'));
    expect(await refused(zip)).toEqual([{ kind: 'altered', entry: files[1]!.name, message: expect.stringContaining('SHA-256 không khớp') }]);
  });

  it('an extra file and a missing file', async () => {
    const extra = await craftPackage(files, { extra: [{ name: 'tai-lieu/them.pdf', data: pdf('thêm') }] });
    expect(await refused(extra)).toEqual([{ kind: 'extra', entry: 'tai-lieu/them.pdf', message: expect.stringContaining('không có trong tệp kê khai') }]);
    const missing = await craftPackage([files[0]!], { listed: files });
    expect(await refused(missing)).toEqual([{ kind: 'missing', entry: files[1]!.name, message: expect.stringContaining(`Thiếu tệp «${files[1]!.name}»`) }]);
  });

  it('a missing, unreadable or wrong-shaped manifest', async () => {
    const none = await craftZip(files.map((f) => ({ name: f.name, data: f.data })));
    expect(await refused(none)).toEqual([{ kind: 'manifest-missing', entry: 'manifest.json', message: expect.stringContaining('không có tệp kê khai') }]);
    const notJson = await craftPackage(files, { manifest: '{ "format": ' });
    expect(await refused(notJson)).toEqual([{ kind: 'manifest-invalid', entry: 'manifest.json', message: expect.stringContaining('không phải JSON') }]);
    const wrongShape = await craftPackage(files, { manifest: { ...manifestFor(files), version: 'hai', snapshotSha256: 'abc' } });
    const [problem] = await refused(wrongShape);
    expect(problem).toMatchObject({ kind: 'manifest-invalid', message: expect.stringContaining('không đúng mẫu') });
    expect(problem!.message).toContain('version');
    expect(problem!.message).toContain('snapshotSha256');
  });

  it('a package that is not a zip at all', async () => {
    expect(await refused(Buffer.from('Đây không phải tệp zip'))).toEqual([{ kind: 'corrupt', message: expect.any(String) }]);
  });
});
