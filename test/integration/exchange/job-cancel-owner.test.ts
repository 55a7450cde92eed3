import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeJob } from '../../../src/shared/contract/exchange';
import type { Core } from '../../../src/main/core/app';
import { blobRelativePath } from '../../../src/main/core/evidence/file-store';
import { waitForJob } from '../../../src/main/core/exchange/jobs';
import { sha256 } from '../../fixtures/exchange/sample-version';
import { ADMIN, addAccount, coreWithAdmin, signedIn } from '../auth/helpers';

const MiB = 1024 * 1024;

describe('who may cancel a running backup', () => {
  let core: Core;
  let cleanup: () => void;
  beforeEach(async () => {
    ({ core, cleanup } = await coreWithAdmin());
    const dataDir = core.dataDir;
    // Enough stored bytes for the backup to still be running when the cancel arrives.
    for (let i = 0; i < 4; i++) {
      const data = randomBytes(8 * MiB);
      const path = join(dataDir, 'evidence', ...blobRelativePath(sha256(data), '.bin').split('/'));
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, data);
    }
    await addAccount(core, 'nopbai', ['submitter']);
    await addAccount(core, 'nopbai2', ['submitter']);
  });
  afterEach(() => cleanup());

  it("a submitter cannot cancel the administrator's backup; the administrator who started it can", async () => {
    const starter = await signedIn(core, ADMIN.username, ADMIN.password);
    const other = await signedIn(core, 'nopbai');
    const started = await core.registry.invoke('backup/create', {}, starter);
    if (!started.ok) throw new Error(started.error.message);
    const job = started.value as ExchangeJob;
    const refused = await core.registry.invoke('exchange/job-cancel', { id: job.id }, other);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Chỉ người bắt đầu tác vụ này hoặc quản trị viên mới được huỷ nó.' } });
    expect(await core.registry.invoke('exchange/job-cancel', { id: job.id }, starter)).toEqual({ ok: true, value: { cancelled: true } });
    expect((await waitForJob(job.id, undefined, 10)).state).toBe('failed');
  });

  it('a backup started from the command line: a submitter may not cancel it, an administrator may', async () => {
    const submitter = await signedIn(core, 'nopbai2');
    const admin = await signedIn(core, ADMIN.username, ADMIN.password);
    const started = await core.registry.invoke('backup/create', { outPath: join(core.dataDir, '..', 'ban-sao.zip') });
    if (!started.ok) throw new Error(started.error.message);
    const job = started.value as ExchangeJob;
    expect(await core.registry.invoke('exchange/job-cancel', { id: job.id }, submitter)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.registry.invoke('exchange/job-cancel', { id: job.id }, admin)).toEqual({ ok: true, value: { cancelled: true } });
    expect((await waitForJob(job.id, undefined, 10)).state).toBe('failed');
  });
});
