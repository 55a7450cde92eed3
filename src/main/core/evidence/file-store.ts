import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { chmod, copyFile, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { importCopy } from '../import-copy';
import { FLUSH_EVERY, largeFileWriter, writeFully, writeFullyAt, writeStrategy, type LargeFileWriter } from '../direct-write';
import type { IoProfile } from '../io-profile';
import { readAndHashOnWorker, SourceReadError } from '../read-hash-worker';
import { isAlive } from '../process-alive';
import { inThreadHasher, workerHasher, type ChunkHasher } from '../sha256-worker';
import { syncDirectory } from '../sync-directory';

/**
 * The content-addressed blob store under `<dataDir>/evidence/`:
 *
 *   tmp/<pid>-<uuid>.part   a copy in progress (hashed while it is written)
 *   files/ab/cdef….pdf      a stored file, named by its SHA-256 (plus the extension the viewer needs)
 *
 * Import order, so that a crash at any point leaves something recovery can clean: journal row in
 * evidence_pending → copy+hash into tmp/ → fsync → record the hash in the journal → rename into
 * files/ → fsync the folder → one transaction inserts the rows and deletes the journal row. A blob
 * in files/ without a row and without a live journal entry is an orphan; a .part file whose
 * process is gone is a leftover.
 */

export interface StorePaths {
  root: string;
  tmp: string;
  files: string;
}

export function storePaths(dataDir: string): StorePaths {
  const root = join(dataDir, 'evidence');
  return { root, tmp: join(root, 'tmp'), files: join(root, 'files') };
}

export function ensureStore(dataDir: string): StorePaths {
  const paths = storePaths(dataDir);
  mkdirSync(paths.tmp, { recursive: true });
  mkdirSync(paths.files, { recursive: true });
  return paths;
}

const BLOB_PATH = /^files\/([0-9a-f]{2})\/([0-9a-f]{62})(\.[a-z0-9]{1,8})?$/;

/** "files/ab/cdef….pdf", always with forward slashes (the same on every OS, in the database). */
export function blobRelativePath(sha256: string, ext: string): string {
  return `files/${sha256.slice(0, 2)}/${sha256.slice(2)}${ext}`;
}

/**
 * Absolute path of a stored blob. Refuses anything that is not exactly a blob name inside
 * files/, so a tampered database row cannot point the viewer at another file.
 */
export function resolveBlob(paths: StorePaths, rel: string): string {
  const m = BLOB_PATH.exec(rel);
  if (!m) throw new AppError('FORBIDDEN', 'Đường dẫn tệp không thuộc kho tài liệu kiểm chứng.', rel);
  const abs = resolve(paths.files, m[1]!, m[2]! + (m[3] ?? ''));
  const inside = relative(resolve(paths.files), abs);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
    throw new AppError('FORBIDDEN', 'Đường dẫn tệp không thuộc kho tài liệu kiểm chứng.', rel);
  }
  return abs;
}

export type ImportSource = { kind: 'path'; path: string; name: string } | { kind: 'buffer'; data: Buffer; name: string };

export interface StagedImport {
  token: string;
  tempPath: string;
  sha256: string;
  size: number;
  /** The first bytes, to recognise the kind without reading the file again. */
  head: Buffer;
}

const CHUNK = 4 * 1024 * 1024;
/**
 * Importing from a path: 1 MiB chunks, eight in flight (one being read, the others being hashed
 * and written). 4 MiB chunks measured no faster and cost 24 MiB more at the peak.
 */
const PATH_CHUNK = 1024 * 1024;
const SLOTS = 8;
/**
 * Reads in flight ahead of the copy loop (see copyFromPath). Measured on the busy 2-core VM,
 * interleaved in one run, against 1 (the loop before): 512 MiB × 5 rounds 0.82× of cp + sync
 * against 0.66× (4 ahead: 0.52×), 1 GiB × 3 rounds 0.29× against 0.24×.
 */
