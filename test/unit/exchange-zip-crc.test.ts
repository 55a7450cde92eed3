import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNativeCrc32ForYazl } from '../../src/main/core/exchange/fast-crc';
import { writeZipAtomically } from '../../src/main/core/exchange/zip-write';
import { makeTempDir } from '../helpers/temp-dir';

describe('zips written with the native CRC-32 in yazl', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('are read back by an independent reader that checks every CRC-32', async () => {
    expect(useNativeCrc32ForYazl()).toBe(true);
    const data = Buffer.from('Tài liệu kiểm chứng — đủ dài để qua nhiều khối. '.repeat(50_000), 'utf8');
    const path = join(temp.dir, 'goi.zip');
    await writeZipAtomically(path, [
      { entryPath: 'tai-lieu-kiem-chung/1.1/Biên bản.txt', source: { kind: 'data', data }, label: 'Biên bản.txt' },
      { entryPath: 'tai-lieu/trống.txt', source: { kind: 'data', data: Buffer.alloc(0) }, label: 'trống.txt', compress: true },
    ]);
    const zip = await JSZip.loadAsync(readFileSync(path), { checkCRC32: true });
    expect(Object.keys(zip.files).sort()).toEqual(['tai-lieu-kiem-chung/1.1/Biên bản.txt', 'tai-lieu/trống.txt']);
    expect(Buffer.from(await zip.file('tai-lieu-kiem-chung/1.1/Biên bản.txt')!.async('uint8array')).equals(data)).toBe(true);

    // The reader really checks: one changed byte fails it.
    const bytes = readFileSync(path);
    const at = bytes.indexOf(Buffer.from('Tài liệu')) + 1;
    bytes[at] = bytes[at]! ^ 1;
    await expect(JSZip.loadAsync(bytes, { checkCRC32: true })).rejects.toThrow(/CRC32 mismatch/);
  });

  it('writes compressed files bigger than the buffer pool (the backup database) without stalling', async () => {
    // Deflate emits new buffers, so a pooled read buffer would never come back from the writer.
    const text = Buffer.from('INSERT INTO evidence_text VALUES (1, \'Quyết định ban hành kế hoạch CCHC\');\n'.repeat(300_000), 'utf8');
    expect(text.length).toBeGreaterThan(16 * 1024 * 1024);
    const source = join(temp.dir, 'db.sqlite');
    writeFileSync(source, text);
    const path = join(temp.dir, 'sao-luu.zip');
    const [written] = await writeZipAtomically(path, [{ entryPath: 'cchc-desk.sqlite', source: { kind: 'path', path: source }, label: 'cơ sở dữ liệu', compress: true }]);
    expect(written).toMatchObject({ size: text.length, sha256: createHash('sha256').update(text).digest('hex') });
    const zip = await JSZip.loadAsync(readFileSync(path), { checkCRC32: true });
    expect(Buffer.from(await zip.file('cchc-desk.sqlite')!.async('uint8array')).equals(text)).toBe(true);
  }, 20_000);
});
