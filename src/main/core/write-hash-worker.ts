import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { writeFully } from './direct-write';

/**
 * Appends a stream of bytes to an open file and hashes them (SHA-256), for the browser upload:
 * the caller only copies the bytes it receives into a ring of shared slots; one worker thread
 * takes each filled slot, writes it at the file's end with a plain blocking write and hashes the
 * same bytes (so the hash is of what was written), then frees the slot. Caller and worker meet
 * through Atomics on shared counters: no message and no thread-pool hop per slot.
 *
 * Why (bench/upload.bench.ts, 1 GB, ARCHITECTURE.md «Browser upload»): with each 1 MiB slot
 * written through fs.promises (one at a time, in order) and sent to a hash worker by message, the
 * 1024 writes took 1.8–2.0 s of a 2.1–2.5 s upload (each waits for a thread-pool thread and then
 * for the busy event loop to see it finish), so the chain of writes set the pace.
 *
 * `push` copies a chunk into the ring and waits only when every slot is full (the sender is then
 * held back by TCP); `drain` publishes a part-filled slot and waits until everything pushed is
 * written and hashed; `digest` ends the stream. A failed write (disk full) is reported by the next
 * `push` or `drain`, with the system's error code; nothing after it is written. When a worker
 * cannot be started, everything runs on the calling thread: slower, never wrong.
 */
export interface WriteHasher {
  push(chunk: Uint8Array): Promise<void> | undefined;
  /** Resolves once every byte pushed is written and hashed. */
  drain(): Promise<void>;
  /** Bytes written so far (each one also hashed). */
  readonly written: number;
  /** The SHA-256 (hex) of everything written; call after `drain`, once. */
  digest(): Promise<string>;
  /** Stops the worker (idempotent): call on every path, before the file is closed. */
  close(): Promise<void>;
}

/**
 * The ring: SLOTS × SLOT_BYTES of shared memory (8 MiB per upload in flight). Half-MiB slots: a
 * slot is written and hashed while the bytes main just copied into it are still in the CPU's
 * cache. Measured (bench/upload.bench.ts builds A/B'd in one interleaved run, 5 rounds, 1 GB,
 * min/median MB/s): 8 × 1 MiB 466/499, 16 × 512 KiB 648/655, 8 × 512 KiB 574/658,
 * 16 × 256 KiB 488/661, 32 × 256 KiB 550/668; earlier run 4 × 2 MiB 218/318.
 */
const SLOTS = 16;
const SLOT_BYTES = 512 * 1024;

// Shared counters (Int32): slots published by the caller, slots done by the worker, and a state
// (0 running, then STOP from the caller or FAILED from the worker).
const PUBLISHED = 0;
const DONE = 1;
const STATE = 2;
const STOP = 1;
const FAILED = 2;