const READ_AHEAD = 2;
/** From this size the hash runs on a worker thread (starting one costs a few milliseconds). */
export const PARALLEL_HASH_FROM = 16 * 1024 * 1024;
/** How much of a file's start is kept to recognise its kind (see StagedImport.head); uploads keep the same. */
export const HEAD_BYTES = 4096;

/**
 * Copies the source into tmp/ while hashing it, in one pass with a few fixed buffers: reading the
 * next chunk, hashing (on a worker thread for a large file, so on the other core) and writing the
 * ones before overlap, and memory stays constant whatever the file size.
 */
export async function stageImport(
  db: Db,
  paths: StorePaths,
  source: ImportSource,
  onBytes: (n: number) => void,
  profile: IoProfile | null = null,
): Promise<StagedImport> {
  const staging = await openStaging(db, paths, source.name);
  profile?.lap('journal row + create temp file');
  try {
    const staged =
      source.kind === 'path' ? await copyFromPath(source, staging, onBytes, profile) : await copyFromBuffer(source, staging.out, onBytes);
    await sealStaging(staging);
    profile?.lap('final fsync + close');
    return { token: staging.token, tempPath: staging.tempPath, ...staged };
  } catch (error) {
    await abandonStaging(db, staging);
    throw translateWriteError(error, source.name);
  }
}

/** A temp file being written, registered in the import journal (used by uploads that arrive in chunks). */
export interface Staging {
  token: string;
  tempPath: string;
  out: FileHandle;
  closed: boolean;
}

export async function openStaging(db: Db, paths: StorePaths, name: string): Promise<Staging> {
  const token = `${process.pid}-${randomUUID()}`;
  const tempPath = join(paths.tmp, `${token}.part`);
  db.prepare('INSERT INTO evidence_pending (token, pid, started_at) VALUES (?, ?, ?)').run(token, process.pid, new Date().toISOString());
  try {
    return { token, tempPath, out: await open(tempPath, 'wx'), closed: false };
  } catch (error) {
    db.prepare('DELETE FROM evidence_pending WHERE token = ?').run(token);
    throw translateWriteError(error, name);
  }
}

/** Makes the copy durable (fsync) and closes it; the next step is promoteStaged. */
export async function sealStaging(staging: Staging): Promise<void> {
  await staging.out.sync();
  staging.closed = true;
  await staging.out.close();
  crashHook('after-copy');
}

/** Closes (if needed) and deletes the temp file and its journal row. */
export async function abandonStaging(db: Db, staging: Staging): Promise<void> {
  if (!staging.closed) {
    staging.closed = true;
    await staging.out.close().catch(() => undefined);
  }
  await discardStaged(db, staging);
}

async function copyFromBuffer(source: { data: Buffer; name: string }, out: FileHandle, onBytes: (n: number) => void) {
  if (source.data.length === 0) throw emptyFile(source.name);
  const sha256 = createHash('sha256').update(source.data).digest('hex');
  await writeFully(out, source.data);
  onBytes(source.data.length);
  return { sha256, size: source.data.length, head: Buffer.from(source.data.subarray(0, HEAD_BYTES)) };
}

