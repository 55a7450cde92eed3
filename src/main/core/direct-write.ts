import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/**
 * Writing a large new file past the page cache (O_DIRECT), where the OS and file system allow it.
 *
 * Why: the evidence store and the submission package write gigabytes that are fsynced at once and
 * not read again soon. Through the page cache every byte is first copied into freshly allocated
 * cache pages, then written back by the kernel; measured here on a 2 GB import, that page
 * allocation and writeback cost 3–9 s of system time, against 0.5 s with O_DIRECT, and the
 * import ran at 0.3–0.5 GB/s instead of 1.2 GB/s (now bounded by SHA-256). It also leaves the
 * officer's other programs their cache.
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

export interface LargeFileWriter {
  /** The ordinary descriptor: for the caller's other uses (sync, close) and for unaligned writes. */
  readonly handle: FileHandle;
  /** True when aligned writes bypass the page cache. */
  readonly direct: boolean;
  /**
   * `count` buffers of `size` bytes (a multiple of DIRECT_ALIGN) over one SharedArrayBuffer,
   * aligned for direct writes. Only before the first write: finding the alignment writes a block
   * at the start of the (still empty) file and empties it again.
   */
  alignedSharedBuffers(count: number, size: number): Promise<Buffer[]>;
  /** Writes all of `chunk` at `position`; bypasses the cache when the chunk is aligned. Returns whether it did. */
  writeAt(chunk: Buffer, position: number): Promise<boolean>;
  /** Closes the direct descriptor (the ordinary one stays open for the caller). */
  closeDirect(): Promise<void>;
}

