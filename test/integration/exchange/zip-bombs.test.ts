import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPackage, packagesRoot } from '../../../src/main/core/exchange/package-open';
import { verifyPackage } from '../../../src/main/core/exchange/package-verify';
import { DEFAULT_LIMITS } from '../../../src/main/core/exchange/zip-read';
import { totalCapFor } from '../../../src/main/core/exchange/zip-structure';
import { manifestFor } from '../../fixtures/exchange/craft-zip';
import { deflatedEntry, nestedZip, rawZip, renamed, sharedDataZip, storedEntry, type RawEntry } from '../../fixtures/exchange/raw-zip';
import { sha256 } from '../../fixtures/exchange/sample-version';
import { makeTempDir } from '../../helpers/temp-dir';

/**
 * Zip bombs cut into many small pieces: each entry passes the per-entry checks, together they
 * inflate to gigabytes. The issue's bound: a 10 MB hostile zip never writes more than 256 MB.
 * Each test counts the bytes extraction writes (and stops the count from ever passing the bound,
 * so a regression fails fast instead of filling the disk), then measures the extraction folder.
 */

const MiB = 1024 * 1024;
const WRITE_BOUND = 256 * MiB;
const NOW = new Date('2026-11-25T07:00:00.000Z');
const pdf = (text: string) => Buffer.from(`%PDF-1.7 ${text}`);

function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    total += e.isDirectory() ? bytesUnder(path) : statSync(path).size;
  }
  return total;
}

/** A manifest listing `entries` with their true sizes and hashes (hashed once per distinct content). */
function honestManifest(entries: readonly { name: string; size: number; sha256: string }[]): RawEntry {
  const base = manifestFor([]);
  const files = entries.map((e) => ({ path: e.name, sha256: e.sha256, size: e.size, role: 'evidence' as const, itemCode: '1.1', originalName: e.name }));
  return deflatedEntry('manifest.json', Buffer.from(JSON.stringify({ ...base, files })));
}

describe('zip bombs of many small entries are refused from the central directory, before anything is written', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  async function extract(zip: Buffer) {
    const path = join(temp.dir, 'goi.zip');
    writeFileSync(path, zip);
    const target = join(temp.dir, 'giai-nen');
    mkdirSync(target);
    let written = 0;
    const report = await verifyPackage(path, {
      extractTo: target,
      onBytes: (n) => {
        written += n;
        if (written > WRITE_BOUND) throw new Error(`wrote ${written} bytes, past the bound`);
      },
    });
    return { path, report, written, onDisk: bytesUnder(target) };
  }

  it('5,000 entries of 1 MiB of zeros, each under the per-entry ratio floor, listed honestly in the manifest', async () => {
    const zeros = Buffer.alloc(MiB);
    const one = deflatedEntry('x', zeros);
    const hash = sha256(zeros);
    const names = Array.from({ length: 5000 }, (_, i) => `tai-lieu-kiem-chung/1.1/trang-${String(i).padStart(4, '0')}.txt`);
    const zip = rawZip([...names.map((n) => renamed(one, n)), honestManifest(names.map((name) => ({ name, size: MiB, sha256: hash })))]);
    expect(zip.length).toBeLessThan(10 * 1000 * 1000);

    const { report, written, onDisk, path } = await extract(zip);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ kind: 'hostile', message: expect.stringMatching(/^Tổng dung lượng sau giải nén \(4,9 GB\) vượt giới hạn .*«bom zip»/) }]);
    expect(written).toBe(0);
    expect(onDisk).toBe(0);

    const dataDir = join(temp.dir, 'data');
    expect((await openPackage(dataDir, path, 'goi.zip', NOW)).ok).toBe(false);
    expect(readdirSync(packagesRoot(dataDir))).toEqual([]);
  });

  it('5,000 directory entries sharing one block of data', async () => {
    const kernel = deflatedEntry('tai-lieu-kiem-chung/1.1/a.txt', Buffer.alloc(MiB));
    const names = Array.from({ length: 5000 }, (_, i) => `tai-lieu-kiem-chung/1.1/${i === 0 ? 'a' : `b-${i}`}.txt`);
    const zip = sharedDataZip([], kernel, names);
    expect(zip.length).toBeLessThan(1000 * 1000);

    const { report, written, onDisk } = await extract(zip);
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({ kind: 'hostile', entry: expect.any(String), message: expect.stringContaining('dùng chung một khối dữ liệu') });
    expect(written).toBe(0);
    expect(onDisk).toBe(0);
  });

  it('entries sharing data even when the total is small (one stored entry holding another)', async () => {
    const inner = storedEntry('tai-lieu-kiem-chung/1.2/b.pdf', pdf('bên trong'));
    const honest = [storedEntry('tai-lieu-kiem-chung/1.1/a.pdf', pdf('quyết định'))];
    const zip = nestedZip(honest, 'tai-lieu-kiem-chung/1.2/a.pdf', inner);
    const { report, written } = await extract(zip);
    expect(report.problems).toEqual([
      { kind: 'hostile', entry: 'tai-lieu-kiem-chung/1.2/a.pdf', message: expect.stringContaining('chồng lên mục «tai-lieu-kiem-chung/1.2/b.pdf»') },
    ]);
    expect(written).toBe(0);
  });

  it('a file the manifest does not list is refused from the listing, before anything is extracted', async () => {
    const listed = storedEntry('tai-lieu-kiem-chung/1.1/a.pdf', pdf('quyết định'));
    const unlisted = storedEntry('tai-lieu-kiem-chung/1.1/them.exe', randomBytes(200_000));
    const zip = rawZip([listed, unlisted, honestManifest([{ name: listed.name, size: listed.size, sha256: sha256(listed.data) }])]);
    const { report, written, onDisk } = await extract(zip);
    expect(report.problems).toEqual([{ kind: 'extra', entry: unlisted.name, message: expect.stringContaining('không có trong tệp kê khai') }]);
    expect(written).toBe(0);
    expect(onDisk).toBe(0);
  });

  it('the cap a 10 MB zip gets is under 256 MB, whatever its entries', () => {
    expect(totalCapFor(10 * 1000 * 1000, DEFAULT_LIMITS).bytes).toBeLessThan(WRITE_BOUND);
    expect(totalCapFor(10 * 1024 * 1024, DEFAULT_LIMITS).bytes).toBeLessThan(WRITE_BOUND);
  });

  it('a 10 MB zip of real data padded with 300 MB of zeros writes nothing', async () => {
    // 9 MB of incompressible data makes the archive look substantial; the zeros are still refused.
    const random = storedEntry('tai-lieu/ngau-nhien.bin', randomBytes(9 * 1000 * 1000));
    const zeros = Buffer.alloc(MiB);
    const one = deflatedEntry('x', zeros);
    const names = Array.from({ length: 300 }, (_, i) => `tai-lieu/0-${i}.txt`);
    const entries = [random, ...names.map((n) => renamed(one, n))];
    const listed = [{ name: random.name, size: random.size, sha256: sha256(random.data) }, ...names.map((name) => ({ name, size: MiB, sha256: sha256(zeros) }))];
    const zip = rawZip([...entries, honestManifest(listed)]);
    expect(zip.length).toBeLessThan(10 * 1000 * 1000);
    const { report, written, onDisk } = await extract(zip);
    expect(report.problems).toEqual([{ kind: 'hostile', message: expect.stringContaining('Tổng dung lượng sau giải nén') }]);
    expect(written).toBe(0);
    expect(onDisk).toBe(0);
  });
});