async function copyFromPath(source: { path: string; name: string }, staging: Staging, onBytes: (n: number) => void, profile: IoProfile | null) {
  const out = staging.out;
  let input: FileHandle;
  try {
    input = await open(source.path, 'r');
  } catch (error) {
    throw sourceError(error, source.name);
  }
  let hasher: ChunkHasher | null = null;
  let writer: LargeFileWriter | null = null;
  const slots: { buffer: Buffer; busy: Promise<void> }[] = [];
  // Reads started and not yet taken by the loop, awaited before the buffers and the source are given up.
  const reads: Promise<number>[] = [];
  try {
    const before = await input.stat();
    if (!before.isFile()) throw new AppError('VALIDATION_FAILED', `«${source.name}» không phải là tệp (có thể là thư mục).`);
    if (before.size === 0) throw emptyFile(source.name);
    const parallel = before.size >= PARALLEL_HASH_FROM;
    if (parallel && writeStrategy() === 'buffered' && importCopy() === 'system') {
      const copied = await copyBySystemHashBeside(source, staging, onBytes, profile);
      if (copied) {
        await checkUnchanged(source, before.size, before.mtimeMs, copied.size);
        profile?.lap('source unchanged check');
        return copied;
      }
    }
    hasher = parallel ? workerHasher() : inThreadHasher();
    // A large file is written the way direct-write chooses (buffered one write at a time with
    // background flushes, or past the page cache), which also keeps the disk busy during the copy.
    writer = parallel ? await largeFileWriter(staging.tempPath, out) : null;
    const count = Math.max(1, Math.min(SLOTS, Math.ceil(before.size / PATH_CHUNK)));
    const buffers = writer ? await writer.alignedSharedBuffers(count, PATH_CHUNK) : Array.from({ length: count }, () => Buffer.allocUnsafe(PATH_CHUNK));
    const write = writer ? (chunk: Buffer, at: number) => writer!.writeAt(chunk, at) : (chunk: Buffer, at: number) => writeFullyAt(out, chunk, at);
    for (const buffer of buffers) slots.push({ buffer, busy: Promise.resolve() });
    profile?.lap('open + stat source, start worker, buffers');
    profile?.add('copy loop (read, hash on the worker, write)', 0);
    let head: Buffer | null = null;
    let done = 0;
    // Reads run READ_AHEAD chunks ahead of the loop, each at its own position, into its slot once
    // that slot's previous chunk is hashed and written: the profile showed the loop waiting on
    // one read after another (each a thread-pool hop) most of the time.
    const readAhead = Math.min(READ_AHEAD, slots.length - 1);
    const startRead = (index: number) => {
      const slot = slots[index % slots.length]!;
      return quiet(slot.busy.then(() => readChunk(input, slot.buffer, source.name, index * PATH_CHUNK)));
    };
    for (let index = 0; index < Math.max(1, readAhead); index++) reads.push(startRead(index));
    for (let index = 0; ; index++) {
      const slot = slots[index % slots.length]!;
      const waitFrom = profile ? performance.now() : 0;
      const bytesRead = await reads.shift()!;
      if (profile) profile.add('  copy loop: waiting for the next read (and its slot)', performance.now() - waitFrom);
      if (bytesRead === 0) break;
      const chunk = slot.buffer.subarray(0, bytesRead);
      head ??= Buffer.from(chunk.subarray(0, HEAD_BYTES));
      // Reading the next chunk, hashing this one (on the worker) and writing it all overlap (the
      // writer queues buffered writes in this order, one at a time). quiet(): a rejection is seen
      // when the slot is next awaited (or at the end), not reported as unhandled meanwhile.
      const hashed = hasher.update(chunk);
      const written = write(chunk, done);
      slot.busy = quiet(Promise.all([hashed, written]).then(() => undefined));
      done += bytesRead;
      onBytes(bytesRead);
      // A short read is the end of the file (or a file cut meanwhile: checkUnchanged refuses it).
      // The next read is started only now, after this slot's busy is set: with one slot it is this one.
      if (bytesRead < PATH_CHUNK) break;
      reads.push(startRead(index + Math.max(1, readAhead)));
    }
    profile?.lap('copy loop (read, hash on the worker, write)');
    for (const slot of slots) await slot.busy;
    await writer?.settle();
    profile?.lap('last writes + background flush');
    await checkUnchanged(source, before.size, before.mtimeMs, done);
    const sha256 = await hasher.digest();
    profile?.lap('source unchanged check + digest');
    return { sha256, size: done, head: head ?? Buffer.alloc(0) };
  } finally {
    // On an error, let writes still in flight end before the caller closes and deletes the file.
    await Promise.allSettled(slots.map((s) => s.busy));
    await Promise.allSettled(reads);
    await hasher?.close().catch(() => undefined);
    await writer?.closeDirect();
    await input.close().catch(() => undefined);
  }
}

