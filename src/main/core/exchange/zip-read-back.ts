import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { DIRECT_ALIGN, findAlignedOffset } from '../direct-write';
import { inThreadHasher, workerHasher, type ChunkHasher } from '../sha256-worker';
import { timed, timedSync } from '../io-profile';

/**
 * Reads a just-written zip back from the disk, once, front to back, and proves every byte of it:
 *
 * - each stored file's data (the bulk of a package or backup) hashes to the SHA-256 the
 *   manifest gives for it: the bytes on the disk are the approved bytes, end to end, exactly
 *   what a verifier at Sở Nội vụ will check;
 * - every other byte (local headers, data descriptors, the central directory, deflated data) has
 *   the CRC-32 its writer recorded when it wrote it (ZipFileWriter).
 *
 * Together the two must cover the whole file, or the check fails (a gap would be unproven bytes).
 *
 * Why one pass after the write, not block by block during it (issue 12, bench/exchange-profile.ts,
 * ARCHITECTURE.md «Writing large files»): the earlier read-back interleaved O_DIRECT reads with
 * the writes, and on ext4 the two take turns through the file's lock; it tripled the system time
 * and made the export run at 0.33× of `cp -r` + `sync`. Here the disk first writes (the writer's
 * background flushes), then reads; the reads are DMA, so the CPU is free to hash what they bring
 * (on a worker, while the next blocks are read). And the hash moved here from the write, where it
 * competed with the copy for the two cores.
 *
 * The reads bypass the page cache (O_DIRECT) where the system allows it, so they come from the
 * disk, not from the memory that just held the bytes; elsewhere (Windows, macOS, tmpfs) an
 * ordinary read is the best the system offers.
 */

export interface CrcSegment {
  start: number;
  length: number;
  crc: number;
}

export interface ShaSegment {
  start: number;
  length: number;
  sha256: string;
  /** Which entry (for the caller's message). */
  entryPath: string;
}

export interface ReadBackPlan {
  size: number;
  crc: readonly CrcSegment[];
  sha: readonly ShaSegment[];
}

export type ReadBackProblem =
  | { kind: 'crc'; start: number }
  | { kind: 'sha'; entryPath: string; actual: string }
  | { kind: 'uncovered'; start: number; length: number }
  | { kind: 'short'; size: number };

export interface ReadBackOptions {
  onBytes?: (n: number) => void;
  /** Checked between blocks: throws what `cancelled` returns when aborted. */
  signal?: AbortSignal;
  cancelled?: () => Error;
  /** Tests only: after each block is read and dispatched. */
  onBlockRead?: (position: number, length: number) => Promise<void> | void;
  blockSize?: number;
}

const BLOCK = 8 * 1024 * 1024;
/** Blocks in flight: one being read, the others being hashed. */
const BLOCKS = 4;
/** Reads in flight at once. */
const READS_AHEAD = 2;
/** Workers hashing stored files side by side (the machine this was measured on has two cores). */
const HASHERS = 2;

/** One line for the benchmark: how the read-back reads and hashes. */
export function describeReadBack(): string {
  const direct = (constants as { O_DIRECT?: number }).O_DIRECT !== undefined && process.env.CCHC_NO_DIRECT_IO !== '1';
  return (
    `one pass after the write, ${direct ? 'O_DIRECT where the file system allows it' : 'ordinary reads (no O_DIRECT here)'}, ` +
    `${BLOCK / 1024 / 1024} MiB blocks, ${READS_AHEAD} reads in flight, stored files hashed on ${HASHERS} workers in turn`
  );
}

/** The byte ranges no segment covers (a writer that forgot to record something). */
export function uncoveredRanges(plan: ReadBackPlan): { start: number; length: number }[] {
  const spans = [...plan.crc, ...plan.sha].filter((s) => s.length > 0).sort((a, b) => a.start - b.start);
  const gaps: { start: number; length: number }[] = [];
  let end = 0;
  for (const s of spans) {
    if (s.start > end) gaps.push({ start: end, length: s.start - end });
    end = Math.max(end, s.start + s.length);
  }
  if (end < plan.size) gaps.push({ start: end, length: plan.size - end });
  return gaps;
}

