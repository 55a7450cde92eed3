import { existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openCore } from '../../../src/main/core/app';
import { isAppError } from '../../../src/main/core/errors';
import type { AppInfo } from '../../../src/shared/contract/app';
import type { EvidenceStatus } from '../../../src/shared/contract/evidence';
import { runCliCaptured } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';
import { upload, value } from '../evidence/helpers';
import { ROOT, runNode, treeOf } from './helpers';

/**
 * Issue 11, item 1: a data folder whose database is missing, empty or unreadable while
 * evidence/files holds files is refused by every entry point (non-zero exit, a Vietnamese message
 * saying how to restore), creating and deleting nothing. A file without a row is quarantined,
 * never deleted.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A data folder holding two stored evidence files (and their rows), closed. */
async function folderWithEvidence(): Promise<string> {
  const temp = makeTempDir('cchc-trust-');
  cleanups.push(temp.cleanup);
  const dir = join(temp.dir, 'du-lieu');
  const core = openCore({ dataDir: dir, log: () => {} });
  await value(upload(core, 'Kế hoạch CCHC 2026.txt', Buffer.from('Kế hoạch cải cách hành chính năm 2026')));
  await value(upload(core, 'Báo cáo quý 1.txt', Buffer.from('Báo cáo kết quả CCHC quý I')));
  core.close();
  return dir;
}

const breakings = {
  missing: (dir: string) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, DATABASE_FILE + suffix), { force: true });
  },
  empty: (dir: string) => {
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, DATABASE_FILE + suffix), { force: true });
    truncateSync(join(dir, DATABASE_FILE), 0);
  },
  unreadable: (dir: string) => {
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, DATABASE_FILE + suffix), { force: true });
    writeFileSync(join(dir, DATABASE_FILE), Buffer.alloc(8192, 'không phải SQLite '));
  },
  'without a schema': (dir: string) => {
    breakings.missing(dir);
    // A valid SQLite file that never got CCHC Desk's tables (user_version 0).
    const db = new Database(join(dir, DATABASE_FILE));
    db.exec('CREATE TABLE khac (x)');
    db.close();
  },
} as const;

function evidenceFiles(dir: string): Record<string, string> {
  return treeOf(join(dir, 'evidence', 'files'));
}

