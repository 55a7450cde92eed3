import { open, type FileHandle } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';

/**
 * A few fixed read buffers that travel from the source file, through yazl's pass-through
 * streams (which hand on the same Buffer objects), to the zip file, and come back once written.
 *
 * Why: fs read streams allocate a fresh buffer per chunk. For a 2 GB export that is 2 GB of
 * freshly mapped pages (page faults on every read) and the garbage collector chasing them:
 * profiling showed GC alone at a fifth of the export time. With the pool, memory in flight is
 * bounded by the pool (and so is the read-ahead: the reader waits for a buffer to come back).
 */
export class BufferPool {
  private readonly free: Buffer[] = [];
  private readonly owned = new Set<ArrayBufferLike>();
  private waiting: ((b: Buffer) => void)[] = [];

  constructor(count: number, readonly size: number) {
    for (let i = 0; i < count; i += 1) {
      // Its own SharedArrayBuffer: a chunk's .buffer identifies the pool buffer it came from, and
      // the SHA-256 worker can read the chunk where it is.
      const b = Buffer.from(new SharedArrayBuffer(size));
      this.free.push(b);
      this.owned.add(b.buffer);
    }
  }

  take(): Promise<Buffer> {
    const b = this.free.pop();
    if (b) return Promise.resolve(b);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Gives back the pool buffer under `chunk`, if it is one of ours; other chunks are ignored. */
  release(chunk: Buffer): void {
    if (!this.owned.has(chunk.buffer)) return;
    const whole = Buffer.from(chunk.buffer, 0, this.size);
    const next = this.waiting.shift();
    if (next) next(whole);
    else this.free.push(whole);
  }
}

/** Reads a file into pool buffers, one chunk per buffer. */
export function pooledFileReader(path: string, pool: BufferPool): Readable {
  let fh: FileHandle | null = null;
  return new Readable({
    async read() {
      try {
        fh ??= await open(path, 'r');
        const buffer = await pool.take();
        const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) {
          pool.release(buffer);
          this.push(null);
          return;
        }
        this.push(buffer.subarray(0, bytesRead));
      } catch (error) {
        this.destroy(error as Error);
      }
    },
    async destroy(error, callback) {
      await fh?.close().catch(() => undefined);
      fh = null;
      callback(error);
    },
  });
}

/**
 * Writes every chunk to `path` (created, must not exist) and returns pool buffers once their
 * bytes are written. Does not fsync: the caller does, while it reads the file back.
 */
export function pooledFileWriter(path: string, pool: BufferPool): Writable {
  let fh: FileHandle | null = null;
  return new Writable({
    async write(chunk: Buffer, _enc, callback) {
      try {
        fh ??= await open(path, 'wx');
        let offset = 0;
        while (offset < chunk.length) offset += (await fh.write(chunk, offset, chunk.length - offset, null)).bytesWritten;
        pool.release(chunk);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    async final(callback) {
      try {
        fh ??= await open(path, 'wx');
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    async destroy(error, callback) {
      await fh?.close().catch(() => undefined);
      fh = null;
      callback(error);
    },
  });
}