/** Atomics.waitAsync (ES2024, in the Node and Electron this runs on), typed here: the project's lib is ES2023. */
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number): { async: boolean; value: unknown } }).waitAsync;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { fd, ring, control, slots, slotBytes } = workerData;
const counters = new Int32Array(control, 0, 3);
const lengths = new Int32Array(control, 12, slots);
const hash = createHash('sha256');
let done = 0;
try {
  for (;;) {
    let published = Atomics.load(counters, 0);
    while (published === done && Atomics.load(counters, 2) === 0) {
      Atomics.wait(counters, 0, published);
      published = Atomics.load(counters, 0);
    }
    if (published === done) break;
    const slot = done % slots;
    const bytes = new Uint8Array(ring, slot * slotBytes, Atomics.load(lengths, slot));
    for (let at = 0; at < bytes.length; ) {
      const n = writeSync(fd, bytes, at, bytes.length - at, null);
      // A write that takes nothing would spin forever: the disk is failing.
      if (n === 0) throw Object.assign(new Error('write returned 0 bytes'), { code: 'EIO' });
      at += n;
    }
    hash.update(bytes);
    done += 1;
    Atomics.store(counters, 1, done);
    Atomics.notify(counters, 1);
  }
  parentPort.postMessage({ ok: true, hex: hash.digest('hex') });
} catch (error) {
  Atomics.store(counters, 2, 2);
  Atomics.notify(counters, 1);
  parentPort.postMessage({ ok: false, code: error && error.code, message: String(error && error.message) });
}
`;

type Outcome = { ok: true; hex: string } | { ok: false; code?: string; message: string };

export function workerWriteHasher(out: FileHandle): WriteHasher {
  const ring = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
  const control = new SharedArrayBuffer(12 + 4 * SLOTS);
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd: out.fd, ring, control, slots: SLOTS, slotBytes: SLOT_BYTES } });
  } catch {
    return inThreadWriteHasher(out);
  }
  const counters = new Int32Array(control, 0, 3);
  const lengths = new Int32Array(control, 12, SLOTS);
  const slotLengths = new Array<number>(SLOTS).fill(0);
  const ringBytes = new Uint8Array(ring);
  // The worker's one answer: the digest after a stop, or why it stopped writing.
  const outcome = new Promise<Outcome>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error) => resolve({ ok: false, message: error.message }));
    worker.once('exit', () => resolve({ ok: false, message: 'write worker stopped' }));
  });
  // A worker that died without saying so (out of memory, terminated) must not leave a waiter hanging.
  void outcome.then((result) => {
    if (result.ok) return;
    Atomics.store(counters, STATE, FAILED);
    Atomics.notify(counters, DONE);
  });
  let published = 0;
  let accounted = 0;
  let written = 0;
  let filled = 0;
  let closed = false;

  const failure = async (): Promise<Error> => {
    const result = await outcome;
    return result.ok ? new Error('write worker stopped') : Object.assign(new Error(result.message), { code: result.code });
  };
  /** Counts what the worker has finished since last asked. */
  const account = (): number => {
    const done = Atomics.load(counters, DONE);
    for (; accounted < done; accounted++) written += slotLengths[accounted % SLOTS]!;
    return done;
  };
  const publish = () => {
    const slot = published % SLOTS;
    slotLengths[slot] = filled;
    Atomics.store(lengths, slot, filled);
    published += 1;
    filled = 0;
    Atomics.store(counters, PUBLISHED, published);
    Atomics.notify(counters, PUBLISHED);
  };
  /** Waits until the worker has done slot number `target` - 1 (or has failed). */
  const waitDone = async (target: number): Promise<void> => {
    for (;;) {
      if (Atomics.load(counters, STATE) === FAILED) throw await failure();
      const done = account();
      if (done >= target) return;
      const wait = waitAsync(counters, DONE, done);
      if (wait.async) await wait.value;
    }
  };
  const push = (chunk: Uint8Array): Promise<void> | undefined => {
    let at = 0;
    while (at < chunk.length) {
      // Starting a slot: it must be free (the worker has done the slot used SLOTS ago).
      if (filled === 0 && published - accounted >= SLOTS && published - account() >= SLOTS) {
        return waitDone(published - SLOTS + 1).then(() => push(chunk.subarray(at)));
      }
      if (Atomics.load(counters, STATE) === FAILED) return failure().then((error) => Promise.reject(error));
      const n = Math.min(chunk.length - at, SLOT_BYTES - filled);
      ringBytes.set(chunk.subarray(at, at + n), (published % SLOTS) * SLOT_BYTES + filled);
      filled += n;
      at += n;
      if (filled === SLOT_BYTES) publish();
    }
    return undefined;
  };
  return {
    push,
    get written() {
      account();
      return written;
    },
    async drain() {
      if (filled > 0) publish();
      await waitDone(published);
    },
    async digest() {
      await this.drain();
      Atomics.store(counters, STATE, STOP);
      Atomics.notify(counters, PUBLISHED);
      const result = await outcome;
      if (!result.ok) throw await failure();
      return result.hex;
    },
    async close() {
      if (closed) return;
      closed = true;
      Atomics.store(counters, STATE, STOP);
      Atomics.notify(counters, PUBLISHED);
      await worker.terminate();
    },
  };
}

/** The same on the calling thread (a small upload, or no worker): each push written, then hashed. */
export function inThreadWriteHasher(out: FileHandle): WriteHasher {
  const hash = createHash('sha256');
  let written = 0;
  let queue: Promise<void> = Promise.resolve();
  return {
    push(chunk) {
      // Copied: the caller may reuse or free its chunk as soon as this returns.
      const copy = Buffer.from(chunk);
      queue = queue.then(async () => {
        await writeFully(out, copy);
        hash.update(copy);
        written += copy.length;
      });
      const mine = queue;
      mine.catch(() => undefined);
      return mine;
    },
    get written() {
      return written;
    },
    drain: () => queue,
    async digest() {
      await queue;
      return hash.digest('hex');
    },
    close: () => Promise.resolve(),
  };
}
