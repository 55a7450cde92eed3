import { Worker } from 'node:worker_threads';

/**
 * Reads a file and hashes it (SHA-256) on a worker thread, chunk by chunk, into slots of one
 * SharedArrayBuffer that the caller writes from. The main thread then only writes: reading (a
 * thread-pool hop per chunk when done from the main thread) and hashing run on the other core,
 * and the hash is of the very bytes the caller writes, as with workerHasher.
 *
 * Protocol: the worker fills every free slot in file order and reports {slot, length}; the caller
 * gives a slot back with `release` once it has written it. A chunk shorter than the slot size is
 * the end of the file. The worker opens the file itself; the caller still checks size and mtime
 * before and after (the source must not change meanwhile).
 */
export interface ReadChunk {
  slot: Buffer;
  index: number;
  length: number;
}

export interface ReadHashStream {
  /** The next chunk in file order; null after the last one. */
  next(): Promise<ReadChunk | null>;
  /** Gives a slot back to be filled again (once its bytes are written). */
  release(chunk: ReadChunk): void;
  /** The SHA-256 of everything read; only after next() returned null. */
  digest(): Promise<string>;
  /** Stops the worker (idempotent). */
  close(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { path, shared, slotSize, slots } = workerData;
const hash = createHash('sha256');
const free = [];
for (let i = 0; i < slots; i++) free.push(i);
let fd = -1;
let position = 0;
let ended = false;
function fail(error) {
  ended = true;
  try { if (fd >= 0) closeSync(fd); } catch {}
  fd = -1;
  parentPort.postMessage({ op: 'error', code: error && error.code, message: String(error && error.message) });
}
function pump() {
  while (!ended && free.length > 0) {
    const slot = free.shift();
    const view = new Uint8Array(shared, slot * slotSize, slotSize);
    let length = 0;
    try {
      while (length < slotSize) {
        const n = readSync(fd, view, length, slotSize - length, position + length);
        if (n === 0) break;
        length += n;
      }
    } catch (error) {
      return fail(error);
    }
    hash.update(view.subarray(0, length));
    position += length;
    if (length < slotSize) {
      ended = true;
      closeSync(fd);
      fd = -1;
      parentPort.postMessage({ op: 'chunk', slot, length, hex: hash.digest('hex') });
      return;
    }
    parentPort.postMessage({ op: 'chunk', slot, length });
  }
}
parentPort.on('message', (m) => {
  if (m.op === 'release') {
    free.push(m.slot);
    pump();
  }
});
try {
  fd = openSync(path, 'r');
} catch (error) {
  fail(error);
}
pump();
`;

/** The worker could not open or read the source (its errno code kept, so it reads like any read error). */
export class SourceReadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

type FromWorker = { op: 'chunk'; slot: number; length: number; hex?: string } | { op: 'error'; code?: string; message: string };

/** Null when no worker can start here (the caller copies another way). */
export function readAndHashOnWorker(path: string, slotSize: number, slots: number): ReadHashStream | null {
  const shared = new SharedArrayBuffer(slotSize * slots);
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, shared, slotSize, slots } });
  } catch {
    return null;
  }
  const arrived: FromWorker[] = [];
  let waiting: ((message: FromWorker | Error) => void) | null = null;
  let broken: Error | null = null;
  let hex: string | null = null;
  let finished = false;
  let index = 0;
  const deliver = (message: FromWorker | Error) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(message);
    } else if (message instanceof Error) broken ??= message;
    else arrived.push(message);
  };
  worker.on('message', (m: FromWorker) => deliver(m));
  worker.on('error', (e) => deliver(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', () => {
    if (!finished) deliver(new Error('read-and-hash worker stopped'));
  });
  const take = (): Promise<FromWorker> => {
    const ready = arrived.shift();
    if (ready) return Promise.resolve(ready);
    if (broken) return Promise.reject(broken);
    return new Promise((resolve, reject) => {
      waiting = (m) => (m instanceof Error ? reject(m) : resolve(m));
    });
  };
  let closed = false;
  return {
    async next() {
      if (finished) return null;
      const m = await take();
      if (m.op === 'error') {
        throw new SourceReadError(m.message, m.code);
      }
      if (m.hex !== undefined) {
        hex = m.hex;
        finished = true;
      }
      const chunk = { slot: Buffer.from(shared, m.slot * slotSize, m.length), index: index++, length: m.length };
      // The end of the file may come as an empty chunk (a size that is a multiple of the slot).
      if (m.length === 0) return null;
      return chunk;
    },
    release(chunk) {
      if (!finished && !closed) worker.postMessage({ op: 'release', slot: chunk.slot.byteOffset / slotSize });
    },
    async digest() {
      if (hex === null) throw new Error('digest before the end of the file');
      return hex;
    },
    async close() {
      if (closed) return;
      closed = true;
      finished = true;
      await worker.terminate();
    },
  };
}
