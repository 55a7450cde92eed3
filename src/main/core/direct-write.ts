import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { timed } from './io-profile';

/**
 * Writing a large new file (an imported piece of evidence, a package, a backup) that is fsynced at
 * once, in one of two ways (see ARCHITECTURE.md, «Ghi tệp lớn», for the figures):
 *
 * - 'buffered' (the default): ordinary writes, ONE in flight at a time and in order, while an
 *   fdatasync every FLUSH_EVERY bytes (one at a time, in the background) keeps the disk busy
 *   during the copy, so the final fsync finds little left. The kernel's writeback then chooses
 *   how many requests to keep in flight, which suits every disk we measured: on the VM where
 *   O_DIRECT had looked best it is as fast, and on another of the same kind, where one O_DIRECT
 *   request at a time waited on the virtual disk's latency, it was ten times faster.
 *   Several writes in flight on one file contend for its lock: measured here, 4 concurrent 1 MiB
 *   writes made 0.4 GB/s and 0.75 s of system time per GB, one at a time 1 GB/s and 0.2 s.
 * - 'direct': past the page cache (O_DIRECT), where the OS and file system allow it. Gains only
 *   where copying into the cache is the bottleneck; kept, opt-in, for such machines.
 *
 * CCHC_IO_STRATEGY=direct|buffered forces one; CCHC_NO_DIRECT_IO=1 forbids O_DIRECT altogether
 * (also the read-back below), for a file system that misbehaves with it.
 *
 * O_DIRECT needs the memory address, the length and the file position aligned to the device's
 * block size. Positions and lengths are kept to multiples of DIRECT_ALIGN; memory comes from
 * `alignedSharedBuffers`, which finds an aligned start inside a SharedArrayBuffer by trying it
 * (JavaScript cannot see addresses). Everything that does not fit (a short read, the tail of a
 * file) goes through an ordinary descriptor of the same file: the kernel keeps the two coherent,
 * and one fsync makes both durable. Where O_DIRECT does not exist (Windows, macOS) or the file
 * system refuses it (tmpfs, some network drives), every write is an ordinary one.
 */
export const DIRECT_ALIGN = 4096;
/** Buffered writes: an fdatasync starts after this many bytes (measured: 32 MiB was slower, 64 as good as more). */
export const FLUSH_EVERY = 64 * 1024 * 1024;

export type WriteStrategy = 'buffered' | 'direct';

/** The strategy in force: the environment's choice, else 'buffered'. */
export function writeStrategy(): WriteStrategy {
  if (process.env.CCHC_NO_DIRECT_IO === '1') return 'buffered';
  return process.env.CCHC_IO_STRATEGY === 'direct' ? 'direct' : 'buffered';
}

/** One line for the benchmark and the log: which way large files are written, and why. */
export function describeWriteStrategy(): string {
  const strategy = writeStrategy();
  const why = process.env.CCHC_NO_DIRECT_IO === '1' ? 'CCHC_NO_DIRECT_IO=1' : process.env.CCHC_IO_STRATEGY ? `CCHC_IO_STRATEGY=${process.env.CCHC_IO_STRATEGY}` : 'default';
  return strategy === 'direct'
    ? `direct (O_DIRECT where allowed; ${why})`
    : `buffered (one write at a time, fdatasync every ${FLUSH_EVERY / 1024 / 1024} MiB; ${why})`;
}

export interface LargeFileWriter {
  /** The ordinary descriptor: for the caller's other uses (sync, close) and for unaligned writes. */
  readonly handle: FileHandle;
  /** True when aligned writes bypass the page cache. */
  readonly direct: boolean;
  /**
   * `count` buffers of `size` bytes (a multiple of DIRECT_ALIGN) over one SharedArrayBuffer,
   * aligned for direct I/O. Only before the first write: finding the alignment writes a block
   * at the start of the (still empty) file and empties it again.
   */
  alignedSharedBuffers(count: number, size: number): Promise<Buffer[]>;
  /**
   * Writes all of `chunk` at `position`; bypasses the cache when the chunk is aligned and the
   * strategy is 'direct'. Returns whether it did. Buffered writes are queued and done in order,
   * one at a time: call in the order of the positions, and keep the chunk untouched until this
   * resolves.
   */
  writeAt(chunk: Buffer, position: number): Promise<boolean>;
  /** Waits for queued writes and the background flush (not a final fsync). */
  settle(): Promise<void>;
  /** Closes the direct descriptor (the ordinary one stays open for the caller). */
  closeDirect(): Promise<void>;
}

