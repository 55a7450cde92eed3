import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of a stream of chunks, computed on a worker thread so that hashing (the CPU-heavy part
 * of storing a large file: about 1 GB/s per core) runs on one core while reading and writing run
 * on the other. The chunks must be views of a SharedArrayBuffer: the worker reads the very bytes
 * that are being written, nothing is copied. `update` resolves once the worker has hashed the
 * chunk, so its buffer may then be reused; chunks are hashed in the order given. `digest` ends
 * one stream and starts the next, so one worker serves many files in turn.
 *
 * The worker's code is inline (eval) so that it works the same from tsx, vitest and the bundled
 * Electron main process, with no separate file for a bundler to find. When a worker cannot be
 * started the hash runs in-thread: slower, never wrong.
 */
export interface ChunkHasher {
  update(chunk: Buffer): Promise<void>;
  digest(): Promise<string>;
  /** Stops the worker (idempotent); call on every path, digest or not. */
  close(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
let hash = createHash('sha256');
parentPort.on('message', (m) => {
  try {
    if (m.op === 'update') {
      hash.update(new Uint8Array(m.buffer, m.offset, m.length));
      parentPort.postMessage({ ok: true });
    } else {
      const hex = hash.digest('hex');
      hash = createHash('sha256');
      parentPort.postMessage({ ok: true, hex });
    }
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

type Done = { ok: true; hex?: string };
type Reply = Done | { ok: false; message: string };

export function inThreadHasher(): ChunkHasher {
  let hash = createHash('sha256');
  return {
    update: (chunk) => {
      hash.update(chunk);
      return Promise.resolve();
    },
    // As the worker does: a digest ends one stream and starts the next.
    digest: () => {
      const hex = hash.digest('hex');
      hash = createHash('sha256');
      return Promise.resolve(hex);
    },
    close: () => Promise.resolve(),
  };
}

export function workerHasher(): ChunkHasher {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true });
  } catch {
    return inThreadHasher();
  }
  // Replies come back in the order the requests went out.
  const waiting: { resolve: (r: Reply) => void; reject: (e: unknown) => void }[] = [];
  let broken: unknown = null;
  const failAll = (error: unknown) => {
    broken ??= error;
    for (const w of waiting.splice(0)) w.reject(broken);
  };
  worker.on('message', (reply: Reply) => waiting.shift()?.resolve(reply));
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('SHA-256 worker stopped')));
  const ask = (message: object): Promise<Done> => {
    if (broken) return Promise.reject(broken instanceof Error ? broken : new Error(String(broken)));
    return new Promise<Reply>((resolve, reject) => {
      waiting.push({ resolve, reject });
      worker.postMessage(message);
    }).then((reply): Done => {
      if (!reply.ok) throw new Error(reply.message);
      return reply;
    });
  };
  let closed = false;
  return {
    update(chunk) {
      if (!(chunk.buffer instanceof SharedArrayBuffer)) throw new Error('workerHasher needs chunks backed by a SharedArrayBuffer');
      return ask({ op: 'update', buffer: chunk.buffer, offset: chunk.byteOffset, length: chunk.length }).then(() => undefined);
    },
    async digest() {
      return (await ask({ op: 'digest' })).hex!;
    },
    async close() {
      if (closed) return;
      closed = true;
      await worker.terminate();
    },
  };
}
