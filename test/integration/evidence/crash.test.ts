import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceStatus, EvidenceVerifyReport } from '../../../src/shared/contract/evidence';
import { makeTextPdf } from '../../fixtures/evidence/make-pdf';
import { makeTempDir } from '../../helpers/temp-dir';
import { openEvidenceCore, storeState, upload, value, type EvidenceFixture } from './helpers';

/**
 * A crash in the middle of an import: a child process imports a file and is killed (SIGKILL, no
 * clean-up of its own) after the copy and before the database commit. The next start must find a
 * consistent store, remove the leftovers and report them.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function crashImportAt(dir: string, stage: 'after-copy' | 'after-rename', source: string): Promise<void> {
  const marker = join(dir, `crashed-${stage}`);
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crash-child.ts'), dir, source, 'Kế hoạch dở dang.pdf'], {
    cwd: process.cwd(),
    env: { ...process.env, CCHC_EVIDENCE_CRASH_AT: stage, CCHC_EVIDENCE_CRASH_MARKER: marker },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  while (!existsSync(marker)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the child never reached ${stage}: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  await exited;
  expect(output).not.toContain('imported');
}

async function withStoredFile(): Promise<{ dir: string; keptId: number }> {
  const temp = makeTempDir('cchc-crash-');
  cleanups.push(temp.cleanup);
  const first = openEvidenceCore({}, temp.dir);
  const kept = await value<{ file: { id: number } }>(upload(first.core, 'đã lưu.txt', Buffer.from('Báo cáo đã lưu trước đó')));
  first.core.close();
  return { dir: temp.dir, keptId: kept.file.id };
}

function reopen(dir: string): EvidenceFixture {
  const fx = openEvidenceCore({}, dir);
  cleanups.unshift(() => fx.core.close());
  return fx;
}

describe('crash in the middle of an import', () => {
  for (const stage of ['after-copy', 'after-rename'] as const) {
    it(`killed ${stage.replace('-', ' ')}: the next start cleans the leftovers, reports them, and the store is consistent`, async () => {
      const { dir, keptId } = await withStoredFile();
      const source = join(dir, 'nguon.pdf');
      writeFileSync(source, makeTextPdf(['Ke hoach dang nhap do dang']));
      await crashImportAt(dir, stage, source);

      const fx = reopen(dir);
      const status = await value<EvidenceStatus>(fx.core.registry.invoke('evidence/status', {}));
      expect(status.lastRecovery).toMatchObject({ clearedJournalEntries: 1 });
      if (stage === 'after-copy') {
        expect(status.lastRecovery!.removedTempFiles).toEqual([expect.stringMatching(/^tmp\/\d+-[0-9a-f-]+\.part$/)]);
        expect(status.lastRecovery!.removedOrphans).toEqual([]);
      } else {
        expect(status.lastRecovery!.removedTempFiles).toEqual([]);
        expect(status.lastRecovery!.removedOrphans).toEqual([expect.stringMatching(/^files\/[0-9a-f]{2}\/[0-9a-f]{62}\.pdf$/)]);
      }
      const state = storeState(fx);
      expect(state).toMatchObject({ rows: 1, pending: 0, links: 1, tmp: [] });
      expect(state.blobs).toHaveLength(1);
      expect(status).toMatchObject({ fileCount: 1, linkCount: 1 });
      const verified = await value<EvidenceVerifyReport>(fx.core.registry.invoke('evidence/verify', {}));
      expect(verified).toMatchObject({ checkedFiles: 1, okFiles: 1, missing: [], altered: [] });
      expect((await value<{ id: number }[]>(fx.core.registry.invoke('evidence/links', { target: { type: 'item', key: '2026:1.1' } }))).map((f) => f.id)).toEqual([keptId]);

      // The file the crash interrupted imports normally afterwards.
      const again = await value<{ duplicate: boolean }>(upload(fx.core, 'Kế hoạch.pdf', makeTextPdf(['Ke hoach dang nhap do dang']), [{ type: 'item', key: '2026:1.1' }]));
      expect(again.duplicate).toBe(false);
    }, 60_000);
  }

  it('killed after copying a large file (hashed on a worker thread): the next start removes the copy and its journal entry', async () => {
    const { dir } = await withStoredFile();
    const source = join(dir, 'nguon-lon.bin');
    // Above the size from which the hash runs on a worker thread.
    writeFileSync(source, Buffer.alloc(20 * 1024 * 1024, 9));
    await crashImportAt(dir, 'after-copy', source);

    const fx = reopen(dir);
    const status = await value<EvidenceStatus>(fx.core.registry.invoke('evidence/status', {}));
    expect(status.lastRecovery).toMatchObject({ clearedJournalEntries: 1, removedOrphans: [] });
    expect(status.lastRecovery!.removedTempFiles).toEqual([expect.stringMatching(/^tmp\/\d+-[0-9a-f-]+\.part$/)]);
    expect(storeState(fx)).toMatchObject({ rows: 1, pending: 0, links: 1, tmp: [] });
  }, 60_000);

  it('a start with nothing to clean reports empty lists', async () => {
    const { dir } = await withStoredFile();
    const fx = reopen(dir);
    const status = await value<EvidenceStatus>(fx.core.registry.invoke('evidence/status', {}));
    expect(status.lastRecovery).toMatchObject({ removedTempFiles: [], removedOrphans: [], clearedJournalEntries: 0, abandonedUploads: 0 });
  });
});

describe('leftovers of an earlier run that had the same process id', () => {
  it('are cleaned although the pid is alive (it is ours now)', async () => {
    const { dir } = await withStoredFile();
    const first = reopen(dir);
    const token = `${process.pid}-00000000-0000-4000-8000-000000000000`;
    first.core.db.prepare('INSERT INTO evidence_pending (token, pid, started_at) VALUES (?, ?, ?)').run(token, process.pid, '2020-01-01T00:00:00.000Z');
    writeFileSync(join(dir, 'evidence', 'tmp', `${token}.part`), 'half a file');
    first.core.close();
    const fx = reopen(dir);
    const status = await value<EvidenceStatus>(fx.core.registry.invoke('evidence/status', {}));
    expect(status.lastRecovery).toMatchObject({ clearedJournalEntries: 1, removedTempFiles: [`tmp/${token}.part`] });
    expect(storeState(fx)).toMatchObject({ pending: 0, tmp: [] });
  });
});
