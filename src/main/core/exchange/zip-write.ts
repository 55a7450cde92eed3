import { randomUUID } from 'node:crypto';
import { createReadStream, readdirSync, rmSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import yazl from 'yazl';
import { AppError } from '../errors';
import { BufferPool, pooledFileReader, pooledFileWriter, type WriterTestHooks } from './buffer-pool';
import { useNativeCrc32ForYazl } from './fast-crc';
import { inThreadHasher, workerHasher, type ChunkHasher } from '../sha256-worker';
import { ReadBackMismatch } from '../direct-write';
import { isAlive } from '../process-alive';
import { syncDirectory } from '../sync-directory';
import type { WriteJournal } from './interrupted-writes';
import { timed } from '../io-profile';

/**
 * Writes a zip by streaming: yazl pumps one entry at a time, each source is read in 1 MiB
 * chunks and hashed on the way through, so memory stays flat whatever the total size. The zip
 * goes to a temp file beside the target, each block read back from the disk and compared as it
 * is written (pooledFileWriter), is fsynced, checked by the caller and only then renamed into
 * place: a failure at any point leaves no partial file under the target name.
 */

export type ZipSource = { kind: 'path'; path: string } | { kind: 'data'; data: Buffer };

export interface ZipWriteEntry {
  /** Path inside the zip (forward slashes). */
  entryPath: string;
  source: ZipSource;
  /** What the officer calls this file, for error messages. */
  label: string;
  /**
   * When known (evidence is content-addressed), a source whose bytes no longer match is refused:
   * the package must carry exactly what was approved.
   */
  expectedSha256?: string;
  /** Deflate only what compresses: PDFs, images, docx/xlsx are already compressed. */
  compress?: boolean;
}

export interface WrittenEntry {
  entryPath: string;
  sha256: string;
  size: number;
}

export interface ZipWriteOptions {
  /** Built after every other entry has been written, from their hashes; written last. */
  finalEntry?: { entryPath: string; build(written: readonly WrittenEntry[]): Buffer };
  /** Bytes of source data read so far (for a progress bar). */
  onBytes?: (n: number) => void;
  /** Runs on the finished, fsynced temp file before it is renamed into place; throw to refuse. */
  check?: (tempPath: string) => Promise<void>;
  mtime?: Date;
  /**
   * Read every block back from the disk as it is written (default). Off only in the benchmark,
   * to show what the read-back costs.
   */
  readBack?: boolean;
  /** Where the temp file is recorded before it is created, so start-up can remove it after a kill. */
  journal?: WriteJournal;
  /** Stops the write: the temp file is removed and the promise rejects with `cancelled()`. */
  signal?: AbortSignal;
  /** Tests only: damage the temp file between a block's write and its read-back, watch the read-back. */
  testHooks?: WriterTestHooks;
}

/** What a write stopped by its signal rejects with (the job reports its own words). */
export function cancelled(): AppError {
  return new AppError('CONFLICT', 'Đã huỷ; không để lại tệp dở dang.');
}

const READ_CHUNK = 1024 * 1024;
/** 8 MiB in flight at most: enough read-ahead to keep the disk busy while a chunk is written. */
const POOL_BUFFERS = 8;

/** Total size of the sources, so progress can be shown as a fraction from the start. */
export async function totalSourceBytes(entries: readonly ZipWriteEntry[]): Promise<number> {
  let total = 0;
  for (const e of entries) total += e.source.kind === 'data' ? e.source.data.length : (await statSource(e)).size;
  return total;
}

async function statSource(e: ZipWriteEntry) {
  if (e.source.kind !== 'path') throw new Error('not a path source');
  try {
    const s = await stat(e.source.path);
    if (!s.isFile()) throw new AppError('VALIDATION_FAILED', `«${e.label}» không phải là tệp.`);
    return s;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('NOT_FOUND', `Không đọc được tệp «${e.label}» (có thể đã bị xoá hoặc di chuyển); chưa tạo gói.`, error);
  }
}

export async function writeZipAtomically(outPath: string, entries: readonly ZipWriteEntry[], options: ZipWriteOptions = {}): Promise<WrittenEntry[]> {
  removeStaleTemps(dirname(outPath));
  const tempPath = join(dirname(outPath), `.${basename(outPath)}.${process.pid}-${randomUUID()}.part`);
  options.journal?.add(tempPath);
  try {
    if (options.signal?.aborted) throw cancelled();
    const written = await timed('zip writing (sources read, hashed, written, read back)', 0, () => writeZip(tempPath, entries, options));
    // The fsync waits on the disk while the read-back works from the page cache: run them side by
    // side, and rename only when both are done (durable and checked).
    // allSettled: on a failed check, wait for the fsync's descriptor to close before deleting.
    const [synced, checked] = await Promise.allSettled([
      timed('final fsync', 0, () => fsyncFile(tempPath)),
      timed('check (structure, manifest)', 0, async () => options.check?.(tempPath)),
    ]);
    if (checked.status === 'rejected') throw checked.reason;
    if (synced.status === 'rejected') throw synced.reason;
    // The last moment a cancel can take effect: after the rename the file is complete and stays.
    if (options.signal?.aborted) throw cancelled();
    await timed('rename + folder sync', 0, async () => {
      await rename(tempPath, outPath);
      syncDirectory(dirname(outPath));
    });
    return written;
  } catch (error) {
    await rm(tempPath, { force: true }).catch(() => undefined);
    throw translateWriteError(error, outPath);
  }
}

function writeZip(tempPath: string, entries: readonly ZipWriteEntry[], options: ZipWriteOptions): Promise<WrittenEntry[]> {
  useNativeCrc32ForYazl();
  return new Promise<WrittenEntry[]>((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const pool = new BufferPool(POOL_BUFFERS, READ_CHUNK);
    const out = pooledFileWriter(tempPath, pool, options.readBack ?? true, options.testHooks);
    const written: WrittenEntry[] = [];
    // Each entry's hash is finished on the worker while the next entries already stream.
    const digests: Promise<void>[] = [];
    const mtime = options.mtime ?? new Date();
    // One worker hashes the files read into pool buffers, one after another (yazl pumps one
    // entry at a time), on the other core; started on the first such file, stopped at the end.
    let worker: ChunkHasher | null = null;
    const stopWorker = () => void worker?.close().catch(() => undefined);
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stopWorker();
      out.destroy();
      // Wait for the descriptor to close so the caller can delete the temp file on every OS.
      if (out.closed) reject(error);
      else out.once('close', () => reject(error));
    };
    out.on('error', fail);
    zip.on('error', fail);
    const onAbort = () => fail(cancelled());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    out.once('close', () => options.signal?.removeEventListener('abort', onAbort));
    out.on('close', () => {
      // Every digest is in by now when there is a final entry (it waited for them); without one,
      // the last few may still be on the worker.
      void Promise.all(digests).then(() => {
        stopWorker();
        if (!failed) resolve(written);
      });
    });
    zip.outputStream.on('error', fail);
    zip.outputStream.pipe(out);

    for (const entry of entries) {
      const size = entry.source.kind === 'data' ? entry.source.data.length : undefined;
      zip.addReadStreamLazy(entry.entryPath, { compress: entry.compress ?? false, mtime, ...(size !== undefined ? { size } : {}) }, (cb) => {
        if (failed) return;
        const source =
          entry.source.kind === 'data'
            ? Readable.from([entry.source.data])
            : // Deflate consumes its input chunks and emits new ones, so pool buffers would never
              // reach the writer to come back: compressed files (the backup's database) use a
              // plain read stream.
              entry.compress
              ? createReadStream(entry.source.path, { highWaterMark: READ_CHUNK })
              : pooledFileReader(entry.source.path, pool);
        const pooled = entry.source.kind === 'path' && !entry.compress;
        const hasher = pooled ? (worker ??= workerHasher()) : inThreadHasher();
        const hashing = hashingStream(entry, hasher, pool, options.onBytes, fail);
        digests.push(hashing.digest.then((result) => void written.push(result), fail));
        source.on('error', (error: Error) =>
          fail(new AppError('IO_ERROR', `Không đọc được tệp «${entry.label}» (có thể đã bị xoá, di chuyển hoặc ổ đĩa bị rút ra); chưa tạo gói.`, error)),
        );
        // The failure is reported through fail(); yazl's pipe() has no error listener of its own.
        hashing.stream.on('error', () => undefined);
        cb(null, source.pipe(hashing.stream));
      });
    }
    const final = options.finalEntry;
    if (final) {
      // Lazy: yazl asks for it only after every entry before it is written, so the hashes are known.
      zip.addReadStreamLazy(final.entryPath, { compress: true, mtime }, (cb) => {
        void Promise.all(digests).then(() => {
          if (!failed) cb(null, Readable.from([final.build(written)]));
        });
      });
    }
    zip.end();
  });
}

