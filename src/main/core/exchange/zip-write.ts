import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, readdirSync, rmSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import yazl from 'yazl';
import { AppError } from '../errors';
import { BufferPool, pooledFileReader } from './buffer-pool';
import { zipFileWriter, type ChunkWrittenHook, type ZipFileWriter } from './zip-file-writer';
import { readBackZip, type ReadBackOptions, type ReadBackPlan, type ReadBackProblem } from './zip-read-back';
import { openZipSafely, type ZipLimits } from './zip-read';
import { hashFile } from '../evidence/file-store';
import { useNativeCrc32ForYazl } from './fast-crc';
import { inThreadHasher, workerHasher, type ChunkHasher } from '../sha256-worker';
import { ReadBackMismatch } from '../direct-write';
import { isAlive } from '../process-alive';
import { syncDirectory } from '../sync-directory';
import type { WriteJournal } from './interrupted-writes';
import { timed } from '../io-profile';

/**
 * Writes a zip by streaming: yazl pumps one entry at a time, each source is read in 1 MiB
 * chunks on its way to the file, so memory stays flat whatever the total size. The zip goes to a
 * temp file beside the target, is flushed to the disk as it is written, then read back from the
 * disk once and proved (zip-read-back.ts: each stored file's SHA-256, the CRC-32 of every other
 * byte), checked by the caller and only then renamed into place: a failure at any point leaves no
 * partial file under the target name.
 *
 * A file whose SHA-256 is known before it is written (evidence is content-addressed; in-memory
 * files are hashed first) is not hashed on the way in: the read-back hashes its bytes on the disk
 * against that SHA-256, which proves the source and the disk at once. Other files (signed copies,
 * quarantined files, the backup's database) are hashed on the way in, and the read-back checks the
 * stored ones against that hash.
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
   * Read the finished file back from the disk and prove it (default). Off only in the benchmark,
   * to show what the read-back costs.
   */
  readBack?: boolean;
  /** Bytes of the finished zip read back so far, out of `size` (for a progress bar). */
  onReadBackBytes?: (n: number, size: number) => void;
  /** Where the temp file is recorded before it is created, so start-up can remove it after a kill. */
  journal?: WriteJournal;
  /** Stops the write: the temp file is removed and the promise rejects with `cancelled()`. */
  signal?: AbortSignal;
  /** Tests only: damage the temp file after a chunk is written, watch the read-back's blocks. */
  testHooks?: ZipWriteTestHooks;
}

export interface ZipWriteTestHooks {
  onChunkWritten?: ChunkWrittenHook;
  onBlockRead?: ReadBackOptions['onBlockRead'];
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
    const known = knownHashes(entries);
    const { written, layout } = await timed('zip writing (sources read, written, flushed)', 0, () => writeZip(tempPath, entries, known, options));
    if (options.readBack ?? true) {
      await timed('read-back (the whole zip, from the disk)', 0, () => readBack(tempPath, entries, written, layout, options));
    }
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

/**
 * Each entry's SHA-256 where it is known before writing: evidence names its own, an in-memory
 * file is hashed here (small). In-memory bytes that differ from what was approved are refused now.
 */
function knownHashes(entries: readonly ZipWriteEntry[]): (string | undefined)[] {
  return entries.map((entry) => {
    if (entry.source.kind !== 'data') return entry.expectedSha256;
    const actual = createHash('sha256').update(entry.source.data).digest('hex');
    if (entry.expectedSha256 && entry.expectedSha256 !== actual) throw storeMismatch(entry, actual);
    return actual;
  });
}

function storeMismatch(entry: ZipWriteEntry, actual: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `Tệp «${entry.label}» trong kho không còn khớp với bản đã duyệt (mã SHA-256 khác); chưa tạo gói. Hãy kiểm tra kho tài liệu kiểm chứng.`,
    { expected: entry.expectedSha256, actual },
  );
}

/**
 * Reads the finished zip back from the disk and proves every byte (zip-read-back.ts). A stored
 * file whose bytes on the disk do not hash to what was expected is looked at once more at its
 * source: changed there, it is the store's fault (refused as such); unchanged, it is the disk's.
 */
