import type { FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { FLUSH_EVERY } from './direct-write';

/**
 * Copies a large file and hashes the copy with SHA-256, on two worker threads that each run a
 * plain synchronous loop, as `cp` does:
 *
 * - the copier reads the source and writes the copy, COPY_CHUNK bytes at a time;
 * - the hasher reads back what the copier has written (from the page cache: the bytes just
 *   written) and hashes it, a few chunks behind, on the other core.
 *
 * Why (measured with CCHC_IO_PROFILE=1 and bench/import-profile.ts; figures in ARCHITECTURE.md,
 * «Writing large files»): the earlier import read, hashed and wrote each 1 MiB chunk through three
 * asynchronous hops (a thread-pool read, a message to the hash worker, a thread-pool write). On a
 * busy 2-core machine every hop waits for the scheduler, and the reads, one after another, took
 * 60–80 % of the import. Here the threads meet only through a shared counter (Atomics: a futex,
 * touched only when the hasher has caught up), and the main thread just polls the counter for
 * progress, cancel and the background flush. 256 KiB chunks stay in the core's cache between the
 * read and the write (or the hash): 1 MiB chunks measured 2–3× slower here, as `dd bs=1M` costs
 * twice the system time of `bs=128k`.
 *
 * What the hash guarantees: it is the hash of the bytes in the copy itself (read back from it),
 * so the stored file always matches its name. Whether the copy is the source as it was is the
 * caller's check (size and modification time unchanged from before the copy to after it).
 *
 * The copy is durable only after the caller's fsync; meanwhile an fdatasync every FLUSH_EVERY
 * bytes (one at a time, started from the main thread) keeps the disk busy during the copy, as
 * direct-write's buffered strategy does.
 */
export const COPY_CHUNK = 256 * 1024;

/**
 * How a large import by path copies: 'loop' (the default: file-store's loop, thread-pool reads and
 * writes, the hash on a worker by message) or 'workers' (this module), chosen with
 * CCHC_IMPORT_COPY=workers. Not the default: on the busy 2-core VM it was measured on, five
 * interleaved rounds of 512 MiB gave the loop 0.44× of `cp` + `sync` and the workers 0.26×
 * (ARCHITECTURE.md, «Importing a large file by path»); it is kept, opt-in, to be measured on a
 * quiet machine, where its threads do not wait on each other's scheduling.
 */
export function importCopy(): 'system' | 'loop' | 'workers' {
  const chosen = process.env.CCHC_IMPORT_COPY;
  return chosen === 'workers' || chosen === 'loop' ? chosen : 'system';
}

/** One line for the benchmark: how a large import by path copies and hashes (no choice at run time). */
export function describeImportCopy(): string {
  if (importCopy() === 'system') return `the system copies the file (copyFile, as cp does) while a worker thread reads it again from the cache and hashes it, 4 MiB at a time (default; CCHC_IMPORT_COPY=loop for the read-hash-write loop)`;
  return importCopy() === 'workers'
    ? `copier + hasher worker threads, ${COPY_CHUNK / 1024} KiB chunks, the hash read back from the copy, fdatasync every ${FLUSH_EVERY / 1024 / 1024} MiB (CCHC_IMPORT_COPY=workers)`
    : `one loop on the main thread, 1 MiB thread-pool reads (2 ahead) and writes, SHA-256 on a worker by message, fdatasync every ${FLUSH_EVERY / 1024 / 1024} MiB (CCHC_IMPORT_COPY=loop)`;
}

export interface CopyAndHashResult {
  sha256: string;
  size: number;
  /** Milliseconds from the start until the copier, and the hasher, had finished (for profiling). */
  copyMs: number;
  hashMs: number;
}

/** Where a copy failed: reading the source, or writing (or reading back) the copy. */
export class CopyFailure extends Error {
  constructor(
    readonly side: 'source' | 'copy',
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

// control[0]: bytes copied so far; control[1]: state (RUNNING, COPIED, STOP).
const RUNNING = 0n;
const COPIED = 1n;
const STOP = 2n;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readSync, writeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { role, sourceFd, copyFd, readBackFd, chunk } = workerData;
const control = new BigInt64Array(workerData.control);
const buffer = Buffer.allocUnsafe(chunk);
const stopped = () => Atomics.load(control, 1) === ${STOP}n;
const stop = () => { Atomics.store(control, 1, ${STOP}n); Atomics.notify(control, 0); };
let side = 'source';
(function run() { try {
  if (role === 'copy') {
    let at = 0;
    for (;;) {
      if (stopped()) return parentPort.postMessage({ ok: false, stopped: true });
      side = 'source';
      const n = readSync(sourceFd, buffer, 0, chunk, at);
      if (n === 0) break;
      side = 'copy';
      for (let done = 0; done < n; ) {
        const k = writeSync(copyFd, buffer, done, n - done, at + done);
        if (k === 0) throw Object.assign(new Error('write returned 0 bytes'), { code: 'EIO' });
        done += k;
      }
      at += n;
      Atomics.store(control, 0, BigInt(at));
      Atomics.notify(control, 0);
    }
    // The count is final before the state says so: the hasher reads the state first.
    Atomics.store(control, 1, ${COPIED}n);
    Atomics.notify(control, 0);
    parentPort.postMessage({ ok: true, size: at });
  } else {
    side = 'copy';
    const hash = createHash('sha256');
    let at = 0;
    for (;;) {
      const state = Atomics.load(control, 1);
      if (state === ${STOP}n) return parentPort.postMessage({ ok: false, stopped: true });
      const copied = Atomics.load(control, 0);
      const ready = Number(copied) - at;
      if (state === ${RUNNING}n && ready < chunk) {
        // Caught up with the copier: sleep until it writes more (or 50 ms, to look at the state).
        Atomics.wait(control, 0, copied, 50);
        continue;
      }
      if (ready === 0) break;
      const want = Math.min(chunk, ready);
      const n = readSync(readBackFd, buffer, 0, want, at);
      if (n !== want) throw Object.assign(new Error('the copy is shorter than what was written'), { code: 'EIO' });
      hash.update(buffer.subarray(0, n));
      at += n;
    }
    parentPort.postMessage({ ok: true, size: at, sha256: hash.digest('hex') });
  }
} catch (error) {
  stop();
  parentPort.postMessage({ ok: false, side, code: error && error.code, message: String(error && error.message) });
} })();
`;

type Reply = { ok: true; size: number; sha256?: string } | { ok: false; stopped?: boolean; side?: 'source' | 'copy'; code?: string; message?: string };

/**
 * Copies `source` (open for reading) into `copy` (open for writing, empty; `readBack` is the same
 * file open for reading) and hashes the copy. `onProgress(n)` runs on the main thread as bytes are
 * copied (every PROGRESS_MS, and once at the end); if it throws, the copy stops and this rejects
 * with what it threw (a cancel). Rejects with a CopyFailure on an I/O error, and with
 * WorkersUnavailable when no worker thread can be started (the caller copies another way).
 */
export async function copyAndHash(
  source: FileHandle,
  copy: FileHandle,
  readBack: FileHandle,
  onProgress: (n: number) => void,
  options: { chunk?: number } = {},
): Promise<CopyAndHashResult> {
  const control = new SharedArrayBuffer(16);
  const state = new BigInt64Array(control);
  const common = { sourceFd: source.fd, copyFd: copy.fd, readBackFd: readBack.fd, chunk: options.chunk ?? COPY_CHUNK, control };
  const workers: Worker[] = [];
  const stop = () => {
    Atomics.store(state, 1, STOP);
    Atomics.notify(state, 0);
  };
  let failure: unknown = null;
  let reported = 0;
  let flushedTo = 0;
  let flushing: Promise<void> | null = null;
  const tick = () => {
    const copied = Number(Atomics.load(state, 0));
    if (copied > reported && !failure) {
      const n = copied - reported;
      reported = copied;
      try {
        onProgress(n);
      } catch (error) {
        failure = error;
        stop();
      }
    }
    if (copied - flushedTo >= FLUSH_EVERY && !flushing && !failure) {
      flushedTo = copied;
      // A failed flush is not fatal here: the caller's final fsync redoes its work and reports.
      flushing = copy
        .datasync()
        .catch(() => undefined)
        .finally(() => (flushing = null));
    }
  };
  let timer: NodeJS.Timeout | null = null;
  const started = performance.now();
  try {
    const results = (['copy', 'hash'] as const).map((role) => {
      let worker: Worker;
      try {
        worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...common, role } });
      } catch (error) {
        throw new WorkersUnavailable(error);
      }
      workers.push(worker);
      return new Promise<Reply & { ms?: number }>((resolve) => {
        worker.once('message', resolve);
        worker.once('error', (error) => resolve({ ok: false, side: 'copy', message: String(error.message) }));
        worker.once('exit', () => resolve({ ok: false, side: 'copy', message: 'copy worker stopped' }));
      }).then((reply) => {
        // One side failing stops the other (a hasher waiting for bytes that will not come).
        if (!reply.ok) stop();
        return { ...reply, ms: performance.now() - started };
      });
    });
    timer = setInterval(tick, PROGRESS_MS);
    const [copied, hashed] = (await Promise.all(results)) as [Reply & { ms: number }, Reply & { ms: number }];
    clearInterval(timer);
    timer = null;
    tick();
    await flushing;
    if (failure) throw failure;
    // The side that failed first says why; the other one only stopped.
    for (const reply of [copied, hashed]) {
      if (!reply.ok && !reply.stopped) throw new CopyFailure(reply.side ?? 'copy', reply.code, reply.message ?? 'copy failed');
    }
    if (!copied.ok || !hashed!.ok || copied.size !== hashed.size || !hashed.sha256) {
      throw new CopyFailure('copy', 'EIO', 'the hash did not cover every byte copied');
    }
    return { sha256: hashed.sha256, size: copied.size, copyMs: copied.ms, hashMs: hashed.ms };
  } finally {
    if (timer) clearInterval(timer);
    stop();
    await flushing;
    await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
  }
}

/** How often the main thread looks at the copy's progress (for progress, cancel and flushes). */
const PROGRESS_MS = 20;

/** No worker thread could be started here: copy another way. */
export class WorkersUnavailable extends Error {
  constructor(readonly reason: unknown) {
    super('worker threads unavailable');
  }
}