/**
 * The operating system copies the file (copyFile: copy_file_range on Linux, CopyFileW on Windows,
 * as `cp` does) while a worker thread reads the source again from the page cache and hashes it.
 * The hash is of the source's bytes, not of the bytes written; the size and modification time
 * checked before and after stand for "the source did not change meanwhile".
 */
async function copyBySystemHashBeside(
  source: { path: string; name: string },
  staging: Staging,
  onBytes: (n: number) => void,
  profile: IoProfile | null,
): Promise<{ sha256: string; size: number; head: Buffer } | null> {
  // Three 2 MiB slots: as fast as four of 4 MiB (0.87× against 0.88× of cp + sync, 2 GiB) with
  // 10 MB less at the peak, which the bench holds under 150 MB.
  const stream = readAndHashOnWorker(source.path, 2 * PATH_CHUNK, 3);
  if (!stream) return null;
  // The system's copy opens the file itself: ours is closed first (Windows would refuse a copy onto
  // a file held open) and opened again after, read-write, for the final fsync.
  staging.closed = true;
  await staging.out.close();
  // The system's copy only fills the page cache (2 GiB in a third of a second here), and a file
  // under the kernel's background-writeback threshold (10 % of memory) then waits dirty for our
  // fsync. So the copy is flushed as soon as it is in the cache, while the worker is still
  // hashing: the disk writes during the hash instead of after it (measured: 2.9 s → see
  // ARCHITECTURE.md, «Importing a large file by path»). The caller's fsync then finds it clean.
  const copied = quiet(
    copyFile(source.path, staging.tempPath).then(async () => {
      await chmod(staging.tempPath, 0o600); // CopyFileW carries a read-only attribute over
      staging.out = await open(staging.tempPath, 'r+');
      staging.closed = false;
      profile?.lap('system copy into the page cache');
      // A failed early flush is not fatal: the caller's fsync redoes its work and reports.
      await staging.out.datasync().catch(() => undefined);
    }),
  );
  let head: Buffer | null = null;
  let done = 0;
  try {
    profile?.lap('open + stat source, start worker');
    for (;;) {
      const chunk = await stream.next();
      if (!chunk) break;
      head ??= Buffer.from(chunk.slot.subarray(0, HEAD_BYTES));
      stream.release(chunk);
      done += chunk.length;
      onBytes(chunk.length);
    }
    profile?.lap('hash (worker) while the system copies and flushes');
    await copied;
    profile?.lap('rest of the copy and its flush');
    return { sha256: await stream.digest(), size: done, head: head ?? Buffer.alloc(0) };
  } catch (error) {
    throw sourceErrorIfRead(error, source.name);
  } finally {
    await stream.close();
    // A cancel cannot stop the system's copy: wait for it before the caller removes the file.
    await copied.catch(() => undefined);
  }
}

/** A read error from the worker reads like the loop's own read errors. */
function sourceErrorIfRead(error: unknown, name: string): unknown {
  return error instanceof SourceReadError ? sourceError(error, name) : error;
}

/**
 * Flushes written data to disk while the copy goes on (fdatasync every FLUSH_EVERY bytes, one at a
 * time), so the final fsync finds little left to write: the disk works during the copy instead of
 * after it. Without this a large file sits in the page cache until the final fsync writes it all.
 * For uploads, which arrive one chunk at a time (large imports by path: largeFileWriter does it).
 */
export class BackgroundFlush {
  private pending = 0;
  private flushing: Promise<void> | null = null;

  constructor(private readonly out: FileHandle) {}

  wrote(bytes: number): void {
    this.pending += bytes;
    if (this.pending < FLUSH_EVERY || this.flushing) return;
    this.pending = 0;
    this.flushing = this.out
      .datasync()
      .catch(() => undefined)
      .finally(() => (this.flushing = null));
  }

  /** Waits for a flush in flight; a failed flush is ignored: the final fsync redoes its work and reports. */
  async done(): Promise<void> {
    await this.flushing;
  }
}

function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function readChunk(input: FileHandle, buffer: Buffer, name: string, position: number | null = null): Promise<number> {
  try {
    const { bytesRead } = await input.read(buffer, 0, buffer.length, position);
    return bytesRead;
  } catch (error) {
    throw sourceReadError(error, name);
  }
}

