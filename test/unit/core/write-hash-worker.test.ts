import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inThreadWriteHasher, workerWriteHasher, type WriteHasher } from '../../../src/main/core/write-hash-worker';
import { makeTempDir } from '../../helpers/temp-dir';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Pushes `data` in chunks of the given sizes (cycled), as socket reads arrive, freeing none. */
async function pushAll(writer: WriteHasher, data: Buffer, sizes: number[]): Promise<void> {
  for (let at = 0, i = 0; at < data.length; i++) {
    const n = Math.min(sizes[i % sizes.length]!, data.length - at);
    // A copy the test then overwrites: the writer must have taken the bytes when push returns or settles.
    const chunk = Buffer.from(data.subarray(at, at + n));
    const waiting = writer.push(chunk);
    if (waiting) await waiting;
    chunk.fill(0);
    at += n;
  }
}

describe.each([
  ['on a worker thread', workerWriteHasher],
  ['on the calling thread', inThreadWriteHasher],
])('appending and hashing an upload %s', (_label, make) => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('writes every byte in order and hashes exactly what it wrote, across far more than its ring of slots', async () => {
    // 19 MiB + a few bytes in uneven chunks: more than twice the 8 MiB ring, slots cut mid-chunk.
    const data = randomBytes(19 * 1024 * 1024 + 4321);
    const path = join(temp.dir, `tai-len-${_label.length}.part`);
    const out = await open(path, 'wx');
    const writer = make(out);
    try {
      await pushAll(writer, data.subarray(0, 5 * 1024 * 1024 + 7), [65536, 1000, 300_000]);
      // A request's end: a part-filled slot is written too, and `written` says how far.
      await writer.drain();
      expect(writer.written).toBe(5 * 1024 * 1024 + 7);
      await pushAll(writer, data.subarray(5 * 1024 * 1024 + 7), [65536, 4 * 1024 * 1024, 17]);
      expect(await writer.digest()).toBe(sha256(data));
      expect(writer.written).toBe(data.length);
    } finally {
      await writer.close();
      await out.close();
    }
    expect(sha256(readFileSync(path))).toBe(sha256(data));
  });

  it('reports a failed write (with the system error code) to the next push or drain, and stops', async () => {
    const path = join(temp.dir, `chi-doc-${_label.length}.bin`);
    await (await open(path, 'wx')).close();
    // Opened for reading only: every write fails (EBADF), as a disk that fails would.
    const out = await open(path, 'r');
    const writer = make(out);
    try {
      const data = randomBytes(3 * 1024 * 1024);
      const failure = (async () => {
        await pushAll(writer, data, [65536]);
        await writer.drain();
      })();
      await expect(failure).rejects.toMatchObject({ code: 'EBADF' });
      await expect(writer.digest()).rejects.toThrow();
    } finally {
      await writer.close();
      await out.close();
    }
    expect(readFileSync(path).length).toBe(0);
  });
});

describe('stopping the write worker', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('close() before the end stops it promptly, whether idle or waiting for bytes, and twice is harmless', async () => {
    const out = await open(join(temp.dir, 'huy.part'), 'wx');
    const writer = workerWriteHasher(out);
    await pushAll(writer, randomBytes(2 * 1024 * 1024 + 5), [65536]);
    await writer.close();
    await writer.close();
    await out.close();
  });
});