/** Adds, beside `handle` (an open, empty, writable file at `path`), what writing it large needs. */
export async function largeFileWriter(path: string, handle: FileHandle): Promise<LargeFileWriter> {
  const strategy = writeStrategy();
  // Opened in both strategies: finding aligned memory needs it, and reads may use that memory.
  const directHandle = await openDirect(path);
  let directOk = directHandle !== null;
  // Buffers whose start we found to be aligned: only these are tried with O_DIRECT.
  const aligned = new WeakSet<ArrayBufferLike>();
  let written = false;
  // Buffered: the queue of writes (each waits for the one before) and the background flush.
  let queue: Promise<void> = Promise.resolve();
  let writtenEnd = 0;
  let flushedTo = 0;
  let sinceFlush = 0;
  let flushing: Promise<void> | null = null;
  const startFlush = () => {
    const upTo = writtenEnd;
    sinceFlush = 0;
    flushing = timed('background fdatasync', upTo - flushedTo, () => handle.datasync())
      .then(
        () => {
          flushedTo = Math.max(flushedTo, upTo);
        },
        // A failed flush is not fatal here: the final fsync redoes its work and reports.
        () => undefined,
      )
      .finally(() => {
        flushing = null;
      });
  };

  return {
    handle,
    get direct() {
      return strategy === 'direct' && directOk;
    },
    async alignedSharedBuffers(count, size) {
      if (size % DIRECT_ALIGN !== 0) throw new Error(`buffer size ${size} is not a multiple of ${DIRECT_ALIGN}`);
      if (written) throw new Error('alignedSharedBuffers after a write would empty the file');
      const shared = new SharedArrayBuffer(count * size + DIRECT_ALIGN);
      const start = directHandle && directOk ? await findAlignedStart(directHandle, shared) : -1;
      if (start < 0) directOk = false;
      else aligned.add(shared);
      return Array.from({ length: count }, (_, i) => Buffer.from(shared, Math.max(0, start) + i * size, size));
    },
    async writeAt(chunk, position) {
      written = true;
      if (strategy === 'buffered') {
        const mine = queue.then(() => timed('write (buffered)', chunk.length, () => writeFullyAt(handle, chunk, position)));
        queue = mine.then(() => {
          writtenEnd = Math.max(writtenEnd, position + chunk.length);
          sinceFlush += chunk.length;
          if (sinceFlush >= FLUSH_EVERY && !flushing) startFlush();
        });
        // One failed write fails every later one too (they are not attempted).
        queue.catch(() => undefined);
        await mine;
        return false;
      }
      const fits =
        directOk &&
        directHandle !== null &&
        aligned.has(chunk.buffer) &&
        chunk.length % DIRECT_ALIGN === 0 &&
        position % DIRECT_ALIGN === 0 &&
        chunk.length > 0;
      if (fits) {
        try {
          await writeFullyAt(directHandle, chunk, position);
          return true;
        } catch (error) {
          // EINVAL: this file system or device wants another alignment after all; go on without.
          if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
          directOk = false;
        }
      }
      await writeFullyAt(handle, chunk, position);
      return false;
    },
    async settle() {
      await queue;
      await flushing;
    },
    async closeDirect() {
      directOk = false;
      await queue.catch(() => undefined);
      await flushing;
      await directHandle?.close().catch(() => undefined);
    },
  };
}

async function openDirect(path: string, mode: number = constants.O_WRONLY): Promise<FileHandle | null> {
  const flag = (constants as { O_DIRECT?: number }).O_DIRECT;
  if (flag === undefined || process.env.CCHC_NO_DIRECT_IO === '1') return null;
  try {
    return await open(path, mode | flag);
  } catch {
    return null;
  }
}

/**
 * The first offset in `shared` from which `probe` (an O_DIRECT read or write of one DIRECT_ALIGN
 * block at position 0) succeeds, or -1: tries each 16-byte step (allocators align to 16;
 * JavaScript cannot see addresses). EINVAL means misaligned; any other error, no direct I/O here.
 */
export async function findAlignedOffset(shared: SharedArrayBuffer, probe: (block: Buffer) => Promise<unknown>): Promise<number> {
  for (let offset = 0; offset < DIRECT_ALIGN; offset += 16) {
    try {
      await probe(Buffer.from(shared, offset, DIRECT_ALIGN));
      return offset;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EINVAL') return -1;
    }
  }
  return -1;
}

/** findAlignedOffset by writing at the start of the (still empty) file, emptied again after. */
async function findAlignedStart(directHandle: FileHandle, shared: SharedArrayBuffer): Promise<number> {
  try {
    return await findAlignedOffset(shared, (block) => directHandle.write(block, 0, DIRECT_ALIGN, 0));
  } finally {
    await directHandle.truncate(0).catch(() => undefined);
  }
}

/** Writes all of `chunk` at `position` (a write may take only part of it). */
export function writeFullyAt(out: FileHandle, chunk: Buffer, position: number): Promise<void> {
  return writeAll(out, chunk, position);
}

/** Writes all of `chunk` at the file's current position, for a file written front to back. */
export function writeFully(out: FileHandle, chunk: Buffer): Promise<void> {
  return writeAll(out, chunk, null);
}

async function writeAll(out: FileHandle, chunk: Buffer, position: number | null): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await out.write(chunk, offset, chunk.length - offset, position === null ? null : position + offset);
    // A write that takes nothing would make this loop spin forever; the disk is failing.
    if (bytesWritten === 0) throw Object.assign(new Error('write returned 0 bytes'), { code: 'EIO' });
    offset += bytesWritten;
  }
}

/** What was read back from the disk differs from what was written there. */
export class ReadBackMismatch extends Error {
  readonly code = 'EREADBACK';
  constructor(readonly position: number) {
    super(`bytes read back at ${position} differ from those written`);
  }
}