async function readBack(
  tempPath: string,
  entries: readonly ZipWriteEntry[],
  written: readonly WrittenEntry[],
  layout: { size: number; crc: ReadBackPlan['crc'] },
  options: ZipWriteOptions,
): Promise<void> {
  const plan: ReadBackPlan = { size: layout.size, crc: layout.crc, sha: await storedDataRanges(tempPath, written) };
  const problems = await readBackZip(tempPath, plan, {
    ...(options.onReadBackBytes ? { onBytes: (n: number) => options.onReadBackBytes!(n, layout.size) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    cancelled,
    ...(options.testHooks?.onBlockRead ? { onBlockRead: options.testHooks.onBlockRead } : {}),
  });
  if (problems.length === 0) return;
  for (const problem of problems) {
    if (problem.kind !== 'sha') continue;
    const entry = entries.find((e) => e.entryPath === problem.entryPath);
    if (entry?.expectedSha256 && entry.source.kind === 'path') {
      const atSource = await hashFile(entry.source.path).then((h) => h.sha256, () => null);
      if (atSource !== entry.expectedSha256) throw storeMismatch(entry, atSource ?? problem.actual);
    }
  }
  throw new ReadBackMismatch(firstPosition(problems[0]!, plan));
}

function firstPosition(problem: ReadBackProblem, plan: ReadBackPlan): number {
  if (problem.kind === 'sha') return plan.sha.find((s) => s.entryPath === problem.entryPath)?.start ?? 0;
  return problem.kind === 'short' ? problem.size : problem.start;
}

/** Where each stored (not deflated) file's data lies in the zip, with the SHA-256 it must have. */
async function storedDataRanges(tempPath: string, written: readonly WrittenEntry[]): Promise<ReadBackPlan['sha']> {
  const byPath = new Map(written.map((w) => [w.entryPath, w]));
  // Our own zip, just written: the limits against hostile zips are the caller's check's business.
  const opened = await openZipSafely(tempPath, OWN_ZIP);
  if (!opened.ok) throw new ReadBackMismatch(0);
  try {
    return opened.opened.entries
      .filter((info) => !info.isDirectory && info.entry.compressionMethod === 0 && byPath.has(info.name))
      .map((info) => ({ start: info.dataStart, length: info.compressedSize, sha256: byPath.get(info.name)!.sha256, entryPath: info.name }));
  } finally {
    opened.opened.close();
  }
}

const OWN_ZIP: ZipLimits = {
  maxEntries: Infinity,
  maxEntryBytes: Infinity,
  maxTotalBytes: Infinity,
  maxTotalRatio: Infinity,
  totalFloorBytes: Infinity,
  maxRatio: Infinity,
  ratioFloorBytes: Infinity,
  maxManifestBytes: Infinity,
};


function writeZip(
  tempPath: string,
  entries: readonly ZipWriteEntry[],
  known: readonly (string | undefined)[],
  options: ZipWriteOptions,
): Promise<{ written: WrittenEntry[]; layout: ReturnType<ZipFileWriter['layout']> }> {
  useNativeCrc32ForYazl();
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const pool = new BufferPool(POOL_BUFFERS, READ_CHUNK);
    const out = zipFileWriter(tempPath, pool, {
      record: options.readBack ?? true,
      ...(options.testHooks?.onChunkWritten ? { onChunkWritten: options.testHooks.onChunkWritten } : {}),
    });
    // In the entries' order, whichever digest comes in first.
    const byIndex: (WrittenEntry | undefined)[] = [];
    const written = () => byIndex.filter((w): w is WrittenEntry => w !== undefined);
    // Each entry's hash is finished on the worker while the next entries already stream.
    const digests: Promise<void>[] = [];
    const mtime = options.mtime ?? new Date();
    // One worker hashes the files read into pool buffers whose hash is not known beforehand, one
    // after another (yazl pumps one entry at a time); started on the first such file.
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
        if (!failed) resolve({ written: written(), layout: out.layout() });
      });
    });
    zip.outputStream.on('error', fail);
    zip.outputStream.pipe(out);

    entries.forEach((entry, index) => {
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
        const knownSha256 = known[index];
        const hasher = knownSha256 ? null : pooled ? (worker ??= workerHasher()) : inThreadHasher();
        const passing = passingStream(entry, knownSha256, hasher, pool, options.onBytes, fail);
        digests.push(passing.digest.then((result) => void (byIndex[index] = result), fail));
        source.on('error', (error: Error) =>
          fail(new AppError('IO_ERROR', `Không đọc được tệp «${entry.label}» (có thể đã bị xoá, di chuyển hoặc ổ đĩa bị rút ra); chưa tạo gói.`, error)),
        );
        // The failure is reported through fail(); yazl's pipe() has no error listener of its own.
        passing.stream.on('error', () => undefined);
        cb(null, source.pipe(passing.stream));
      });
    });
    const final = options.finalEntry;
    if (final) {
      // Lazy: yazl asks for it only after every entry before it is written, so the hashes are known.
      zip.addReadStreamLazy(final.entryPath, { compress: true, mtime }, (cb) => {
        void Promise.all(digests).then(() => {
          if (!failed) cb(null, Readable.from([final.build(written())]));
        });
      });
    }
    zip.end();
  });
}

/**
 * Counts the bytes on their way into the zip and, for a file whose hash is not known beforehand,
 * hashes them, without holding them up: each chunk goes on at once, and its pool buffer is held
 * until the worker has hashed it as well as until the writer has taken it, so it cannot be
 * refilled while either still reads it. Waiting for the hash before passing a chunk on (and for
 * the digest at the end of each file) left the worker and the writer taking turns: the export ran
 * at a third of the speed of copying. A file whose hash is known is hashed by the read-back
 * instead, from the disk.
 */
function passingStream(
  entry: ZipWriteEntry,
  knownSha256: string | undefined,
  hasher: ChunkHasher | null,
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
      if (hasher) {
        pool.hold(chunk);
        timed('sha256 round trip (worker)', chunk.length, () => hasher.update(chunk)).then(
          () => pool.release(chunk),
          (error: unknown) => fail(error),
        );
      }
      next(null, chunk);
    },
    flush(next) {
      const entrySize = size;
      if (!hasher) {
        settle.resolve({ entryPath: entry.entryPath, sha256: knownSha256!, size: entrySize });
        return next();
      }
      hasher.digest().then((sha256) => {
        if (entry.expectedSha256 && entry.expectedSha256 !== sha256) {
          settle.reject(storeMismatch(entry, sha256));
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

