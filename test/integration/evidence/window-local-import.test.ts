import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../src/renderer/src/api/client';
import { vi } from '../../../src/renderer/src/i18n/vi';
import { settleLocalImports } from '../../../src/main/core/evidence/local-imports';
import { uploadEvidenceFile } from '../../../src/renderer/src/pages/evidence/upload-file';
import { makeTempDir } from '../../helpers/temp-dir';
import { item, openEvidenceCore, type EvidenceFixture } from './helpers';

/**
 * The window's attach code (the same module the evidence panel uses) against the real handlers,
 * with a stand-in for the preload's window.localFiles: in the desktop window a picked file is
 * imported by main from where it lies, in a browser it goes in chunks. Playwright runs the
 * browser case (FileReader is not in Node); this covers the desktop one, which needs Electron's
 * File paths.
 */

let fx: EvidenceFixture;
let picked: ReturnType<typeof makeTempDir>;
const calls: string[] = [];
let api: ApiClient;

beforeEach(() => {
  fx = openEvidenceCore();
  picked = makeTempDir('cchc-picked-');
  calls.length = 0;
  api = {
    // Like Electron's IPC: no File slices as bodies, so a file without a grant goes in Uint8Array chunks.
    sendsFiles: false,
    call: (channel, input) => {
      calls.push(channel);
      return fx.core.registry.invoke(channel, input) as never;
    },
  };
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
  fx.cleanup();
  picked.cleanup();
});

/** A picked file as the page holds it, plus the path only the preload (Electron) could see. */
function pickedFile(name: string, data: Buffer): { file: File; path: string } {
  const path = join(picked.dir, name);
  writeFileSync(path, data);
  return { file: new File([new Uint8Array(data)], name), path };
}

describe('attaching from the window', () => {
  it('in the desktop window, imports a picked file by grant with progress, sending no bytes over the transport', async () => {
    const data = randomBytes(24 * 1024 * 1024 + 3);
    const { file, path } = pickedFile('Bản quét hồ sơ.bin', data);
    const paths = new Map([[file, path]]);
    (globalThis as { window?: unknown }).window = {
      localFiles: { grant: async (files: File[]) => fx.core.grantLocalFiles(files.map((f) => paths.get(f)!)) },
    };
    const progress: number[] = [];
    const result = await uploadEvidenceFile(api, file, [item('2026:1.1')], (n) => progress.push(n));
    expect(result.file.originalName).toBe('Bản quét hồ sơ.bin');
    expect(result.linksAdded).toBe(1);
    expect(progress.at(-1)).toBe(data.length);
    expect(calls).not.toContain('evidence/upload-chunk');
    expect(calls[0]).toBe('evidence/local-import-begin');
    const stored = fx.core.db.prepare('SELECT stored_path FROM evidence_file').pluck().get() as string;
    expect(readFileSync(join(fx.dir, 'evidence', stored)).equals(data)).toBe(true);
  });

  it('shows the import’s own message when it fails, and cancels when the officer stops it', async () => {
    const { file, path } = pickedFile('rong.pdf', Buffer.alloc(0));
    (globalThis as { window?: unknown }).window = { localFiles: { grant: async () => fx.core.grantLocalFiles([path]) } };
    await expect(uploadEvidenceFile(api, file, [], () => undefined)).rejects.toThrow('Tệp «rong.pdf» rỗng (0 byte)');

    const big = pickedFile('lon.bin', randomBytes(64 * 1024 * 1024));
    (globalThis as { window?: unknown }).window = { localFiles: { grant: async () => fx.core.grantLocalFiles([big.path]) } };
    const stop = new AbortController();
    stop.abort();
    await expect(uploadEvidenceFile(api, big.file, [], () => undefined, stop.signal)).rejects.toThrow(vi.evidence.attach.cancelled);
    expect(calls).toContain('evidence/local-import-cancel');
    await settleLocalImports(fx.core.db);
    expect(fx.core.db.prepare('SELECT count(*) FROM evidence_file').pluck().get()).toBe(0);
  });
});
