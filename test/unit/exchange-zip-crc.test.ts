import { readFileSync } from 'node:fs';
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
});