/** Adds an O_DIRECT descriptor beside `handle`, an open, empty, writable file at `path`. */
export async function largeFileWriter(path: string, handle: FileHandle): Promise<LargeFileWriter> {
  const directHandle = await openDirect(path);
  let directOk = directHandle !== null;
  // Buffers whose start we found to be aligned: only these are tried with O_DIRECT.
  const aligned = new WeakSet<ArrayBufferLike>();
  let written = false;

  return {
    handle,
    get direct() {
      return directOk;
    },
    async alignedSharedBuffers(count, size) {
      if (size % DIRECT_ALIGN !== 0) throw new Error(`buffer size ${size} is not a multiple of ${DIRECT_ALIGN}`);
      if (written) throw new Error('alignedSharedBuffers after a write would empty the file');
      const shared = new SharedArrayBuffer(count * size + DIRECT_ALIGN);
      const start = directHandle && directOk ? await findAlignedStart(directHandle, shared) : 0;
      if (start < 0) directOk = false;
      else if (directOk) aligned.add(shared);
      return Array.from({ length: count }, (_, i) => Buffer.from(shared, Math.max(0, start) + i * size, size));
    },
    async writeAt(chunk, position) {
      written = true;
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
    async closeDirect() {
      directOk = false;
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
 * file bodies), gathered into a few aligned blocks so that nearly every byte goes direct. A full
 * block is written while the next one fills; `append` waits only when every block is in flight.
 * Without O_DIRECT it still batches small writes into large ones.
 *
 * With `readBack`, each block is read back from the file as soon as its write is done and
 * compared with what was written, while later blocks are still being filled and written: the
 * check of a package costs no pass of its own after writing. With O_DIRECT the bytes come back
 * from the disk, not from the cache that just held them.
 */
export class SequentialLargeWriter {
  private readonly inFlight: (Promise<void> | null)[];
  private current = 0;
  private filled = 0;
  /** File position of the current block's first byte. */
  private position = 0;
  private failure: unknown = null;

  private constructor(
    private readonly writer: LargeFileWriter,
    private readonly blocks: Buffer[],
    private readonly readBack: ReadBack | null,
    private readonly onBlockWritten: BlockHook | undefined,
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
    } = {},
  ): Promise<SequentialLargeWriter> {
    const { blockSize = 4 * 1024 * 1024, blockCount = 4 } = options;
    const handle = await open(path, 'wx');
    let readBack: ReadBack | null = null;
    try {
      const writer = await largeFileWriter(path, handle);
      // One call (finding the alignment costs a probe write) for the blocks and, with readBack,
      // their twins to read back into.
      const buffers = await writer.alignedSharedBuffers(options.readBack ? 2 * blockCount : blockCount, blockSize);
      const blocks = buffers.slice(0, blockCount);
      if (options.readBack) {
        readBack = { plain: await open(path, 'r'), direct: null, buffers: buffers.slice(blockCount) };
        readBack.direct = writer.direct ? await openDirect(path, constants.O_RDONLY) : null;
      }
      return new SequentialLargeWriter(writer, blocks, readBack, options.onBlockWritten);
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

  /** Writes (and reads back) the last, partly filled block and waits for every write; the file is then complete (not yet fsynced). */
  async finish(): Promise<void> {
    const index = this.current;
    const block = this.blocks[index]!;
    const whole = this.filled - (this.filled % DIRECT_ALIGN);
    const at = this.position;
    const writes: Promise<unknown>[] = this.inFlight.filter((w): w is Promise<void> => w !== null);
    if (whole > 0) writes.push(this.writer.writeAt(block.subarray(0, whole), at));
    if (this.filled > whole) writes.push(writeFullyAt(this.writer.handle, block.subarray(whole, this.filled), at + whole));
    await Promise.all(writes);
    if (this.failure) throw this.failure;
    if (this.filled > 0) await this.onBlockWritten?.(at, this.filled);
    if (this.readBack && this.filled > 0) await this.compare(index, at, this.filled);
  }

  /** Closes every descriptor (after finish, or to give up). */
  async close(): Promise<void> {
    await Promise.allSettled(this.inFlight.filter((w) => w !== null));
    await this.readBack?.direct?.close().catch(() => undefined);
    await this.readBack?.plain.close().catch(() => undefined);
    await this.writer.closeDirect();
    await this.writer.handle.close().catch(() => undefined);
  }

  private async startBlockWrite(): Promise<void> {
    const index = this.current;
    const block = this.blocks[index]!;
    const at = this.position;
    this.inFlight[index] = this.writer
      .writeAt(block, at)
      .then(() => this.onBlockWritten?.(at, block.length))
      .then(() => (this.readBack ? this.compare(index, at, block.length) : undefined))
      .catch((error: unknown) => {
        this.failure ??= error;
      });
    this.position += block.length;
    this.current = (index + 1) % this.blocks.length;
    this.filled = 0;
    // The next block may still be on its way to the disk (or back) from its previous round.
    await this.inFlight[this.current];
    this.inFlight[this.current] = null;
  }

  /** Reads `length` bytes at `at` back into the block's twin buffer and compares them with block `index`. */
  private async compare(index: number, at: number, length: number): Promise<void> {
    const readBack = this.readBack!;
    const check = readBack.buffers[index]!.subarray(0, length);
    const alignedRange = length % DIRECT_ALIGN === 0 && at % DIRECT_ALIGN === 0;
    if (readBack.direct && alignedRange) {
      try {
        await readFullyAt(readBack.direct, check, at);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
        readBack.direct = null;
      }
    }
    // Not aligned (a tail) or not possible direct: an ordinary read, from the disk all the same
    // where the write went direct, since those bytes never entered the cache.
    if (!readBack.direct || !alignedRange) await readFullyAt(readBack.plain, check, at);
    if (!check.equals(this.blocks[index]!.subarray(0, length))) throw new ReadBackMismatch(at);
  }
}

type BlockHook = (position: number, length: number) => Promise<void> | void;

interface ReadBack {
  plain: FileHandle;
  /** O_DIRECT reader, while aligned reads work. */
  direct: FileHandle | null;
  /** One per block: where each block is read back to. */
  buffers: Buffer[];
}

async function readFullyAt(handle: FileHandle, into: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new ReadBackMismatch(position + done);
    done += bytesRead;
  }
}
