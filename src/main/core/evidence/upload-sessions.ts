import { randomUUID } from 'node:crypto';
import { UPLOAD_CHUNK_BYTES, UPLOAD_SLICE_BYTES, UPLOAD_STREAM_BYTES, type UploadProgress, type UploadStarted } from '../../../shared/contract/evidence';
import { StreamedBytes } from '../../../shared/contract/streamed-bytes';
import type { Db } from '../db/open';
import { perDatabase } from '../db/per-database';
import { inThreadWriteHasher, workerWriteHasher, type WriteHasher } from '../write-hash-worker';
import { AppError } from '../errors';
import type { LinkTarget } from './evidence-store';
import { abandonStaging, BackgroundFlush, emptyFile, ensureStore, HEAD_BYTES, openStaging, PARALLEL_HASH_FROM, sealStaging, translateWriteError, type Staging } from './file-store';
import { commitStaged, type EvidenceEnv, type ImportOutcome } from './import-service';
import { safeFileName } from './safe-name';

/**
 * Uploads from the window arrive in chunks (the renderer slices the picked or dropped File), are
 * appended to a temp file in the store while hashed, and are committed like any other import on
 * finish. Memory per upload is one chunk and a hash state, whatever the file size. An upload
 * nobody finishes is dropped after IDLE_MS; one left by a crashed app is removed at next start
 * (its journal row names a dead process).
 */

const IDLE_MS = 30 * 60_000;
const MAX_OPEN_UPLOADS = 16;

interface Upload {
  id: string;
  /** As the window sent it: the commit reports what making it safe changed. */
  name: string;
  /** The name messages use, made safe once at begin. */
  safeName: string;
  size: number;
  targets: LinkTarget[];
  staging: Staging;
  flusher: BackgroundFlush;
  /** Base64 chunks are decoded here (made on the first one): no new buffer per chunk for the GC. */
  decoded: Buffer | null;
  /** Appends every chunk to the staging file and hashes it (a worker thread for a large upload). */
  writer: WriteHasher;
  head: Buffer;
  received: number;
  nextIndex: number;
  busy: boolean;
  lastActivity: number;
}

/** Uploads per open database: the app, each test and the CLI have their own. */
const uploadsOf = perDatabase(() => new Map<string, Upload>());

export async function beginUpload(env: EvidenceEnv, name: string, size: number, targets: LinkTarget[]): Promise<UploadStarted> {
  const safe = safeFileName(name);
  if (size === 0) throw emptyFile(safe.name);
  const uploads = uploadsOf(env.db);
  await dropIdleUploads(env.db, Date.now());
  if (uploads.size >= MAX_OPEN_UPLOADS) {
    throw new AppError('CONFLICT', `Đang có ${uploads.size} tệp tải lên dở dang; hãy chờ chúng xong rồi đính kèm tiếp.`);
  }
  const staging = await openStaging(env.db, ensureStore(env.dataDir), safe.name);
  const upload: Upload = {
    id: randomUUID(),
    name,
    safeName: safe.name,
    size,
    targets,
    staging,
    flusher: new BackgroundFlush(staging.out),
    decoded: null,
    // A large upload (as for imports by path) is written and hashed on a worker (core/write-hash-worker.ts) while the next bytes arrive.
    writer: size >= PARALLEL_HASH_FROM ? workerWriteHasher(staging.out) : inThreadWriteHasher(staging.out),
    head: Buffer.alloc(0),
    received: 0,
    nextIndex: 0,
    busy: false,
    lastActivity: Date.now(),
  };
  uploads.set(upload.id, upload);
  return { uploadId: upload.id, chunkBytes: UPLOAD_SLICE_BYTES, streamBytes: UPLOAD_STREAM_BYTES };
}

function requireUpload(db: Db, uploadId: string): Upload {
  const upload = uploadsOf(db).get(uploadId);
  if (!upload) throw new AppError('NOT_FOUND', 'Phiên tải lên không còn (đã xong, đã huỷ hoặc bị bỏ dở quá lâu); hãy đính kèm lại tệp.');
  if (upload.busy) throw new AppError('CONFLICT', `Tệp «${upload.safeName}» đang được ghi; hãy gửi từng phần một.`);
  return upload;
}

