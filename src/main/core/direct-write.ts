import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { timed, timedSync } from './io-profile';

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
  /** True when the buffers from alignedSharedBuffers are aligned for O_DIRECT (reads may bypass the cache). */
  readonly aligned: boolean;
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
  /** Buffered: how far from the start of the file everything has been flushed to the disk. */
  durableTo(): number;
  /** Starts the background flush now if one is due and was held back by `flushPaused`. */
  flushIfDue(): void;
  /** Waits for queued writes and the background flush (not a final fsync). */
  settle(): Promise<void>;
  /** Closes the direct descriptor (the ordinary one stays open for the caller). */
  closeDirect(): Promise<void>;
}

/**
 * Adds, beside `handle` (an open, empty, writable file at `path`), what writing it large needs.
 * `onFlushed` runs after each background flush (the read-back waits for them); while
 * `flushPaused` returns true a due flush is held back, until `flushIfDue` is called; a buffered
 * write waits for the promise `writesPausedUntil` returns, if any, before it starts.
 */
export async function largeFileWriter(
  path: string,
  handle: FileHandle,
  options: { onFlushed?: () => void; flushPaused?: () => boolean; writesPausedUntil?: () => Promise<unknown> | null } = {},
): Promise<LargeFileWriter> {
  const strategy = writeStrategy();
  // Opened in both strategies: finding aligned memory needs it, and reads may use that memory.
  const directHandle = await openDirect(path);
  let directOk = directHandle !== null;
  let alignedOk = false;
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
        options.onFlushed?.();
      });
  };

  return {
    handle,
    get direct() {
      return strategy === 'direct' && directOk;
    },
    get aligned() {
      return alignedOk;
    },
    async alignedSharedBuffers(count, size) {
      if (size % DIRECT_ALIGN !== 0) throw new Error(`buffer size ${size} is not a multiple of ${DIRECT_ALIGN}`);
      if (written) throw new Error('alignedSharedBuffers after a write would empty the file');
      const shared = new SharedArrayBuffer(count * size + DIRECT_ALIGN);
      const start = directHandle && directOk ? await findAlignedStart(directHandle, shared) : -1;
      if (start < 0) directOk = false;
      else {
        alignedOk = true;
        aligned.add(shared);
      }
      return Array.from({ length: count }, (_, i) => Buffer.from(shared, Math.max(0, start) + i * size, size));
    },
    async writeAt(chunk, position) {
      written = true;
      if (strategy === 'buffered') {
        const mine = queue.then(async () => {
          const pause = options.writesPausedUntil?.();
          if (pause) await timed('write held while reading back', 0, () => pause.catch(() => undefined));
          await timed('write (buffered)', chunk.length, () => writeFullyAt(handle, chunk, position));
        });
        queue = mine.then(() => {
          writtenEnd = Math.max(writtenEnd, position + chunk.length);
          sinceFlush += chunk.length;
          if (sinceFlush >= FLUSH_EVERY && !flushing && !options.flushPaused?.()) startFlush();
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
    durableTo() {
      return flushedTo;
    },
    flushIfDue() {
      if (strategy === 'buffered' && sinceFlush >= FLUSH_EVERY && !flushing && !options.flushPaused?.()) startFlush();
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
 * The first offset in `shared` from which a direct write succeeds (-1 if none does): tries one
 * block at position 0 from each 16-byte step (allocators align to 16). The file is emptied again.
 */
async function findAlignedStart(directHandle: FileHandle, shared: SharedArrayBuffer): Promise<number> {
  try {
    for (let offset = 0; offset < DIRECT_ALIGN; offset += 16) {
      try {
        await directHandle.write(Buffer.from(shared, offset, DIRECT_ALIGN), 0, DIRECT_ALIGN, 0);
        return offset;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EINVAL') return -1;
      }
    }
    return -1;
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

/**
 * A new file written front to back from chunks of any size (a zip: small headers between large
 * file bodies), gathered into a few aligned blocks. A full block is written while the next one
 * fills; `append` waits only when every block is in flight. Small writes become large ones.
 *
 * With `readBack`, every block is read back from the file and compared with what was written,
 * while later blocks are still being filled and written: the check of a package costs no pass
 * of its own after writing. What is compared is the block's CRC-32, taken when it was written,
 * so no copy of the block is kept. The read comes from the disk, not from the cache that just
 * held the bytes, where the system allows it: an O_DIRECT read, and with buffered writes only
 * once a background flush has put the block on the disk (an O_DIRECT read of a range the flush
 * has not reached would first write it back itself, one block at a time). Where O_DIRECT does
 * not exist, an ordinary read after the flush is the best the system offers.
 */
export class SequentialLargeWriter {
  private readonly inFlight: (Promise<void> | null)[];
  private current = 0;
  private filled = 0;
  /** File position of the current block's first byte. */
  private position = 0;
  private failure: unknown = null;
  /** Blocks written, waiting to be read back (in file order). */
  private readonly toCheck: { at: number; length: number; crc: number }[] = [];
  private checking: Promise<void> | null = null;
  /** Set by finish once everything is fsynced: every written block may then be read back. */
  private allDurable = false;

  private constructor(
    private readonly writer: LargeFileWriter,
    private readonly blocks: Buffer[],
    private readonly readBack: ReadBack | null,
    private readonly onBlockWritten: BlockHook | undefined,
    private readonly onBlockReadBack: ReadBackHook | undefined,
  ) {
    this.inFlight = blocks.map(() => null);
  }

  /** Creates `path` (it must not exist). */
  static async create(
    path: string,
    options: {
      readBack?: boolean;
      blockSize?: number;
      blockCount?: number;
      /** Called between a block's write and its read-back (tests damage the file there). */
      onBlockWritten?: BlockHook;
      /** Called after each block is read back and compared (tests see how far the check has come). */
      onBlockReadBack?: ReadBackHook;
    } = {},
  ): Promise<SequentialLargeWriter> {
    const { blockSize = 4 * 1024 * 1024, blockCount = 4 } = options;
    const handle = await open(path, 'wx');
    let readBack: ReadBack | null = null;
    let self: SequentialLargeWriter | null = null;
    try {
      const writer = await largeFileWriter(path, handle, {
        onFlushed: () => self?.pumpReadBack(),
        // The read-back of a flushed region goes first: see pumpReadBack.
        flushPaused: () => self?.readBackPending() ?? false,
        writesPausedUntil: () => self?.readingBack() ?? null,
      });
      // One call (finding the alignment costs a probe write) for the blocks and, with readBack,
      // the one buffer blocks are read back into.
      const buffers = await writer.alignedSharedBuffers(options.readBack ? blockCount + 1 : blockCount, blockSize);
      const blocks = buffers.slice(0, blockCount);
      if (options.readBack) {
        readBack = { plain: await open(path, 'r'), direct: null, buffer: buffers[blockCount]! };
        readBack.direct = writer.aligned ? await openDirect(path, constants.O_RDONLY) : null;
      }
      self = new SequentialLargeWriter(writer, blocks, readBack, options.onBlockWritten, options.onBlockReadBack);
      return self;
    } catch (error) {
      await readBack?.direct?.close().catch(() => undefined);
      await readBack?.plain.close().catch(() => undefined);
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  get handle(): FileHandle {
    return this.writer.handle;
  }

  /** Copies `chunk` in; once this resolves the chunk's memory may be reused. */
  async append(chunk: Buffer): Promise<void> {
    let taken = 0;
    while (taken < chunk.length) {
      if (this.failure) throw this.failure;
      const block = this.blocks[this.current]!;
      const n = chunk.copy(block, this.filled, taken);
      taken += n;
      this.filled += n;
      if (this.filled === block.length) await this.startBlockWrite();
    }
  }

  /**
   * Writes the last, partly filled block, waits for every write, fsyncs (with readBack) and
   * reads back what is left to check; the file is then complete.
   */
  async finish(): Promise<void> {
    const block = this.blocks[this.current]!;
    const whole = this.filled - (this.filled % DIRECT_ALIGN);
    const at = this.position;
    const tail = block.subarray(0, this.filled);
    const writes: Promise<unknown>[] = this.inFlight.filter((w): w is Promise<void> => w !== null);
    if (whole > 0) writes.push(this.writer.writeAt(block.subarray(0, whole), at));
    if (this.filled > whole) writes.push(this.writer.settle().then(() => writeFullyAt(this.writer.handle, block.subarray(whole, this.filled), at + whole)));
    await Promise.all(writes);
    if (this.failure) throw this.failure;
    if (this.filled > 0) {
      await this.onBlockWritten?.(at, this.filled);
      this.toCheck.push({ at, length: this.filled, crc: crc32(tail) });
    }
    if (!this.readBack) return;
    await this.writer.settle();
    // On the disk before it is read back: the caller's own fsync then finds nothing left.
    await timed('final fdatasync (writer)', 0, () => this.writer.handle.datasync());
    this.allDurable = true;
    this.pumpReadBack();
    await timed('read-back left after the last write', 0, async () => {
      while (this.checking) await this.checking;
    });
    if (this.failure) throw this.failure;
  }

  /** Closes every descriptor (after finish, or to give up). */
  async close(): Promise<void> {
    await Promise.allSettled(this.inFlight.filter((w) => w !== null));
    this.toCheck.length = 0;
    await this.checking?.catch(() => undefined);
    await this.readBack?.direct?.close().catch(() => undefined);
    await this.readBack?.plain.close().catch(() => undefined);
    await this.writer.closeDirect();
    await this.writer.handle.close().catch(() => undefined);
  }

  private async startBlockWrite(): Promise<void> {
    const index = this.current;
    const block = this.blocks[index]!;
    const at = this.position;
    const crc = this.readBack ? timedSync('crc32 (blocks written)', block.length, () => crc32(block)) : 0;
    this.inFlight[index] = this.writer
      .writeAt(block, at)
      .then(() => this.onBlockWritten?.(at, block.length))
      .then(() => {
        if (!this.readBack) return;
        this.toCheck.push({ at, length: block.length, crc });
        this.toCheck.sort((a, b) => a.at - b.at);
        this.pumpReadBack();
      })
      .catch((error: unknown) => {
        this.failure ??= error;
      });
    this.position += block.length;
    this.current = (index + 1) % this.blocks.length;
    this.filled = 0;
    // The next block may still be on its way to the disk from its previous round.
    if (this.inFlight[this.current]) await timed('waiting for a free block', 0, () => this.inFlight[this.current]!);
    this.inFlight[this.current] = null;
  }

  /** The next written block that is on the disk by now, if any. */
  private readyToCheck(): { at: number; length: number; crc: number } | null {
    const next = this.toCheck[0];
    return next && (this.allDurable || this.writer.direct || next.at + next.length <= this.writer.durableTo()) ? next : null;
  }

  /** While a read-back runs: until it ends (the writes into the cache wait for it). */
  private readingBack(): Promise<void> | null {
    return this.checking;
  }

  /** Blocks on the disk are being, or are waiting to be, read back (the next flush waits for them). */
  private readBackPending(): boolean {
    return this.readBack !== null && this.failure === null && (this.checking !== null || this.readyToCheck() !== null);
  }

  /**
   * Reads back, one at a time, the written blocks that are on the disk by now: each flushed region
   * as soon as its flush is done, BEFORE the next background flush starts (flushPaused) and with
   * the writes into the cache held meanwhile (writesPausedUntil), while reading the sources,
   * hashing and filling the next blocks go on. Why (issue 12, bench/exchange-profile.ts): reading
   * a region while the next one was being flushed made every O_DIRECT read wait behind that flush
   * on the disk, and on ext4 an O_DIRECT read holds the file's lock (i_rwsem, shared) for its
   * whole I/O while an ordinary write needs it exclusively, so the two took turns through the
   * lock: 2 GB of writes into the cache took 19.6 s with the read-back and 7.4 s without. Now the
   * disk does one thing at a time (flush, then read back), each read finds it idle, and only the
   * part of the pipeline that needs the file waits.
   */
  private pumpReadBack(): void {
    if (!this.readBack || this.checking || this.failure) return;
    const ready = () => this.readyToCheck();
    if (!ready()) return;
    this.checking = (async () => {
      for (let next = ready(); next; next = ready()) {
        this.toCheck.shift();
        await this.compare(next.at, next.length, next.crc);
      }
    })()
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.checking = null;
        // The flush held back while reading (if one is due) starts now.
        this.writer.flushIfDue();
      });
  }

  /** Reads `length` bytes at `at` back and compares their CRC-32 with the one taken when written. */
  private async compare(at: number, length: number, crc: number): Promise<void> {
    const readBack = this.readBack!;
    const alignedRange = length % DIRECT_ALIGN === 0 && at % DIRECT_ALIGN === 0;
    // The tail of the file is not a whole number of aligned blocks: read the aligned range that
    // covers it (O_DIRECT reads may end at the end of the file) and compare the part we wrote.
    const span = alignedRange ? length : Math.ceil(length / DIRECT_ALIGN) * DIRECT_ALIGN;
    const check = readBack.buffer.subarray(0, Math.min(span, readBack.buffer.length));
    let got: Buffer | null = null;
    if (readBack.direct && at % DIRECT_ALIGN === 0 && check.length >= length) {
      try {
        const n = await timed('read-back read (O_DIRECT)', length, () => readAt(readBack.direct!, check, at));
        if (n < length) throw new ReadBackMismatch(at + n);
        got = check.subarray(0, length);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
        readBack.direct = null;
      }
    }
    if (!got) {
      got = readBack.buffer.subarray(0, length);
      const into = got;
      await timed('read-back read (buffered)', length, () => readFullyAt(readBack.plain, into, at));
    }
    const matched = timedSync('crc32 (blocks read back)', length, () => crc32(got)) === crc;
    this.onBlockReadBack?.(at, length, matched);
    if (!matched) throw new ReadBackMismatch(at);
  }
}

type BlockHook = (position: number, length: number) => Promise<void> | void;
type ReadBackHook = (position: number, length: number, matched: boolean) => void;

interface ReadBack {
  plain: FileHandle;
  /** O_DIRECT reader, while aligned reads work. */
  direct: FileHandle | null;
  /** Where blocks are read back to (aligned, one block long). */
  buffer: Buffer;
}

/** Reads up to `into.length` bytes at `position`; fewer only at the end of the file. */
async function readAt(handle: FileHandle, into: Buffer, position: number): Promise<number> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

async function readFullyAt(handle: FileHandle, into: Buffer, position: number): Promise<void> {
  const n = await readAt(handle, into, position);
  if (n < into.length) throw new ReadBackMismatch(position + n);
}
