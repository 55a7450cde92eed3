import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeJob } from '../../../src/shared/contract/exchange';
import { openCore, type Core } from '../../../src/main/core/app';
import { blobRelativePath } from '../../../src/main/core/evidence/file-store';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import { writeZipAtomically } from '../../../src/main/core/exchange/zip-write';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTempDir } from '../../helpers/temp-dir';
import { sha256 } from '../../fixtures/exchange/sample-version';

const MiB = 1024 * 1024;

describe('cancelling a large export or backup', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let dataDir: string;
  beforeEach(async () => {
    temp = makeTempDir();
    dataDir = join(temp.dir, 'du-lieu');
    core = openCore({ dataDir });
    expect((await core.registry.invoke('profile/save', { profile: sampleProfile() })).ok).toBe(true);
    // A few stored blobs, enough for the write to be under way when the cancel arrives.
    for (let i = 0; i < 4; i++) {
      const data = randomBytes(8 * MiB);
      const rel = blobRelativePath(sha256(data), '.bin');
      const path = join(dataDir, 'evidence', ...rel.split('/'));
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, data);
    }
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('a cancelled backup ends as failed with a message saying so, leaves no file, no temp file and records no backup', async () => {
    const outDir = join(temp.dir, 'sao-luu');
    const outPath = join(outDir, 'ban-sao.zip');
    const started = await core.registry.invoke('backup/create', { outPath });
    if (!started.ok) throw new Error(started.error.message);
    const job = started.value as ExchangeJob;
    expect(await core.registry.invoke('exchange/job-cancel', { id: job.id })).toEqual({ ok: true, value: { cancelled: true } });
    const ended = await waitForJob(job.id, undefined, 10);
    expect(ended).toMatchObject({ state: 'failed', error: { message: 'Đã huỷ sao lưu; không để lại tệp dở dang.' } });
    expect(readdirSync(outDir)).toEqual([]);
    expect((await core.registry.invoke('backup/status', {})) as unknown).toMatchObject({ ok: true, value: { lastBackupAt: null } });
    // A job that has ended cannot be cancelled again; an unknown one neither.
    expect(await core.registry.invoke('exchange/job-cancel', { id: job.id })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('a zip cancelled mid-write stops, and the temp file beside the target is removed', async () => {
    const outDir = join(temp.dir, 'goi');
    mkdirSync(outDir);
    const source = join(temp.dir, 'lon.bin');
    writeFileSync(source, randomBytes(48 * MiB));
    const controller = new AbortController();
    let seenBytes = 0;
    let partSeen = false;
    const failure = await writeZipAtomically(join(outDir, 'goi-nop.zip'), [{ entryPath: 'tai-lieu/lon.bin', source: { kind: 'path', path: source }, label: 'lon.bin' }], {
      signal: controller.signal,
      onBytes: (n) => {
        seenBytes += n;
        if (seenBytes >= 8 * MiB && !controller.signal.aborted) {
          partSeen = readdirSync(outDir).some((name) => name.endsWith('.part'));
          controller.abort();
        }
      },
    }).catch((e: unknown) => e);
    expect(partSeen).toBe(true);
    expect(failure).toMatchObject({ code: 'CONFLICT', message: 'Đã huỷ; không để lại tệp dở dang.' });
    expect(seenBytes).toBeLessThan(48 * MiB);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
