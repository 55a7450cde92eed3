import { constants, openSync, closeSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIRECT_ALIGN, largeFileWriter, writeStrategy } from '../../../src/main/core/direct-write';
import { BufferPool } from '../../../src/main/core/exchange/buffer-pool';
import { makeTempDir } from '../../helpers/temp-dir';


/** Whether this machine's temp folder takes O_DIRECT (Linux on ext4/xfs/btrfs does, tmpfs does not). */
function tempFolderTakesDirectIo(): boolean {
  const flag = (constants as { O_DIRECT?: number }).O_DIRECT;
  if (flag === undefined) return false;
  const probe = makeTempDir();
  try {
    closeSync(openSync(join(probe.dir, 'probe'), constants.O_WRONLY | constants.O_CREAT | flag));
    return true;
  } catch {
    return false;
  } finally {
    probe.cleanup();
  }
}

describe('writing large files past the page cache', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => {
    delete process.env.CCHC_NO_DIRECT_IO;
    delete process.env.CCHC_IO_STRATEGY;
    temp.cleanup();
  });

  it('writes buffered unless told otherwise; CCHC_NO_DIRECT_IO=1 outranks CCHC_IO_STRATEGY=direct', () => {
    expect(writeStrategy()).toBe('buffered');
    process.env.CCHC_IO_STRATEGY = 'direct';
    expect(writeStrategy()).toBe('direct');
    process.env.CCHC_IO_STRATEGY = 'nonsense';
    expect(writeStrategy()).toBe('buffered');
    process.env.CCHC_IO_STRATEGY = 'direct';
    process.env.CCHC_NO_DIRECT_IO = '1';
    expect(writeStrategy()).toBe('buffered');
  });

  it('queues buffered writes one at a time, in the order given', async () => {
    const path = join(temp.dir, 'thu-tu.bin');
    const handle = await open(path, 'wx');
    const writer = await largeFileWriter(path, handle);
    try {
      expect(writer.direct).toBe(false);
      // Overlapping ranges: only writes done in call order leave the last one's bytes on top.
      const writes = [Buffer.alloc(8192, 1), Buffer.alloc(4096, 2), Buffer.alloc(100, 3)].map((b, i) => writer.writeAt(b, i * 50));
      await Promise.all(writes);
      await writer.settle();
      const file = readFileSync(path);
      expect(file.length).toBe(8192);
      expect(file[0]).toBe(1);
      expect(file.subarray(50, 100).every((b) => b === 2)).toBe(true);
      expect(file.subarray(100, 200).every((b) => b === 3)).toBe(true);
      expect(file.subarray(200, 4146).every((b) => b === 2)).toBe(true);
    } finally {
      await writer.closeDirect();
      await handle.close();
    }
  });

  it('refuses to look for aligned memory once the file has data (the search empties the file)', async () => {
    const path = join(temp.dir, 'da-ghi.bin');
    const handle = await open(path, 'wx');
    const writer = await largeFileWriter(path, handle);
    try {
      await writer.writeAt(Buffer.from('dữ liệu đã ghi'), 0);
      await expect(writer.alignedSharedBuffers(1, DIRECT_ALIGN)).rejects.toThrow(/empty the file/);
      await handle.sync();
      expect(readFileSync(path, 'utf8')).toBe('dữ liệu đã ghi');
    } finally {
      await writer.closeDirect();
      await handle.close();
    }
  });

  it.runIf(tempFolderTakesDirectIo())(
    'sends aligned chunks past the cache and the rest through an ordinary write (skipped where the temp folder refuses O_DIRECT)',
    async () => {
      process.env.CCHC_IO_STRATEGY = 'direct';
      const path = join(temp.dir, 'tron.bin');
      const handle = await open(path, 'wx');
      const writer = await largeFileWriter(path, handle);
      try {
        expect(writer.direct).toBe(true);
        const [block] = await writer.alignedSharedBuffers(1, 2 * DIRECT_ALIGN);
        block!.fill(1);
        expect(await writer.writeAt(block!, 0)).toBe(true);
        // Misaligned position, odd length, memory not from alignedSharedBuffers: ordinary writes.
        expect(await writer.writeAt(Buffer.alloc(DIRECT_ALIGN, 2), 2 * DIRECT_ALIGN + 1)).toBe(false);
        expect(await writer.writeAt(block!.subarray(0, 100), 2 * DIRECT_ALIGN)).toBe(false);
        await handle.sync();
        const file = readFileSync(path);
        expect(file.length).toBe(3 * DIRECT_ALIGN + 1);
        // The 100 bytes written last at 2·ALIGN cover the start of the misaligned write before them.
        expect(file.subarray(0, 2 * DIRECT_ALIGN + 100).every((b) => b === 1)).toBe(true);
        expect(file.subarray(2 * DIRECT_ALIGN + 100).every((b) => b === 2)).toBe(true);
      } finally {
        await writer.closeDirect();
        await handle.close();
      }
    },
  );
});

describe('the export buffer pool', () => {
  it('takes a buffer back only when every holder has released it', async () => {
    const pool = new BufferPool(1, 16);
    const buffer = await pool.take();
    pool.hold(buffer.subarray(0, 4)); // the hasher
    let next: Buffer | null = null;
    void pool.take().then((b) => (next = b));
    pool.release(buffer.subarray(0, 4)); // the writer is done, the hasher is not
    await Promise.resolve();
    expect(next).toBeNull();
    pool.release(buffer.subarray(0, 4)); // the hasher is done
    await Promise.resolve();
    expect(next!.buffer).toBe(buffer.buffer);
    // Chunks that are not from the pool are ignored.
    pool.release(Buffer.alloc(16));
    pool.hold(Buffer.alloc(16));
  });
});