function sourceReadError(error: unknown, name: string): AppError {
  return new AppError(
    'IO_ERROR',
    `Không đọc được hết tệp «${name}» (lỗi đọc đĩa, hoặc ổ chứa tệp vừa bị rút ra); chưa lưu gì, hãy đính kèm lại.`,
    error,
  );
}

/** The source must still be there, with the size and time it had when the copy began. */
async function checkUnchanged(source: { path: string; name: string }, size: number, mtimeMs: number, copied: number): Promise<void> {
  const changed = () =>
    new AppError('IO_ERROR', `Tệp «${source.name}» đã bị thay đổi, di chuyển hoặc xoá trong khi sao chép; chưa lưu gì, hãy đính kèm lại.`);
  let now;
  try {
    now = await stat(source.path);
  } catch (error) {
    throw Object.assign(changed(), { detail: error });
  }
  if (copied !== size || now.size !== size || now.mtimeMs !== mtimeMs) throw changed();
}

export function emptyFile(name: string): AppError {
  return new AppError('VALIDATION_FAILED', `Tệp «${name}» rỗng (0 byte), không dùng làm tài liệu kiểm chứng được.`);
}

function sourceError(error: unknown, name: string): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('NOT_FOUND', `Không tìm thấy tệp «${name}» (có thể đã bị xoá hoặc di chuyển).`, error);
  if (code === 'EACCES' || code === 'EPERM') return new AppError('IO_ERROR', `Không có quyền đọc tệp «${name}».`, error);
  if (code === 'EISDIR') return new AppError('VALIDATION_FAILED', `«${name}» là thư mục, không phải tệp.`, error);
  if (code === 'EBUSY') return new AppError('IO_ERROR', `Tệp «${name}» đang được chương trình khác khoá; hãy đóng chương trình đó rồi thử lại.`, error);
  return new AppError('IO_ERROR', `Không mở được tệp «${name}».`, error);
}

export function translateWriteError(error: unknown, name: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new AppError('IO_ERROR', `Ổ đĩa chứa dữ liệu đã đầy khi lưu «${name}»; chưa lưu gì.`, error);
  return new AppError('IO_ERROR', `Không lưu được «${name}» vào kho tài liệu; chưa lưu gì.`, error);
}

/** Moves a staged copy into files/ under its hash name; the journal names the hash first. */
export async function promoteStaged(db: Db, paths: StorePaths, staged: StagedImport, rel: string): Promise<string> {
  db.prepare('UPDATE evidence_pending SET sha256 = ? WHERE token = ?').run(staged.sha256, staged.token);
  const target = resolveBlob(paths, rel);
  const dir = join(target, '..');
  mkdirSync(dir, { recursive: true });
  await rename(staged.tempPath, target);
  // Read-only, so a viewer opened on the stored file (Word, Excel) cannot save over the evidence.
  await chmod(target, 0o444).catch(() => undefined);
  syncDirectory(dir);
  crashHook('after-rename');
  return target;
}

/** Call inside the transaction that inserts the rows: the import is then complete. */
export function finishStaged(db: Db, token: string): void {
  db.prepare('DELETE FROM evidence_pending WHERE token = ?').run(token);
}

export async function discardStaged(db: Db, staged: { token: string; tempPath: string }): Promise<void> {
  await rm(staged.tempPath, { force: true }).catch(() => undefined);
  db.prepare('DELETE FROM evidence_pending WHERE token = ?').run(staged.token);
}


/** Deletes a blob no row refers to any more; a missing file is not an error. */
export function removeBlob(paths: StorePaths, rel: string): void {
  const abs = resolveBlob(paths, rel);
  // Windows refuses to delete a read-only file.
  try {
    chmodSync(abs, 0o644);
  } catch {
    return; // already gone
  }
  rmSync(abs, { force: true });
}

