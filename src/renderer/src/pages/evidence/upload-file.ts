import type { EvidenceAttachResult, EvidenceTarget } from '../../../../shared/contract/evidence';
import { UPLOAD_CHUNK_BYTES } from '../../../../shared/contract/evidence';
import type { ApiClient } from '../../api/client';
import { localFileGrant } from '../../api/local-files';
import { readFileAsBase64 } from '../../files';
import { vi } from '../../i18n/vi';

/** How often the window asks for the progress of an import running in main. */
const LOCAL_POLL_MS = 100;

/**
 * Stores one file. In the desktop window a picked or dropped file is imported by main from where
 * it lies (at disk speed); otherwise it is sent as begin → chunks → finish. Only two chunks are in memory at a time (the one on
 * the wire and the next one being read), so a multi-GB scan never sits whole in the window. Any
 * failure cancels the upload so nothing half-copied stays behind, and rejects with the message
 * the officer should read.
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
  const step = Math.min(begun.value.chunkBytes, UPLOAD_CHUNK_BYTES);
  const readChunk = (offset: number) =>
    readFileAsBase64(file.slice(offset, offset + step)).catch(() => {
      throw new Error(vi.evidence.attach.readFailed);
    });

  try {
    let next: Promise<string> | null = file.size > 0 ? readChunk(0) : null;
    for (let index = 0, offset = 0; next; index++, offset += step) {
      const dataBase64 = await next;
      stopIfCancelled();
      next = offset + step < file.size ? readChunk(offset + step) : null;
      const sent = await api.call('evidence/upload-chunk', { uploadId, index, dataBase64 });
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