export async function appendChunk(db: Db, uploadId: string, index: number, dataBase64: string): Promise<UploadProgress> {
  const upload = requireUpload(db, uploadId);
  const name = upload.safeName;
  if (index !== upload.nextIndex) {
    throw new AppError('CONFLICT', `Phần ${index + 1} của «${name}» đến không đúng thứ tự (đang chờ phần ${upload.nextIndex + 1}).`);
  }
  if (Buffer.byteLength(dataBase64, 'base64') > UPLOAD_CHUNK_BYTES) {
    throw new AppError('VALIDATION_FAILED', `Phần ${index + 1} của «${name}» lớn hơn ${UPLOAD_CHUNK_BYTES / 1024 / 1024} MiB.`);
  }
  upload.decoded ??= Buffer.alloc(UPLOAD_CHUNK_BYTES);
  const data = upload.decoded.subarray(0, upload.decoded.write(dataBase64, 'base64'));
  if (data.length === 0) throw new AppError('VALIDATION_FAILED', `Phần ${index + 1} của «${name}» rỗng.`);
  return appendData(db, upload, data);
}

/**
 * The next chunk as raw bytes (the window's way): `offset` must be the bytes received so far, so
 * a chunk sent twice or out of order is refused, not stored twice.
 */
export async function appendBytes(db: Db, uploadId: string, offset: number, bytes: Uint8Array | StreamedBytes): Promise<UploadProgress> {
  const upload = requireUpload(db, uploadId);
  if (offset !== upload.received) {
    throw new AppError('CONFLICT', `Phần tải lên của «${upload.safeName}» đến không đúng thứ tự (đã nhận ${upload.received} byte, phần này bắt đầu ở byte ${offset}).`);
  }
  if (bytes instanceof StreamedBytes) return appendStream(db, upload, bytes);
  if (bytes.length === 0 || bytes.length > UPLOAD_CHUNK_BYTES) {
    throw new AppError('VALIDATION_FAILED', `Mỗi phần tải lên của «${upload.safeName}» từ 1 byte đến ${UPLOAD_CHUNK_BYTES / 1024 / 1024} MiB.`);
  }
  return appendData(db, upload, bytes);
}

/** A part that would take the upload past the size declared at begin ends it: nothing is kept. */
async function refuseBeyondDeclaredSize(db: Db, upload: Upload, partBytes: number): Promise<void> {
  if (upload.received + partBytes <= upload.size) return;
  await cancelUpload(db, upload.id);
  throw new AppError('VALIDATION_FAILED', `«${upload.safeName}» dài hơn kích thước đã báo (${upload.size} byte); tệp có thể vừa bị thay đổi. Chưa lưu gì, hãy đính kèm lại.`);
}

/** Writes and hashes one whole chunk; the reply means it is written. */
async function appendData(db: Db, upload: Upload, data: Uint8Array): Promise<UploadProgress> {
  const name = upload.safeName;
  await refuseBeyondDeclaredSize(db, upload, data.length);
  upload.busy = true;
  try {
    await upload.writer.push(data);
    await upload.writer.drain();
  } catch (error) {
    upload.busy = false;
    await cancelUpload(db, upload.id);
    throw translateWriteError(error, name);
  }
  upload.flusher.wrote(data.length);
  if (upload.head.length < HEAD_BYTES) upload.head = Buffer.concat([upload.head, data.subarray(0, HEAD_BYTES - upload.head.length)]);
  upload.received += data.length;
  upload.nextIndex += 1;
  upload.lastActivity = Date.now();
  upload.busy = false;
  return { receivedBytes: upload.received, size: upload.size };
}

/**
 * A streamed body is handed to the upload's writer chunk by chunk as it arrives: the writer copies
 * each into its ring of shared slots, and a worker writes and hashes the slots in order
 * (core/write-hash-worker.ts). When every slot is full the body is not read, so a fast sender
 * waits on the socket (TCP backpressure) and memory stays the ring whatever the request's size.
 * The reply goes once every byte taken is written and hashed.
 */