describe('a data folder whose database is gone while its evidence remains', () => {
  for (const [how, breakIt] of Object.entries(breakings)) {
    it(`database ${how}: openCore refuses with a Vietnamese message, creating and deleting nothing`, async () => {
      const dir = await folderWithEvidence();
      breakIt(dir);
      const before = treeOf(dir);
      expect(Object.keys(evidenceFiles(dir))).toHaveLength(2);

      let thrown: unknown;
      try {
        openCore({ dataDir: dir, log: () => {} }).close();
      } catch (error) {
        thrown = error;
      }
      expect(isAppError(thrown)).toBe(true);
      const error = thrown as { code: string; message: string };
      expect(error.code).toBe('DB_UNUSABLE');
      expect(error.message).toContain('cchc restore');
      expect(error.message).toContain('không xoá');
      if (how !== 'unreadable') expect(error.message).toContain('vẫn còn 2 tệp');
      else expect(error.message).toContain('Không đọc được cơ sở dữ liệu');
      // Byte for byte the same folder: no database made, no -wal/-shm, no quarantine, no file gone.
      expect(treeOf(dir)).toEqual(before);
    });
  }

  it('cchc info exits non-zero and says what happened and how to restore; the folder is untouched', async () => {
    const dir = await folderWithEvidence();
    breakings.missing(dir);
    const before = treeOf(dir);
    const run = await runCliCaptured(['info'], { dataDir: dir });
    expect(run.code).toBe(1);
    expect(run.err).toContain('DB_UNUSABLE');
    expect(run.err).toContain(`Không tìm thấy cơ sở dữ liệu «${DATABASE_FILE}»`);
    expect(run.err).toContain('cchc restore <tệp sao lưu .zip> --data-dir <thư mục mới>');
    expect(treeOf(dir)).toEqual(before);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(false);
  });

  it('the browser host exits non-zero with the message before serving anything', async () => {
    const dir = await folderWithEvidence();
    breakings.empty(dir);
    const before = treeOf(dir);
    const run = await runNode(['--import', 'tsx', join(ROOT, 'src/main/browser/index.ts')], { CCHC_DATA_DIR: dir, CCHC_RENDERER_DIR: join(ROOT, 'out/renderer') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('trống (0 byte)');
    expect(run.stderr).toContain('cchc restore');
    expect(run.stdout).not.toContain('CCHC_URL=');
    expect(treeOf(dir)).toEqual(before);
  }, 60_000);

  it('a fresh folder (no evidence yet) still starts, with an empty or missing database', async () => {
    const temp = makeTempDir('cchc-trust-');
    cleanups.push(temp.cleanup);
    const fresh = join(temp.dir, 'moi');
    const first = await runCliCaptured(['info'], { dataDir: fresh });
    expect(first.code).toBe(0);
    expect(existsSync(join(fresh, DATABASE_FILE))).toBe(true);
    // An empty database file with no evidence beside it is a new store, not a lost one.
    const other = join(temp.dir, 'trong');
    openCore({ dataDir: other, log: () => {} }).close();
    for (const suffix of ['-wal', '-shm']) rmSync(join(other, DATABASE_FILE + suffix), { force: true });
    truncateSync(join(other, DATABASE_FILE), 0);
    expect((await runCliCaptured(['info'], { dataDir: other })).code).toBe(0);
  });

  it('cchc restore into a new folder still works, and that folder then opens with its evidence', async () => {
    const dir = await folderWithEvidence();
    const file = join(dir, '..', 'sao-luu.zip');
    expect((await runCliCaptured(['backup', file], { dataDir: dir })).code).toBe(0);
    breakings.missing(dir);
    expect((await runCliCaptured(['info'], { dataDir: dir })).code).toBe(1);

    const target = join(dir, '..', 'phuc-hoi');
    const restored = await runCliCaptured(['restore', file, '--data-dir', target], { dataDir: dir });
    expect(restored.code).toBe(0);
    const core = openCore({ dataDir: target, log: () => {} });
    try {
      const status = await value<EvidenceStatus>(core.registry.invoke('evidence/status', {}));
      expect(status.fileCount).toBe(2);
      expect(status.lastRecovery).toMatchObject({ quarantined: [], removedOrphans: [] });
    } finally {
      core.close();
    }
    expect(evidenceFiles(target)).toEqual(evidenceFiles(dir));
  });
});

describe('a stored file without a row is quarantined, never deleted', () => {
  it('a row removed outside the app: the next start moves the file to quarantine and reports it', async () => {
    const dir = await folderWithEvidence();
    const outside = new Database(join(dir, DATABASE_FILE));
    const gone = outside.prepare("SELECT id, stored_path, sha256 FROM evidence_file WHERE original_name = 'Báo cáo quý 1.txt'").get() as { id: number; stored_path: string; sha256: string };
    outside.prepare('DELETE FROM evidence_link WHERE file_id = ?').run(gone.id);
    outside.prepare('DELETE FROM evidence_file WHERE id = ?').run(gone.id);
    outside.close();
    const bytes = readFileSync(join(dir, 'evidence', ...gone.stored_path.split('/')));

    const core = openCore({ dataDir: dir, log: () => {} });
    try {
      const status = await value<EvidenceStatus>(core.registry.invoke('evidence/status', {}));
      expect(status.fileCount).toBe(1);
      expect(status.lastRecovery).toMatchObject({ removedOrphans: [], removedTempFiles: [], quarantined: [gone.stored_path] });
      const quarantineDir = status.lastRecovery!.quarantineDir!;
      expect(quarantineDir).toMatch(/^quarantine\/\d{4}-\d{2}-\d{2}T[\d-]+Z$/);
      const kept = join(dir, ...quarantineDir.split('/'), 'evidence', ...gone.stored_path.split('/'));
      expect(readFileSync(kept)).toEqual(bytes);
      expect(readFileSync(join(dir, ...quarantineDir.split('/'), 'GHI-CHU.txt'), 'utf8')).toContain(gone.stored_path);
      expect(existsSync(join(dir, 'evidence', ...gone.stored_path.split('/')))).toBe(false);

      const info = await value<AppInfo>(core.registry.invoke('app/info', {}));
      expect(info.startup?.quarantined).toEqual([gone.stored_path]);
    } finally {
      core.close();
    }
    // cchc info names it too (reported by the start-up that moved it; a later start finds nothing).
    const again = await runCliCaptured(['info'], { dataDir: dir });
    expect(again.code).toBe(0);
    expect(readdirSync(join(dir, 'quarantine'))).toHaveLength(1);
  });

  it('cchc info reports what its own start-up quarantined', async () => {
    const dir = await folderWithEvidence();
    const outside = new Database(join(dir, DATABASE_FILE));
    outside.exec('DELETE FROM evidence_link; DELETE FROM evidence_file;');
    outside.close();
    const run = await runCliCaptured(['info'], { dataDir: dir });
    expect(run.code).toBe(0);
    expect(run.out).toContain('2 tệp trong kho tài liệu không có trong cơ sở dữ liệu; đã chuyển (không xoá) vào');
    expect(Object.keys(treeOf(join(dir, 'quarantine')))).toHaveLength(3); // two files and the note
  });

  it('a temp file in evidence/tmp that no journal row names is quarantined, not deleted', async () => {
    const dir = await folderWithEvidence();
    const name = '2147483646-0b9d2c4e-1f3a-4c5b-8d7e-6f5a4b3c2d1e.part';
    writeFileSync(join(dir, 'evidence', 'tmp', name), 'một nửa tệp');
    const core = openCore({ dataDir: dir, log: () => {} });
    try {
      const status = await value<EvidenceStatus>(core.registry.invoke('evidence/status', {}));
      expect(status.lastRecovery).toMatchObject({ removedTempFiles: [], quarantined: [`tmp/${name}`] });
      expect(readFileSync(join(dir, ...status.lastRecovery!.quarantineDir!.split('/'), 'evidence', 'tmp', name), 'utf8')).toBe('một nửa tệp');
    } finally {
      core.close();
    }
  });

  it('a backup carries the quarantine, and a restore brings it back', async () => {
    const dir = await folderWithEvidence();
    const outside = new Database(join(dir, DATABASE_FILE));
    outside.exec("DELETE FROM evidence_link; DELETE FROM evidence_file WHERE original_name = 'Báo cáo quý 1.txt';");
    outside.close();
    const zip = join(dir, '..', 'sao-luu.zip');
    expect((await runCliCaptured(['backup', zip], { dataDir: dir })).code).toBe(0);
    const quarantined = treeOf(join(dir, 'quarantine'));
    expect(Object.keys(quarantined)).toHaveLength(2); // the file and the note

    const target = join(dir, '..', 'phuc-hoi');
    expect((await runCliCaptured(['restore', zip, '--data-dir', target], { dataDir: dir })).code).toBe(0);
    expect(treeOf(join(target, 'quarantine'))).toEqual(quarantined);
  });
});
