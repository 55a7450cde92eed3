import { open } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { largeFileWriter, type LargeFileWriter } from '../direct-write';
import { timed, timedSync } from '../io-profile';
import type { BufferPool } from './buffer-pool';
import type { CrcSegment } from './zip-read-back';

const UNPOOLED_IN_FLIGHT = 8 * 1024 * 1024;

/** Tests only: called after each chunk is written (tests damage the file there). */
export type ChunkWrittenHook = (position: number, length: number) => Promise<void> | void;

export interface ZipFileWriter extends Writable {
  /** After 'finish': the file's size and the CRC-32 of every byte not from a pool buffer. */
  layout(): { size: number; crc: CrcSegment[] };
}

/**
 * Writes the zip yazl streams out, chunk by chunk in order, to `path` (created, must not exist):
 * ordinary writes one at a time with background flushes (direct-write's buffered strategy), and
 * an fdatasync at the end, so the file is on the disk when the read-back starts.
 *
 * Chunks from the buffer pool (the stored files' data, read from their sources) are written
 * where they are and given back to the pool once written; the read-back proves them by each
 * file's SHA-256. Every other chunk (headers, descriptors, the central directory, deflated data,
 * small in-memory files) gets its CRC-32 recorded, with its place, for the read-back
 * (zip-read-back.ts); adjacent ones share one record.
 *
 * `write` returns at once and the writes queue in order: the sources keep being read while a
 * chunk is written, and the pool's size bounds what is in flight.
 */
export function zipFileWriter(path: string, pool: BufferPool, options: { record: boolean; onChunkWritten?: ChunkWrittenHook }): ZipFileWriter {
  let writer: LargeFileWriter | null = null;
  let position = 0;
  let failure: Error | null = null;
  const crc: CrcSegment[] = [];
  const writes = new Set<Promise<void>>();
  let unpooledInFlight = 0;
  const create = async () => (writer ??= await largeFileWriter(path, await open(path, 'wx')));
  let creating: Promise<LargeFileWriter> | null = null;
  const ensure = () => (creating ??= create());

  const record = (chunk: Buffer, at: number) => {
    const last = crc[crc.length - 1];
    if (last && last.start + last.length === at) {
      last.crc = timedSync('crc32 (zip parts written)', chunk.length, () => crc32(chunk, last.crc));
      last.length += chunk.length;
    } else crc.push({ start: at, length: chunk.length, crc: timedSync('crc32 (zip parts written)', chunk.length, () => crc32(chunk)) });
  };

  const stream = new Writable({
    // Chunks are handed on as they are (pool buffers must keep their identity).
    decodeStrings: false,
    write(chunk: Buffer, _enc, callback) {
      if (failure) return callback(failure);
      const at = position;
      position += chunk.length;
      const pooled = pool.owns(chunk);
      if (options.record && !pooled) record(chunk, at);
      const done = ensure()
        .then((w) => w.writeAt(chunk, at))
        .then(() => options.onChunkWritten?.(at, chunk.length))
        .then(
          () => {
            if (pooled) pool.release(chunk);
          },
          (error: unknown) => {
            failure ??= error instanceof Error ? error : new Error(String(error));
            if (pooled) pool.release(chunk);
          },
        );
      writes.add(done);
      void done.finally(() => writes.delete(done));
      if (pooled) return callback();
      // Other chunks are not bounded by the pool (deflate makes new ones): past a few MiB queued,
      // wait for this one to be written before taking more.
      unpooledInFlight += chunk.length;
      void done.finally(() => (unpooledInFlight -= chunk.length));
      if (unpooledInFlight <= UNPOOLED_IN_FLIGHT) callback();
      else void done.then(() => callback(failure ?? undefined));
    },
    final(callback) {
      void (async () => {
        const w = await ensure();
        await Promise.all(writes);
        await w.settle();
        if (failure) throw failure;
        // On the disk before it is read back: the read-back then reads the disk, not dirty pages,
        // and the caller's own fsync finds nothing left.
        await timed('final fdatasync (writer)', 0, () => w.handle.datasync());
      })().then(() => callback(), (error: unknown) => callback(error as Error));
    },
    destroy(error, callback) {
      void (async () => {
        await Promise.allSettled([...writes]);
        const w = writer ?? (await creating?.catch(() => null)) ?? null;
        await w?.closeDirect();
        await w?.handle.close().catch(() => undefined);
      })().then(() => callback(error));
    },
  }) as ZipFileWriter;
  stream.layout = () => ({ size: position, crc });
  return stream;
}
