import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inThreadHasher, workerHasher } from '../../../src/main/core/sha256-worker';

/** Buffers over one SharedArrayBuffer, for chunks that a worker hasher reads. */
function sharedBuffers(count: number, size: number): Buffer[] {
  const shared = new SharedArrayBuffer(count * size);
  return Array.from({ length: count }, (_, i) => Buffer.from(shared, i * size, size));
}

describe('SHA-256 on a worker thread', () => {
  it('gives the same digest as createHash, chunk by chunk, whatever the chunk sizes', async () => {
    const data = randomBytes(3 * 65536 + 17);
    const [a, b] = sharedBuffers(2, 65536);
    const hasher = workerHasher();
    try {
      let pending: Promise<void>[] = [];
      for (let offset = 0, i = 0; offset < data.length; offset += 65536, i++) {
        const buffer = i % 2 === 0 ? a! : b!;
        // Reuse a buffer only after its previous chunk is hashed, as the importer does.
        if (pending.length === 2) await pending.shift();
        const n = data.copy(buffer, 0, offset, offset + 65536);
        pending.push(hasher.update(buffer.subarray(0, n)));
      }
      await Promise.all(pending);
      pending = [];
      expect(await hasher.digest()).toBe(createHash('sha256').update(data).digest('hex'));
    } finally {
      await hasher.close();
    }
  });

  it('refuses a chunk that is not shared memory, and the in-thread hasher agrees', async () => {
    const hasher = workerHasher();
    try {
      expect(() => hasher.update(Buffer.from('abc'))).toThrow(/SharedArrayBuffer/);
    } finally {
      await hasher.close();
    }
    const inThread = inThreadHasher();
    await inThread.update(Buffer.from('abc'));
    expect(await inThread.digest()).toBe(createHash('sha256').update('abc').digest('hex'));
  });
});
