import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyAndHash, CopyFailure, COPY_CHUNK } from '../../../src/main/core/copy-and-hash';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('cchc-copy-hash-');
});
afterEach(() => temp.cleanup());

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Runs copyAndHash from `sourcePath` into a new file, with the handles the store would open. */
async function copy(sourcePath: string, onProgress: (n: number) => void = () => undefined, options: { copyReadOnly?: boolean } = {}) {
  const target = join(temp.dir, 'ban-sao.part');
  writeFileSync(target, '');
  const source = await open(sourcePath, 'r');
  const out = await open(target, options.copyReadOnly ? 'r' : 'r+');
  const readBack = await open(target, 'r');
  try {
    return { target, result: await copyAndHash(source, out, readBack, onProgress) };
  } finally {
    await Promise.all([source.close(), out.close(), readBack.close()]);
  }
}

describe('copying a large file and hashing the copy on two worker threads', () => {
  it('writes exactly the source bytes and returns the SHA-256 of what is stored, with progress adding up to the size', async () => {
    // Many chunks, distinct bytes in each, and a short last chunk.
    const data = Buffer.alloc(9 * COPY_CHUNK + 4321);
    for (let i = 0; i + 4 <= data.length; i += 512) data.writeUInt32LE(i, i);
    const sourcePath = join(temp.dir, 'nguon.bin');
    writeFileSync(sourcePath, data);
    let progress = 0;
    const { target, result } = await copy(sourcePath, (n) => {
      expect(n).toBeGreaterThan(0);
      progress += n;
    });
    const stored = readFileSync(target);
    expect(stored.equals(data)).toBe(true);
    expect(result.sha256).toBe(sha(stored));
    expect(result.size).toBe(data.length);
    expect(progress).toBe(data.length);
  });

  it('stops when progress throws (a cancel) and rejects with what it threw, leaving the copy unfinished', async () => {
    // 256 MiB of zeros without writing them (sparse): long enough to stop mid-copy.
    const sourcePath = join(temp.dir, 'lon.bin');
    const fd = openSync(sourcePath, 'w');
    ftruncateSync(fd, 256 * 1024 * 1024);
    closeSync(fd);
    const cancel = new Error('huỷ');
    let target = '';
    const outcome = await copy(sourcePath, () => {
      throw cancel;
    }).then(
      (r) => ((target = r.target), null),
      (error: unknown) => error,
    );
    expect(outcome).toBe(cancel);
    expect(statSync(join(temp.dir, 'ban-sao.part')).size).toBeLessThan(256 * 1024 * 1024);
    expect(target).toBe('');
  });

  it('names the side that failed: the source that cannot be read, the copy that cannot be written', async () => {
    const folder = join(temp.dir, 'thu-muc');
    mkdirSync(folder);
    const unreadable = await copy(folder).catch((error: unknown) => error);
    expect(unreadable).toBeInstanceOf(CopyFailure);
    expect(unreadable).toMatchObject({ side: 'source', code: 'EISDIR' });

    const sourcePath = join(temp.dir, 'nguon.bin');
    writeFileSync(sourcePath, Buffer.alloc(3 * COPY_CHUNK, 1));
    const unwritable = await copy(sourcePath, () => undefined, { copyReadOnly: true }).catch((error: unknown) => error);
    expect(unwritable).toBeInstanceOf(CopyFailure);
    expect(unwritable).toMatchObject({ side: 'copy', code: 'EBADF' });
  });
});