/**
 * Hashes and counts the bytes on their way into the zip, without holding them up: each chunk goes
 * on at once, and its pool buffer is held until the worker has hashed it as well as until the
 * writer has taken it, so it cannot be refilled while either still reads it. Waiting for the hash
 * before passing a chunk on (and for the digest at the end of each file) left the worker and the
 * writer taking turns: the export ran at a third of the speed of copying.
 */
function hashingStream(
  entry: ZipWriteEntry,
  hasher: ChunkHasher,
  pool: BufferPool,
  onBytes: ((n: number) => void) | undefined,
  fail: (e: unknown) => void,
): { stream: Transform; digest: Promise<WrittenEntry> } {
  let size = 0;
  let settle!: { resolve: (w: WrittenEntry) => void; reject: (e: unknown) => void };
  const digest = new Promise<WrittenEntry>((resolve, reject) => (settle = { resolve, reject }));
  digest.catch(() => undefined);
  const stream = new Transform({
    transform(chunk: Buffer, _enc, next) {
      size += chunk.length;
      onBytes?.(chunk.length);
      pool.hold(chunk);
      timed('sha256 round trip (worker)', chunk.length, () => hasher.update(chunk)).then(
        () => pool.release(chunk),
        (error: unknown) => fail(error),
      );
      next(null, chunk);
    },
    flush(next) {
      const entrySize = size;
      hasher.digest().then((sha256) => {
        if (entry.expectedSha256 && entry.expectedSha256 !== sha256) {
          settle.reject(
            new AppError(
              'VALIDATION_FAILED',
              `Tệp «${entry.label}» trong kho không còn khớp với bản đã duyệt (mã SHA-256 khác); chưa tạo gói. Hãy kiểm tra kho tài liệu kiểm chứng.`,
              { expected: entry.expectedSha256, actual: sha256 },
            ),
          );
          return;
        }
        settle.resolve({ entryPath: entry.entryPath, sha256, size: entrySize });
      }, settle.reject);
      next();
    },
  });
  return { stream, digest };
}

