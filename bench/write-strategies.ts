/**
 * How fast this disk takes a large new file, durably (fsync at the end), by each way of writing it
 * the app could use. Each strategy writes the same bytes from memory; the rounds interleave the
 * strategies and print min / median MB/s and the system CPU seconds of each.
 *
 *   npx tsx bench/write-strategies.ts [MB] [rounds]     (default 1024 MB, 3 rounds; works in $TMPDIR)
 *
 * Not a *.bench.ts: no target. It is the profile behind core/write-strategy.ts's choice.
 */
import { randomFillSync } from 'node:crypto';
import { constants, mkdtempSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largeFileWriter } from '../src/main/core/direct-write';
import { settleDisk } from './disk-settle';

const MiB = 1024 * 1024;
const mb = Number(process.argv[2] ?? 1024);
const rounds = Number(process.argv[3] ?? 3);
const work = mkdtempSync(join(tmpdir(), 'cchc-write-strategies-'));
const target = join(work, 'out.bin');
const O_DIRECT = (constants as { O_DIRECT?: number }).O_DIRECT ?? 0;

/** Buffers aligned for O_DIRECT, found as the app finds them (direct-write's probe). */
async function buffers(count: number, size: number): Promise<Buffer[]> {
  const probe = join(work, 'probe.bin');
  const fh = await open(probe, 'w');
  const writer = await largeFileWriter(probe, fh);
  const bufs = await writer.alignedSharedBuffers(count, size);
  await writer.closeDirect();
  await fh.close();
  for (const b of bufs) randomFillSync(b);
  return bufs;
}

async function writeAll(fh: FileHandle, b: Buffer, at: number): Promise<void> {
  let done = 0;
  while (done < b.length) done += (await fh.write(b, done, b.length - done, at + done)).bytesWritten;
}

/** `inFlight` writes of `size` at a time, through `flags`; `flushEvery` starts an fdatasync after so many bytes, `window` bounds the bytes not yet flushed. */
async function strategy(options: { direct: boolean; size: number; inFlight: number; flushEvery?: number; window?: number }): Promise<void> {
  const fh = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (options.direct ? O_DIRECT : 0), 0o644);
  const bufs = await buffers(options.inFlight, options.size);
  const total = mb * MiB;
  let next = 0;
  let flushedTo = 0;
  let flushing: Promise<void> | null = null;
  let sinceFlush = 0;
  const worker = async (b: Buffer) => {
    while (next < total) {
      const at = next;
      next += b.length;
      if (options.window) while (at - flushedTo > options.window && flushing) await flushing;
      await writeAll(fh, b, at);
      if (options.flushEvery) {
        sinceFlush += b.length;
        if (sinceFlush >= options.flushEvery && !flushing) {
          sinceFlush = 0;
          const upTo = next;
          flushing = fh.datasync().then(() => {
            flushedTo = upTo;
            flushing = null;
          });
        }
      }
    }
  };
  await Promise.all(bufs.map(worker));
  await flushing;
  await fh.sync();
  await fh.close();
}

const strategies: Record<string, () => Promise<void>> = {
  'direct 4 MiB × 1': () => strategy({ direct: true, size: 4 * MiB, inFlight: 1 }),
  'direct 1 MiB × 4': () => strategy({ direct: true, size: 1 * MiB, inFlight: 4 }),
  'direct 4 MiB × 4': () => strategy({ direct: true, size: 4 * MiB, inFlight: 4 }),
  'buffered, fsync at end': () => strategy({ direct: false, size: 1 * MiB, inFlight: 1 }),
  'buffered 1 MiB × 1, fdatasync / 64 MiB': () => strategy({ direct: false, size: 1 * MiB, inFlight: 1, flushEvery: 64 * MiB }),
  'buffered 1 MiB × 4, fdatasync / 64 MiB': () => strategy({ direct: false, size: 1 * MiB, inFlight: 4, flushEvery: 64 * MiB }),
  'buffered 4 MiB × 1, fdatasync / 64 MiB': () => strategy({ direct: false, size: 4 * MiB, inFlight: 1, flushEvery: 64 * MiB }),
  'buffered 1 MiB × 1, fdatasync / 32 MiB': () => strategy({ direct: false, size: 1 * MiB, inFlight: 1, flushEvery: 32 * MiB }),
};

const results = new Map<string, { rate: number; sys: number }[]>();
try {
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(strategies)) {
      settleDisk();
      const cpu = process.cpuUsage();
      const t = performance.now();
      await run();
      const ms = performance.now() - t;
      const sys = process.cpuUsage(cpu).system / 1e6;
      rmSync(target, { force: true });
      results.set(name, [...(results.get(name) ?? []), { rate: mb / (ms / 1000), sys }]);
    }
  }
  for (const [name, runs] of results) {
    const rates = runs.map((r) => r.rate).sort((a, b) => a - b);
    const sys = runs.map((r) => r.sys).sort((a, b) => a - b);
    console.log(
      `${name.padEnd(46)} min ${rates[0]!.toFixed(0).padStart(5)}  median ${rates[Math.floor(rates.length / 2)]!.toFixed(0).padStart(5)} MB/s   system ${sys[Math.floor(sys.length / 2)]!.toFixed(2)} s`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