/** SHA-256 of a file in one streaming pass: the next read overlaps hashing the current chunk. */
export async function hashFile(file: string, onBytes: (n: number) => void = () => undefined): Promise<{ sha256: string; size: number }> {
  const input = await open(file, 'r');
  try {
    const hash = createHash('sha256');
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let index = 0;
    let size = 0;
    let reading = quiet(input.read(buffers[0]!, 0, CHUNK, null));
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      const chunk = buffers[index % 2]!.subarray(0, bytesRead);
      index += 1;
      reading = quiet(input.read(buffers[index % 2]!, 0, CHUNK, null));
      hash.update(chunk);
      size += bytesRead;
      onBytes(bytesRead);
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    await input.close();
  }
}

export interface RecoveryReport {
  /** Half-copied files in tmp/ left by an import that did not finish (named in the journal). */
  removedTempFiles: string[];
  /** Blobs in files/ that a dead import put there before its rows were committed (named in the journal). */
  removedOrphans: string[];
  /** Journal rows of imports whose process is gone. */
  clearedJournalEntries: number;
  /**
   * Files without a row that no import journal names (a row removed outside the app, a database
   * older than its files, a delete cut short): moved, never deleted, to quarantineDir.
   */
  quarantined: string[];
  /** "quarantine/2026-12-04T17-30-00-000Z" under the data folder, when anything was moved. */
  quarantineDir: string | null;
}

/**
 * Startup clean-up. Deletes only what the import journal says a dead import began: its temp
 * copy in tmp/ and the blob it renamed into files/ before its rows were committed. Every other
 * file without a row is moved to a quarantine folder and reported: the app never deletes a
 * stored document on its own, even when its row is gone. Imports still running in another live
 * process (the CLI beside the app) are left alone.
 */
export function recoverEvidenceStore(db: Db, dataDir: string, now: Date = new Date()): RecoveryReport {
  const paths = ensureStore(dataDir);
  const report: RecoveryReport = { removedTempFiles: [], removedOrphans: [], clearedJournalEntries: 0, quarantined: [], quarantineDir: null };
  const quarantine = new Quarantine(dataDir, now, report);

  const pending = db.prepare('SELECT token, pid, sha256, started_at FROM evidence_pending').all() as {
    token: string;
    pid: number;
    sha256: string | null;
    started_at: string;
  }[];
  // A row with this process's own pid but older than this process was left by an earlier run that
  // happened to get the same pid (common in containers and sandboxes with their own pid space).
  const processStart = Date.now() - process.uptime() * 1000;
  const liveTokens = new Set<string>();
  const liveHashes = new Set<string>();
  const deadTokens = new Set<string>();
  const deadHashes = new Set<string>();
  for (const row of pending) {
    const live = row.pid === process.pid ? Date.parse(row.started_at) >= processStart : isAlive(row.pid);
    if (live) {
      liveTokens.add(row.token);
      if (row.sha256) liveHashes.add(row.sha256);
    } else {
      deadTokens.add(row.token);
      if (row.sha256) deadHashes.add(row.sha256);
    }
  }

  for (const name of readdirSync(paths.tmp)) {
    const token = name.replace(/\.part$/, '');
    const pid = Number(/^(\d+)-/.exec(name)?.[1] ?? NaN);
    if (liveTokens.has(token) || (Number.isInteger(pid) && pid !== process.pid && isAlive(pid))) continue;
    if (deadTokens.has(token) && name.endsWith('.part')) {
      rmSync(join(paths.tmp, name), { force: true, recursive: true });
      report.removedTempFiles.push(`tmp/${name}`);
    } else {
      quarantine.move(join(paths.tmp, name), `evidence/tmp/${name}`, `tmp/${name}`);
    }
  }

  const known = new Set(db.prepare('SELECT stored_path FROM evidence_file').pluck().all() as string[]);
  for (const prefix of readdirSync(paths.files)) {
    const dir = join(paths.files, prefix);
    if (!statSync(dir).isDirectory()) {
      quarantine.move(dir, `evidence/files/${prefix}`, `files/${prefix}`);
      continue;
    }
    for (const name of readdirSync(dir)) {
      const rel = `files/${prefix}/${name}`;
      if (known.has(rel)) continue;
      const sha = prefix + name.replace(/\..*$/, '');
      if (liveHashes.has(sha)) continue;
      if (deadHashes.has(sha) && BLOB_PATH.test(rel)) {
        try {
          chmodSync(join(dir, name), 0o644);
        } catch {
          // Gone already: rmSync below copes.
        }
        rmSync(join(dir, name), { force: true });
        report.removedOrphans.push(rel);
      } else {
        quarantine.move(join(dir, name), `evidence/${rel}`, rel);
      }
    }
    if (readdirSync(dir).length === 0) {
      try {
        rmdirSync(dir);
      } catch {
        // Another process may just have put a file there.
      }
    }
  }
  // Journal rows go last: a crash during this clean-up leaves them to name their files next time.
  for (const token of deadTokens) {
    db.prepare('DELETE FROM evidence_pending WHERE token = ?').run(token);
    report.clearedJournalEntries += 1;
  }
  quarantine.writeNote();
  return report;
}