export async function readBackZip(path: string, plan: ReadBackPlan, options: ReadBackOptions = {}): Promise<ReadBackProblem[]> {
  const problems: ReadBackProblem[] = uncoveredRanges(plan).map((g) => ({ kind: 'uncovered' as const, ...g }));
  if (problems.length > 0) return problems;
  const blockSize = options.blockSize ?? BLOCK;
  const reader = await openReader(path, blockSize);
  const crcs = [...plan.crc].sort((a, b) => a.start - b.start).map((s) => ({ ...s, running: 0 }));
  const shas = [...plan.sha].sort((a, b) => a.start - b.start);
  // Stored files are hashed on HASHERS workers in turn (file k on worker k mod HASHERS): the
  // reads are DMA and leave both cores to hash; one worker made SHA-256 the read-back's limit
  // (1.4 s of its 1.43 s for 2 GiB, the O_DIRECT reads 0.5 s).
  const hashers: ChunkHasher[] =
    plan.size >= 16 * blockSize && shas.length > 1 ? Array.from({ length: HASHERS }, () => workerHasher()) : [plan.size >= 16 * blockSize ? workerHasher() : inThreadHasher()];
  const hasherOf = (k: number) => hashers[k % hashers.length]!;
  // Hashing of a block still running on the worker: its buffer is not read into until it is done.
  const hashing: (Promise<void> | null)[] = reader.blocks.map(() => null);
  const digests: Promise<void>[] = [];
  let crcFrom = 0;
  let shaFrom = 0;
  const reads: Promise<number>[] = [];
  try {
    // Block k lies at k × blockSize, in slot k mod BLOCKS; READS_AHEAD reads are in flight (a
    // latency-bound virtual disk is slow with one request at a time), each into a slot whose
    // previous block is hashed.
    const blockCount = Math.ceil(plan.size / blockSize);
    const startRead = (k: number) => {
      const slot = k % reader.blocks.length;
      const read = (hashing[slot] ?? Promise.resolve()).then(() => reader.read(reader.blocks[slot]!, k * blockSize));
      read.catch(() => undefined);
      reads.push(read);
    };
    for (let k = 0; k < Math.min(READS_AHEAD, blockCount); k++) startRead(k);
    for (let k = 0; k < blockCount; k++) {
      const slot = k % reader.blocks.length;
      const n = await reads.shift()!;
      const at = k * blockSize;
      if (n < Math.min(blockSize, plan.size - at)) {
        problems.push({ kind: 'short', size: at + n });
        break;
      }
      if (k + READS_AHEAD < blockCount) startRead(k + READS_AHEAD);
      const block = reader.blocks[slot]!.subarray(0, n);
      const end = at + n;

      // CRC segments: continue each one that overlaps this block; finish those that end in it.
      while (crcFrom < crcs.length && crcs[crcFrom]!.start + crcs[crcFrom]!.length <= at) crcFrom += 1;
      for (let i = crcFrom; i < crcs.length && crcs[i]!.start < end; i++) {
        const s = crcs[i]!;
        const from = Math.max(s.start, at);
        const to = Math.min(s.start + s.length, end);
        if (to <= from) continue;
        s.running = timedSync('crc32 (read back)', to - from, () => crc32(block.subarray(from - at, to - at), s.running));
        if (to === s.start + s.length && s.running !== s.crc) problems.push({ kind: 'crc', start: s.start });
      }

      // SHA segments never overlap one another (one per stored file): feed them in order.
      const updates: Promise<void>[] = [];
      while (shaFrom < shas.length && shas[shaFrom]!.start < end) {
        const s = shas[shaFrom]!;
        const from = Math.max(s.start, at);
        const to = Math.min(s.start + s.length, end);
        if (to > from) updates.push(hasherOf(shaFrom).update(block.subarray(from - at, to - at)));
        if (s.start + s.length > end) break;
        digests.push(
          hasherOf(shaFrom).digest().then((actual) => {
            if (actual !== s.sha256) problems.push({ kind: 'sha', entryPath: s.entryPath, actual });
          }),
        );
        shaFrom += 1;
      }
      const held = Promise.all(updates).then(() => undefined);
      held.catch(() => undefined);
      hashing[slot] = held;
      options.onBytes?.(n);
      await options.onBlockRead?.(at, n);
      if (options.signal?.aborted) throw options.cancelled?.() ?? new Error('cancelled');
    }
    await timed('read-back: last hashes', 0, async () => {
      await Promise.all(hashing.filter((h): h is Promise<void> => h !== null));
      await Promise.all(digests);
    });
    // An empty stored file has no bytes to feed: its digest is still due (unless the file ended
    // early: what was not read is not reported as altered, the short file says it all).
    for (; shaFrom < shas.length && !problems.some((p) => p.kind === 'short'); shaFrom++) {
      const s = shas[shaFrom]!;
      const actual = await hasherOf(shaFrom).digest();
      if (actual !== s.sha256) problems.push({ kind: 'sha', entryPath: s.entryPath, actual });
    }
    return problems.sort((a, b) => order(a) - order(b));
  } finally {
    // Reads still in flight (after a failure or a cancel) end before their descriptor closes.
    await Promise.allSettled(reads);
    await Promise.allSettled(hashing.filter((h): h is Promise<void> => h !== null));
    await Promise.all(hashers.map((h) => h.close().catch(() => undefined)));
    await reader.close();
  }
}

