import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAndHashOnWorker, SourceReadError } from '../../../src/main/core/read-hash-worker';
import { makeTempDir } from '../../helpers/temp-dir';

const MiB = 1024 * 1024;

/** Takes every chunk in order, as the import's writer does, giving each slot back once "written". */
async function readAll(path: string, slotSize: number, slots: number): Promise<{ bytes: Buffer; sha256: string; chunks: number }> {
  const stream = readAndHashOnWorker(path, slotSize, slots)!;
  const parts: Buffer[] = [];
  try {
    for (;;) {
      const chunk = await stream.next();
      if (!chunk) break;
      parts.push(Buffer.from(chunk.slot)); // a copy: the slot is refilled once released
      stream.release(chunk);
    }
    return { bytes: Buffer.concat(parts), sha256: await stream.digest(), chunks: parts.length };
  } finally {
    await stream.close();
  }
}

describe('reading and hashing a file on a worker, into shared slots', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  it('hands out every byte in order and the SHA-256 of exactly those bytes', async () => {
    const data = randomBytes(5 * MiB + 12345);
    const path = join(temp.dir, 'a.bin');
    writeFileSync(path, data);
    const read = await readAll(path, MiB, 3);
    expect(read.chunks).toBe(6);
    expect(read.bytes.equals(data)).toBe(true);
    expect(read.sha256).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('ends cleanly when the size is a whole number of slots, and with a single slot', async () => {
    const data = randomBytes(2 * MiB);
    const path = join(temp.dir, 'b.bin');
    writeFileSync(path, data);
    for (const slots of [1, 4]) {
      const read = await readAll(path, MiB, slots);
      expect(read.chunks).toBe(2);
      expect(read.bytes.equals(data)).toBe(true);
      expect(read.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('a file that cannot be opened is a SourceReadError with its errno code', async () => {
    const stream = readAndHashOnWorker(join(temp.dir, 'khong-co.bin'), MiB, 2)!;
    try {
      const error = await stream.next().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceReadError);
      expect((error as SourceReadError).code).toBe('ENOENT');
    } finally {
      await stream.close();
    }
  });
});