async function appendStream(db: Db, upload: Upload, body: StreamedBytes): Promise<UploadProgress> {
  const name = upload.safeName;
  await refuseBeyondDeclaredSize(db, upload, body.size);
  upload.busy = true;
  const writer = upload.writer;
  // Background flushes follow what the worker has written, so the disk works while bytes arrive.
  let flushedMark = writer.written;
  const followWrites = () => {
    const written = writer.written;
    if (written > flushedMark) upload.flusher.wrote(written - flushedMark);
    flushedMark = written;
  };
  let taken = 0;
  let cut: unknown = null;
  let failed: unknown = null;
  let tooLong = false;
  try {
    for await (const chunk of body) {
      if (taken + chunk.length > body.size) {
        tooLong = true;
        break;
      }
      if (upload.head.length < HEAD_BYTES) upload.head = Buffer.concat([upload.head, chunk.subarray(0, HEAD_BYTES - upload.head.length)]);
      taken += chunk.length;
      const waiting = writer.push(chunk);
      if (waiting) {
        try {
          await waiting;
        } catch (error) {
          failed = error;
          break;
        }
      }
      followWrites();
    }
  } catch (error) {
    // The sender went away (a closed tab, a dropped connection).
    cut = error;
  }
  // What arrived is kept (a part-filled slot too), so a cut request can be followed by one
  // starting where this one stopped.
  if (!failed && !tooLong) {
    try {
      await writer.drain();
      followWrites();
    } catch (error) {
      failed = error;
    }
  }
  if (failed || tooLong) {
    upload.busy = false;
    await cancelUpload(db, upload.id);
    if (tooLong) throw new AppError('VALIDATION_FAILED', `Phần tải lên của «${name}» dài hơn độ dài đã báo (${body.size} byte). Chưa lưu gì, hãy đính kèm lại.`);
    throw translateWriteError(failed, name);
  }
  upload.received += taken;
  upload.nextIndex += 1;
  upload.lastActivity = Date.now();
  upload.busy = false;
  if (cut !== null || taken !== body.size) {
    throw new AppError(
      'IO_ERROR',
      `Kết nối bị ngắt khi đang tải «${name}» lên (đã nhận ${upload.received}/${upload.size} byte); phần đã nhận được giữ lại, có thể gửi tiếp từ byte ${upload.received}.`,
      cut ?? undefined,
    );
  }
  return { receivedBytes: upload.received, size: upload.size };
}

export async function finishUpload(env: EvidenceEnv, uploadId: string): Promise<ImportOutcome> {
  const upload = requireUpload(env.db, uploadId);
  const name = upload.safeName;
  if (upload.received !== upload.size) {
    throw new AppError('VALIDATION_FAILED', `«${name}» mới tải lên ${upload.received}/${upload.size} byte; hãy gửi nốt các phần còn lại.`);
  }
  upload.busy = true;
  uploadsOf(env.db).delete(uploadId);
  let sha256: string;
  try {
    // The worker is done with the file before it is flushed and closed.
    sha256 = await upload.writer.digest();
    await upload.writer.close();
    await upload.flusher.done();
    await sealStaging(upload.staging);
  } catch (error) {
    await upload.writer.close().catch(() => undefined);
    await abandonStaging(env.db, upload.staging);
    throw translateWriteError(error, name);
  }
  const staged = {
    token: upload.staging.token,
    tempPath: upload.staging.tempPath,
    sha256,
    size: upload.received,
    head: upload.head,
  };
  return commitStaged(env, ensureStore(env.dataDir), staged, upload.name, upload.targets);
}

export async function cancelUpload(db: Db, uploadId: string): Promise<boolean> {
  const uploads = uploadsOf(db);
  const upload = uploads.get(uploadId);
  if (!upload) return false;
  uploads.delete(uploadId);
  await upload.writer.close().catch(() => undefined);
  await abandonStaging(db, upload.staging);
  return true;
}

/** Drops uploads without a chunk for IDLE_MS (the tab was closed, the window reloaded). */
export async function dropIdleUploads(db: Db, nowMs: number): Promise<number> {
  let dropped = 0;
  for (const upload of [...uploadsOf(db).values()]) {
    if (!upload.busy && nowMs - upload.lastActivity > IDLE_MS) {
      await cancelUpload(db, upload.id);
      dropped += 1;
    }
  }
  return dropped;
}

/** For the tests: how many uploads are open. */
export function openUploadCount(db: Db): number {
  return uploadsOf(db).size;
}

/** For the tests: how far an upload has come, and whether a request is writing to it now. */
export function uploadState(db: Db, uploadId: string): { received: number; busy: boolean } | null {
  const upload = uploadsOf(db).get(uploadId);
  return upload ? { received: upload.received, busy: upload.busy } : null;
}