function order(p: ReadBackProblem): number {
  return p.kind === 'sha' ? 1 : 0;
}

interface Reader {
  blocks: Buffer[];
  /** Reads up to a block at `at`; fewer bytes only at the end of the file. */
  read(into: Buffer, at: number): Promise<number>;
  close(): Promise<void>;
}

/** An O_DIRECT reader with aligned blocks where the system allows it, else an ordinary one. */
async function openReader(path: string, blockSize: number): Promise<Reader> {
  const plain = await open(path, 'r');
  let direct = await openDirectForReading(path);
  const shared = new SharedArrayBuffer(BLOCKS * blockSize + DIRECT_ALIGN);
  // Reading changes nothing, unlike the writer's probe.
  const start = direct ? await findAlignedOffset(shared, (block) => direct!.read(block, 0, DIRECT_ALIGN, 0)) : -1;
  if (start < 0 && direct) {
    await direct.close().catch(() => undefined);
    direct = null;
  }
  const blocks = Array.from({ length: BLOCKS }, (_, i) => Buffer.from(shared, Math.max(0, start) + i * blockSize, blockSize));
  const readAll = async (handle: FileHandle, into: Buffer, at: number) => {
    let done = 0;
    while (done < into.length) {
      const { bytesRead } = await handle.read(into, done, into.length - done, at + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done;
  };
  return {
    blocks,
    async read(into, at) {
      if (direct && at % DIRECT_ALIGN === 0) {
        try {
          // An O_DIRECT read may end at the end of the file, whatever its length.
          return await timed('read-back read (O_DIRECT)', into.length, () => readAll(direct!, into, at));
        } catch (error) {
          // EINVAL: this file system wants another alignment after all; read on without.
          if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
          await direct.close().catch(() => undefined);
          direct = null;
        }
      }
      return timed('read-back read (buffered)', into.length, () => readAll(plain, into, at));
    },
    async close() {
      await direct?.close().catch(() => undefined);
      await plain.close().catch(() => undefined);
    },
  };
}

async function openDirectForReading(path: string): Promise<FileHandle | null> {
  const flag = (constants as { O_DIRECT?: number }).O_DIRECT;
  if (flag === undefined || process.env.CCHC_NO_DIRECT_IO === '1') return null;
  try {
    return await open(path, constants.O_RDONLY | flag);
  } catch {
    return null;
  }
}
