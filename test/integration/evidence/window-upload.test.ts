import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../src/renderer/src/api/client';
import { BlobBytes } from '../../../src/renderer/src/api/blob-bytes';
import { vi } from '../../../src/renderer/src/i18n/vi';
import { uploadEvidenceFile } from '../../../src/renderer/src/pages/evidence/upload-file';
import { UPLOAD_CHUNK_BYTES, UPLOAD_STREAM_BYTES } from '../../../src/shared/contract/evidence';
import { item, openEvidenceCore, type EvidenceFixture } from './helpers';

/**
 * The window's upload code (the module the evidence panel uses) against the real handlers, for a
 * file with no grant (a browser tab): raw bytes either way, File slices where the transport can
 * stream them (HTTP), Uint8Array chunks where it cannot (Electron's IPC). The HTTP leg itself is
 * test/integration/browser/streamed-upload.test.ts and the e2e upload-stream spec.
 */
let fx: EvidenceFixture;
const sent: { channel: string; data?: unknown }[] = [];

function client(sendsFiles: boolean): ApiClient {
  return {
    sendsFiles,
    call: (channel, input) => {
      sent.push({ channel, data: (input as { data?: unknown }).data });
      return fx.core.registry.invoke(channel, input) as never;
    },
  };
}

beforeEach(() => {
  fx = openEvidenceCore();
  sent.length = 0;
  // A browser tab: no preload, so no window.localFiles to grant a path.
  (globalThis as { window?: unknown }).window = {};
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
  fx.cleanup();
});

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('uploading from a window without a file path', () => {
  it('streams File slices where the transport can, slice by slice, and the stored file has the same SHA-256', async () => {
    const data = randomBytes(UPLOAD_STREAM_BYTES + 5 * 1024 * 1024 + 7);
    const progress: number[] = [];
    const result = await uploadEvidenceFile(client(true), new File([data], 'Hồ sơ quét.bin'), [item('2026:1.1')], (n) => progress.push(n));
    expect(result.file.sha256).toBe(sha256(data));
    const slices = sent.filter((s) => s.channel === 'evidence/upload-bytes');
    expect(slices).toHaveLength(2);
    expect(slices.every((s) => s.data instanceof BlobBytes)).toBe(true);
    expect(progress).toEqual([UPLOAD_STREAM_BYTES, data.length]);
    expect(sent.some((s) => s.channel === 'evidence/upload-chunk')).toBe(false);
    const stored = fx.core.db.prepare('SELECT stored_path FROM evidence_file').pluck().get() as string;
    expect(sha256(readFileSync(join(fx.dir, 'evidence', stored)))).toBe(sha256(data));
  });

  it('sends Uint8Array chunks of 4 MiB where the transport cannot carry a File', async () => {
    const data = randomBytes(2 * UPLOAD_CHUNK_BYTES + 99);
    const result = await uploadEvidenceFile(client(false), new File([data], 'bien-ban.bin'), [], () => undefined);
    expect(result.file.sha256).toBe(sha256(data));
    const chunks = sent.filter((s) => s.channel === 'evidence/upload-bytes');
    expect(chunks.map((s) => (s.data as Uint8Array).length)).toEqual([UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES, 99]);
    expect(chunks.every((s) => s.data instanceof Uint8Array)).toBe(true);
  });

  it('stopped by the officer: the upload is cancelled and nothing stays behind', async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(uploadEvidenceFile(client(true), new File([randomBytes(1000)], 'dung.bin'), [], () => undefined, stop.signal)).rejects.toThrow(
      vi.evidence.attach.cancelled,
    );
    await expect.poll(() => readdirSync(join(fx.dir, 'evidence', 'tmp'))).toEqual([]);
    expect(sent.map((s) => s.channel)).toContain('evidence/upload-cancel');
    expect(fx.core.db.prepare('SELECT count(*) FROM evidence_pending').pluck().get()).toBe(0);
  });
});