/** The data folder's quarantine: files the app would not delete but no row names (backups include it). */
export const QUARANTINE_DIR = 'quarantine';

/**
 * `<data>/quarantine/<start-up time>/`, made on the first file moved there, with the store's own
 * layout below it (evidence/files/ab/…) and a note saying what happened and what to do.
 */
class Quarantine {
  private readonly dir: string;
  private readonly relDir: string;

  constructor(
    private readonly dataDir: string,
    now: Date,
    private readonly report: RecoveryReport,
  ) {
    this.relDir = `${QUARANTINE_DIR}/${now.toISOString().replace(/[:.]/g, '-')}`;
    this.dir = join(dataDir, ...this.relDir.split('/'));
  }

  move(from: string, relTarget: string, reported: string): void {
    const target = join(this.dir, ...relTarget.split('/'));
    mkdirSync(join(target, '..'), { recursive: true });
    // Same file system (inside the data folder): a rename, never a copy that could half-fail.
    renameSync(from, target);
    syncDirectory(join(target, '..'));
    this.report.quarantined.push(reported);
    this.report.quarantineDir = this.relDir;
  }

  writeNote(): void {
    if (this.report.quarantined.length === 0) return;
    const note = [
      'CCHC Desk — tệp được cách ly khi khởi động',
      '',
      'Các tệp dưới đây nằm trong kho tài liệu kiểm chứng nhưng cơ sở dữ liệu không có dòng nào trỏ tới chúng,',
      'và nhật ký đính kèm không ghi là do một lần đính kèm dở dang tạo ra. Ứng dụng không xoá chúng mà chuyển vào đây.',
      'Nếu đó là tài liệu cần giữ, hãy đính kèm lại từ thư mục này; nếu cơ sở dữ liệu vừa bị thay bằng bản cũ hơn,',
      'hãy phục hồi bản sao lưu mới nhất (cchc restore).',
      '',
      ...this.report.quarantined.map((f) => `- ${f}`),
      '',
    ].join('\n');
    writeFileSync(join(this.dir, 'GHI-CHU.txt'), note, 'utf8');
    syncDirectory(this.dataDir);
  }
}

/**
 * Fault injection for the crash test only: with CCHC_EVIDENCE_CRASH_AT set to a stage name, the
 * import writes the marker file named by CCHC_EVIDENCE_CRASH_MARKER and then stops forever, so
 * the test can kill the process at exactly that point. Unset in the app.
 */
function crashHook(stage: 'after-copy' | 'after-rename'): void {
  if (process.env.CCHC_EVIDENCE_CRASH_AT !== stage) return;
  const marker = process.env.CCHC_EVIDENCE_CRASH_MARKER;
  if (marker) writeFileSync(marker, stage);
  const forever = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(forever, 0, 0, 60_000);
}

export function blobExists(paths: StorePaths, rel: string): boolean {
  try {
    return existsSync(resolveBlob(paths, rel));
  } catch {
    return false;
  }
}