/**
 * Our temp names: ".<target>.<pid>-<uuid>.part" (zips) and ".cchc-db-<pid>-<uuid>.sqlite" (backup,
 * with the rollback journal SQLite keeps beside it while copying).
 */
const TEMP_NAME = /^\.(?:.+\.|cchc-db-)(\d+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(?:part|sqlite(?:-journal)?)$/;

/**
 * Removes what an export or backup killed mid-way left in this folder (its process is gone).
 * Only our own distinctive names are touched, and never those of a process still running.
 */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMP_NAME.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    try {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Still open elsewhere (Windows) or already gone: try again next time.
    }
  }
  return removed;
}

function translateWriteError(error: unknown, outPath: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new AppError('IO_ERROR', `Ổ đĩa đã đầy khi ghi «${outPath}»; không để lại tệp dở dang.`, error);
  if (error instanceof ReadBackMismatch) {
    return new AppError('IO_ERROR', `Đọc lại «${outPath}» ngay sau khi ghi thấy dữ liệu khác với dữ liệu đã ghi (ổ đĩa lỗi?); đã xoá, hãy thử lại hoặc ghi ra ổ khác.`, error);
  }
  if (code === 'ENOENT') return new AppError('NOT_FOUND', `Không có thư mục để ghi «${outPath}».`, error);
  if (code === 'EACCES' || code === 'EPERM') return new AppError('IO_ERROR', `Không có quyền ghi «${outPath}».`, error);
  return new AppError('IO_ERROR', `Không ghi được «${outPath}»; không để lại tệp dở dang.`, error);
}

async function fsyncFile(path: string): Promise<void> {
  // r+: Windows flushes a file's buffers only through a handle opened for writing.
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

