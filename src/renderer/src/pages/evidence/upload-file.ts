import type { EvidenceAttachResult, EvidenceTarget } from '../../../../shared/contract/evidence';
import { UPLOAD_CHUNK_BYTES } from '../../../../shared/contract/evidence';
import type { ApiClient } from '../../api/client';
import { localFileGrant } from '../../api/local-files';
import { BlobBytes } from '../../api/blob-bytes';
import { vi } from '../../i18n/vi';

/** How often the window asks for the progress of an import running in main. */
const LOCAL_POLL_MS = 100;

/**
 * Stores one file. In the desktop window a picked or dropped file is imported by main from where
 * it lies (at disk speed); otherwise it is sent as begin → raw bytes (upload-bytes) → finish, no
 * base64, no JSON around the bytes. Over HTTP each slice of the File is one request whose body
 * the browser streams from the disk and main writes as it arrives, so the page holds none of it;
 * over Electron's IPC (a File without a path) the page reads 4 MiB at a time, two chunks in
 * memory (the one on the wire and the next one being read). Any failure cancels the upload so
 * nothing half-copied stays behind, and rejects with the message the officer should read.
 */
export async function uploadEvidenceFile(
  api: ApiClient,
  file: File,
  targets: EvidenceTarget[],
  onProgress: (sentBytes: number) => void,
  signal?: AbortSignal,
): Promise<EvidenceAttachResult> {
  const grant = await localFileGrant(file);
  if (grant) return importLocalFile(api, grant, targets, onProgress, signal);
  const stopIfCancelled = () => {
    if (signal?.aborted) throw new Error(vi.evidence.attach.cancelled);
  };
  const begun = await api.call('evidence/upload-begin', { name: file.name, size: file.size, targets });
  if (!begun.ok) throw new Error(begun.error.message);
  const { uploadId } = begun.value;
  const streamed = api.sendsFiles === true;
  const step = streamed ? begun.value.streamBytes : UPLOAD_CHUNK_BYTES;
  const readChunk = (offset: number): Promise<Uint8Array<ArrayBuffer> | BlobBytes> => {
    const slice = file.slice(offset, offset + step);
    if (streamed) return Promise.resolve(new BlobBytes(slice));
    return slice
      .arrayBuffer()
      .then((bytes) => new Uint8Array(bytes))
      .catch(() => {
        throw new Error(vi.evidence.attach.readFailed);
      });
  };

  try {
    let next: Promise<Uint8Array<ArrayBuffer> | BlobBytes> | null = file.size > 0 ? readChunk(0) : null;
    for (let offset = 0; next; offset += step) {
      const data = await next;
      stopIfCancelled();
      next = offset + step < file.size ? readChunk(offset + step) : null;
      const sent = await api.call('evidence/upload-bytes', { uploadId, offset, data });
      if (!sent.ok) throw new Error(sent.error.message);
      onProgress(sent.value.receivedBytes);
    }
    stopIfCancelled();
    const finished = await api.call('evidence/upload-finish', { uploadId });
    if (!finished.ok) throw new Error(finished.error.message);
    return finished.value;
  } catch (error) {
    // Best effort: main also forgets abandoned uploads at the next start.
    void api.call('evidence/upload-cancel', { uploadId });
    throw error;
  }
}

async function importLocalFile(
  api: ApiClient,
  grant: string,
  targets: EvidenceTarget[],
  onProgress: (doneBytes: number) => void,
  signal?: AbortSignal,
): Promise<EvidenceAttachResult> {
  const begun = await api.call('evidence/local-import-begin', { grant, targets });
  if (!begun.ok) throw new Error(begun.error.message);
  const { importId } = begun.value;
  for (;;) {
    if (signal?.aborted) {
      // Main stops the copy and removes what it had written.
      void api.call('evidence/local-import-cancel', { importId });
      throw new Error(vi.evidence.attach.cancelled);
    }
    const status = await api.call('evidence/local-import-status', { importId });
    if (!status.ok) throw new Error(status.error.message);
    const now = status.value;
    if (now.state === 'done') {
      onProgress(now.result.file.size);
      return now.result;
    }
    if (now.state === 'failed') throw new Error(now.message);
    onProgress(now.doneBytes);
    await new Promise((resolve) => setTimeout(resolve, LOCAL_POLL_MS));
  }
}
