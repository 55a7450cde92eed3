import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openCore, type Core } from '../../../src/main/core/app';
import { openDatabase, type Db } from '../../../src/main/core/db/open';
import { BACKUP_DB_ENTRY, backupStatus, createBackup, restoreBackup } from '../../../src/main/core/exchange/backup';
import { blobRelativePath } from '../../../src/main/core/evidence/file-store';
import { verifyPackage } from '../../../src/main/core/exchange/package-verify';
import { sampleProfile } from '../../helpers/sample-profile';
import { makeTempDir } from '../../helpers/temp-dir';
import { sha256 } from '../../fixtures/exchange/sample-version';

const NOW = new Date('2026-11-25T07:00:00.000Z');

/** Every row of every table, as sorted JSON lines: two databases with the same content compare equal. */
function contentOf(db: Db): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort()]),
  );
}

/** Blob path → SHA-256 of its bytes, for every file under evidence/files/. */
function blobsOf(dataDir: string): Record<string, string> {
  const root = join(dataDir, 'evidence', 'files');
  const out: Record<string, string> = {};
  if (!existsSync(root)) return out;
  for (const prefix of readdirSync(root)) for (const name of readdirSync(join(root, prefix))) out[`${prefix}/${name}`] = sha256(readFileSync(join(root, prefix, name)));
  return out;
}

function addBlob(dataDir: string, data: Buffer, ext: string): string {
  const rel = blobRelativePath(sha256(data), ext);
  const path = join(dataDir, 'evidence', ...rel.split('/'));
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
  return rel;
}

describe('backup and restore', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let dataDir: string;
  beforeEach(async () => {
    temp = makeTempDir();
    dataDir = join(temp.dir, 'du-lieu');
    core = openCore({ dataDir, now: () => NOW });
    expect((await core.registry.invoke('profile/save', { profile: sampleProfile() })).ok).toBe(true);
    expect((await core.registry.invoke('assessment/open', { year: 2026 })).ok).toBe(true);
    addBlob(dataDir, Buffer.concat([Buffer.from('%PDF-1.7 '), randomBytes(300_000)]), '.pdf');
    addBlob(dataDir, Buffer.from('Biên bản họp tiếng Việt'), '.txt');
    addBlob(dataDir, randomBytes(5000), '');
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  it('restores into a fresh folder with identical tables (row by row) and blobs (by hash)', async () => {
    const file = join(temp.dir, 'usb', 'sao-luu.zip');
    // Taken before: making the backup then records its own time in app_meta, after the snapshot.
    const before = contentOf(core.db);
    expect(before.assessment?.length ?? before.assessments?.length).toBeGreaterThan(0);
    const result = await createBackup(core.db, dataDir, file, { appVersion: '0.1.0', now: NOW });
    expect(result).toMatchObject({ path: file, files: 4, createdAt: NOW.toISOString() });
    expect(readdirSync(join(temp.dir, 'usb'))).toEqual(['sao-luu.zip']);

    const target = join(temp.dir, 'may-moi', 'du-lieu');
    const restored = await restoreBackup(file, target);
    expect(restored).toMatchObject({ dataDir: target, files: 4, backupCreatedAt: NOW.toISOString() });
    expect(readdirSync(join(temp.dir, 'may-moi'))).toEqual(['du-lieu']);

    const copy = openDatabase(join(target, DATABASE_FILE));
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(contentOf(copy)).toEqual(before);
    } finally {
      copy.close();
    }
    expect(blobsOf(target)).toEqual(blobsOf(dataDir));
    expect(Object.keys(blobsOf(target))).toHaveLength(3);

    // The restored folder is a working data folder.
    const again = openCore({ dataDir: target });
    try {
      const info = await again.registry.invoke('app/info', {});
      expect(info).toMatchObject({ ok: true, value: { latestProfile: { name: 'Sở Nội vụ' } } });
    } finally {
      again.close();
    }
  });

  it('refuses a folder that is not empty, and leaves it untouched', async () => {
    const file = join(temp.dir, 'sao-luu.zip');
    await createBackup(core.db, dataDir, file, { appVersion: '0.1.0', now: NOW });
    const target = join(temp.dir, 'dang-dung');
    mkdirSync(target);
    writeFileSync(join(target, 'ghi-chu.txt'), 'đừng xoá');
    await expect(restoreBackup(file, target)).rejects.toThrow(/không trống.*chưa phục hồi gì/);
    expect(readdirSync(target)).toEqual(['ghi-chu.txt']);
    await expect(restoreBackup(file, dataDir)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a corrupted backup restores nothing and leaves nothing behind', async () => {
    const file = join(temp.dir, 'sao-luu.zip');
    await createBackup(core.db, dataDir, file, { appVersion: '0.1.0', now: NOW });
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('Biên bản họp'));
    bytes[at] = 'b'.charCodeAt(0);
    writeFileSync(file, bytes);
    const target = join(temp.dir, 'moi');
    await expect(restoreBackup(file, target)).rejects.toThrow(/Tệp sao lưu không hợp lệ, chưa phục hồi gì\. .*SHA-256 không khớp/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(temp.dir).sort()).toEqual(['du-lieu', 'sao-luu.zip']);

    const truncated = join(temp.dir, 'cut.zip');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 200));
    await expect(restoreBackup(truncated, target)).rejects.toThrow(/bị cắt cụt/);
    expect(existsSync(target)).toBe(false);
  });

  it('the backup holds the database under the live name and records when it was made', async () => {
    expect(BACKUP_DB_ENTRY).toBe(DATABASE_FILE);
    expect(backupStatus(core.db, dataDir, NOW)).toMatchObject({ lastBackupAt: null, ageDays: null, remind: true });
    const file = join(temp.dir, 'sao-luu.zip');
    await createBackup(core.db, dataDir, file, { appVersion: '0.1.0', now: NOW });
    expect(backupStatus(core.db, dataDir, NOW)).toMatchObject({ lastBackupAt: NOW.toISOString(), lastBackupPath: file, ageDays: 0, remind: false });
    // Handed to the package verifier by mistake, it is named for what it is.
    expect((await verifyPackage(file)).problems).toEqual([expect.objectContaining({ kind: 'manifest-missing', message: expect.stringContaining('Đây là tệp sao lưu') })]);
    const sixDays = new Date(NOW.getTime() + 6.5 * 86_400_000);
    expect(backupStatus(core.db, dataDir, sixDays)).toMatchObject({ ageDays: 6, remind: false });
    const eightDays = new Date(NOW.getTime() + 8 * 86_400_000);
    expect(backupStatus(core.db, dataDir, eightDays)).toMatchObject({ ageDays: 8, remind: true });
  });
});
