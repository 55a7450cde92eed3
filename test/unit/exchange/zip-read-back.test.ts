import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BufferPool } from '../../../src/main/core/exchange/buffer-pool';
import { zipFileWriter, type ChunkWrittenHook } from '../../../src/main/core/exchange/zip-file-writer';
import { readBackZip, uncoveredRanges, type ReadBackPlan, type ShaSegment } from '../../../src/main/core/exchange/zip-read-back';
import { makeTempDir } from '../../helpers/temp-dir';

const KiB = 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * A zip-shaped stream: small "header" chunks (plain buffers, CRC-recorded by the writer) between
 * "files" sent in pool buffers (left to the read-back's SHA-256), as yazl streams a package.
 */
async function writeZipShaped(path: string, files: Buffer[], options: { onChunkWritten?: ChunkWrittenHook; chunk?: number } = {}) {
  const chunk = options.chunk ?? 48 * KiB;
  const pool = new BufferPool(3, chunk);
  const out = zipFileWriter(path, pool, { record: true, ...(options.onChunkWritten ? { onChunkWritten: options.onChunkWritten } : {}) });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  const expected: Buffer[] = [];
  const sha: ShaSegment[] = [];
  let at = 0;
  const put = (b: Buffer) => {
    expected.push(Buffer.from(b));
    out.write(b);
    at += b.length;
  };
  for (const [i, file] of files.entries()) {
    put(Buffer.from(`PK-header-${i}-`.padEnd(30 + i, '.'), 'latin1'));
    sha.push({ start: at, length: file.length, sha256: sha256(file), entryPath: `tep-${i}.pdf` });
    for (let from = 0; from < file.length; from += chunk) {
      const b = await pool.take();
      const n = file.copy(b, 0, from, Math.min(file.length, from + chunk));
      put(b.subarray(0, n));
    }
    put(Buffer.from(`descriptor-${i}`, 'latin1'));
  }
  put(Buffer.from('central-directory'.repeat(20), 'latin1'));
  out.end();
  await finished;
  const { size, crc } = out.layout();
  return { plan: { size, crc, sha } satisfies ReadBackPlan, bytes: Buffer.concat(expected) };
}

function flipByte(path: string, position: number) {
  const fd = openSync(path, 'r+');
  const byte = Buffer.alloc(1);
  readSync(fd, byte, 0, 1, position);
  writeSync(fd, Buffer.from([byte[0]! ^ 0x5a]), 0, 1, position);
  closeSync(fd);
}

describe('the zip writer and its read-back from the disk', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => {
    delete process.env.CCHC_NO_DIRECT_IO;
    delete process.env.CCHC_IO_STRATEGY;
    temp.cleanup();
  });

  const modes = {
    'buffered writes, O_DIRECT reads where allowed (the default)': {},
    'O_DIRECT writes where allowed (CCHC_IO_STRATEGY=direct)': { CCHC_IO_STRATEGY: 'direct' },
    'no O_DIRECT at all (CCHC_NO_DIRECT_IO=1)': { CCHC_NO_DIRECT_IO: '1' },
  };
  for (const [mode, env] of Object.entries(modes)) {
    it(`writes exactly the bytes streamed, every byte covered by a CRC or a file's SHA-256, and reads back clean: ${mode}`, async () => {
      Object.assign(process.env, env);
      const files = [randomBytes(0), randomBytes(1), randomBytes(4095), randomBytes(200 * KiB + 7), randomBytes(48 * KiB)];
      const path = join(temp.dir, 'goi.zip');
      const { plan, bytes } = await writeZipShaped(path, files);
      expect(readFileSync(path).equals(bytes)).toBe(true);
      expect(plan.size).toBe(bytes.length);
      expect(uncoveredRanges(plan)).toEqual([]);
      // The pool's chunks are the files' bytes: none of them is in a CRC record.
      for (const s of plan.sha.filter((f) => f.length > 0)) for (const c of plan.crc) expect(c.start + c.length <= s.start || c.start >= s.start + s.length).toBe(true);
      // Small blocks: files and records cross block edges.
      expect(await readBackZip(path, plan, { blockSize: 16 * KiB })).toEqual([]);
      expect(await readBackZip(path, plan)).toEqual([]);
    });
  }

  it('finds a header byte the disk returns changed (a CRC record) and a file byte (its SHA-256), naming the file', async () => {
    const files = [randomBytes(100 * KiB), randomBytes(100 * KiB), randomBytes(100 * KiB)];
    const path = join(temp.dir, 'hong.zip');
    let headerAt = -1;
    const { plan } = await writeZipShaped(path, files, {
      onChunkWritten: (position, length) => {
        // The second file's header, damaged once it is written.
        if (length > 30 && length < 40 && headerAt < 0 && position > 0) {
          headerAt = position;
          flipByte(path, position + 3);
        }
      },
    });
    expect(headerAt).toBeGreaterThan(0);
    flipByte(path, plan.sha[2]!.start + 50_000);
    const problems = await readBackZip(path, plan, { blockSize: 64 * KiB });
    expect(problems).toEqual([
      { kind: 'crc', start: plan.crc.find((c) => c.start <= headerAt && headerAt < c.start + c.length)!.start },
      { kind: 'sha', entryPath: 'tep-2.pdf', actual: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });

  it('hashes many files on two workers in turn, and still pins a damaged file to its name', async () => {
    // 40 files of 40 KiB read in 16 KiB blocks: over 16 blocks, so the workers are used.
    const files = Array.from({ length: 40 }, () => randomBytes(40 * KiB));
    const path = join(temp.dir, 'nhieu.zip');
    const { plan } = await writeZipShaped(path, files);
    expect(await readBackZip(path, plan, { blockSize: 16 * KiB })).toEqual([]);
    flipByte(path, plan.sha[17]!.start + 1);
    flipByte(path, plan.sha[30]!.start + 40 * KiB - 1);
    const problems = await readBackZip(path, plan, { blockSize: 16 * KiB });
    expect(problems.map((p) => (p.kind === 'sha' ? p.entryPath : p.kind))).toEqual(['tep-17.pdf', 'tep-30.pdf']);
  });

  it('refuses a plan that leaves bytes unproven, and a file shorter than written, without trusting them', async () => {
    const path = join(temp.dir, 'thieu.zip');
    const { plan } = await writeZipShaped(path, [randomBytes(10 * KiB)]);
    const gap = plan.crc[plan.crc.length - 1]!;
    expect(await readBackZip(path, { ...plan, crc: plan.crc.slice(0, -1) })).toEqual([{ kind: 'uncovered', start: gap.start, length: gap.length }]);
    truncateSync(path, plan.size - 100);
    const problems = await readBackZip(path, plan);
    expect(problems).toEqual([{ kind: 'short', size: plan.size - 100 }]);
  });

  it('stops between blocks when cancelled', async () => {
    const path = join(temp.dir, 'huy.zip');
    const { plan } = await writeZipShaped(path, [randomBytes(300 * KiB)]);
    const controller = new AbortController();
    let blocks = 0;
    const failure = await readBackZip(path, plan, {
      blockSize: 16 * KiB,
      signal: controller.signal,
      cancelled: () => new Error('đã huỷ'),
      onBlockRead: () => {
        blocks += 1;
        if (blocks === 3) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(failure).toEqual(new Error('đã huỷ'));
    expect(blocks).toBe(3);
  });
});
