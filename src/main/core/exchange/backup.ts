import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_NAME,
  backupManifestSchema,
  type BackupManifest,
} from '../../../shared/exchange/manifest';
import { getMeta, setMeta } from '../app-meta';
import { DATABASE_FILE, openDatabase, schemaVersion, type Db } from '../db/open';
import { AppError } from '../errors';
import { isDiskFull } from '../disk-full';
import { QUARANTINE_DIR, storePaths } from '../evidence/file-store';
import { summariseProblems, verifyZip } from './zip-verify';
import { syncDirectory } from '../sync-directory';
import { cancelled, totalSourceBytes, writeZipAtomically, type ZipWriteEntry } from './zip-write';
import { beginWrite, restoreLeftovers, restoreTempName } from './interrupted-writes';
import type { BackupStatus } from '../../../shared/contract/exchange';
import { timed } from '../io-profile';

/**
 * One-file backup of a data folder and its restore into a fresh folder.
 *
 * The backup is a zip: the database as SQLite's online backup made it (a consistent copy while
 * the app keeps running; settings live in its app_meta table), every evidence blob under
 * evidence/files/, and backup-manifest.json with the size and SHA-256 of each. Opened packages
 * (packages/) and earlier backups (sao-luu/) are not included: they are copies of zips kept
 * elsewhere. Restoring verifies every checksum in a temp folder beside the target, checks the
 * database opens and passes integrity_check, and only then renames the folder into place.
 */

/** A backup holds the database under the live store's own file name. */
export const BACKUP_DB_ENTRY = DATABASE_FILE;
export const REMIND_AFTER_DAYS = 7;
const LAST_BACKUP_AT = 'lastBackupAt';
const LAST_BACKUP_PATH = 'lastBackupPath';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupProgress {
  phase: 'database' | 'write' | 'verify';
  done: number;
  total: number;
}

export interface BackupResult {
  path: string;
  createdAt: string;
  files: number;
  bytes: number;
}

export async function createBackup(
  db: Db,
  dataDir: string,
  outPath: string,
  options: { appVersion: string; now: Date; onProgress?: (p: BackupProgress) => void; signal?: AbortSignal },
): Promise<BackupResult> {
  const report = options.onProgress ?? (() => undefined);
  report({ phase: 'database', done: 0, total: 0 });
  await mkdir(dirname(outPath), { recursive: true });
  const snapshot = join(dirname(outPath), `.cchc-db-${process.pid}-${randomUUID()}.sqlite`);
  // Recorded before it exists: a backup killed half-way leaves this copy of the database (password
  // hashes and all) beside the backup, where only the journal lets start-up find it.
  const journal = beginWrite(dataDir, 'backup');
  try {
    journal.add(snapshot);
    await timed('database copy (SQLite backup)', 0, () => db.backup(snapshot));
    if (options.signal?.aborted) throw cancelled();
    const entries: ZipWriteEntry[] = [
      { entryPath: BACKUP_DB_ENTRY, source: { kind: 'path', path: snapshot }, label: 'cơ sở dữ liệu', compress: true },
      ...evidenceEntries(dataDir),
      ...quarantineEntries(dataDir),
    ];
    const total = await totalSourceBytes(entries);
    let done = 0;
    const tick = (phase: BackupProgress['phase']) => (n: number) => {
      done += n;
      report({ phase, done, total });
    };
    const schema = schemaVersion(db);
    let verifying = false;
    await writeZipAtomically(outPath, entries, {
      journal,
      mtime: options.now,
      ...(options.signal ? { signal: options.signal } : {}),
      onBytes: tick('write'),
      onReadBackBytes: (n, size) => {
        if (!verifying) {
          verifying = true;
          done = 0;
        }
        done += n;
        report({ phase: 'verify', done, total: size });
      },
      finalEntry: {
        entryPath: BACKUP_MANIFEST_NAME,
        build(written) {
          const manifest: BackupManifest = {
            format: BACKUP_FORMAT,
            formatVersion: BACKUP_FORMAT_VERSION,
            appVersion: options.appVersion,
            createdAt: options.now.toISOString(),
            schemaVersion: schema,
            files: written.map((w) => ({ path: w.entryPath, sha256: w.sha256, size: w.size })),
          };
          return Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
        },
      },
      async check(tempPath) {
        const result = await verifyBackup(tempPath, { justWritten: true });
        if (!result.ok) throw new AppError('IO_ERROR', `Bản sao lưu vừa ghi không đọc lại đúng; đã xoá, hãy thử lại. ${summariseProblems(result.problems, 5, { countRest: true })}`, result.problems);
      },
    });
    const createdAt = options.now.toISOString();
    setMeta(db, LAST_BACKUP_AT, createdAt);
    setMeta(db, LAST_BACKUP_PATH, outPath);
    return { path: outPath, createdAt, files: entries.length, bytes: total };
  } finally {
    await rm(snapshot, { force: true }).catch(() => undefined);
    await rm(`${snapshot}-journal`, { force: true }).catch(() => undefined);
    journal.finish();
  }
}

/** Every stored evidence blob; the blob's name is its SHA-256, which the read-back then checks. */
function evidenceEntries(dataDir: string): ZipWriteEntry[] {
  const files = storePaths(dataDir).files;
  if (!existsSync(files)) return [];
  const entries: ZipWriteEntry[] = [];
  for (const prefix of readdirSync(files).sort()) {
    const dir = join(files, prefix);
    if (!/^[0-9a-f]{2}$/.test(prefix) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      const m = /^([0-9a-f]{62})(\.[a-z0-9]{1,8})?$/.exec(name);
      if (!m) continue;
      entries.push({
        entryPath: `evidence/files/${prefix}/${name}`,
        source: { kind: 'path', path: join(dir, name) },
        label: `evidence/files/${prefix}/${name}`,
        expectedSha256: prefix + m[1]!,
      });
    }
  }
  return entries;
}

/**
 * What start-up set aside in quarantine (files without a row; see evidence/file-store.ts): never
 * deleted by the app, so a backup carries them too and a restore brings them back.
 */
function quarantineEntries(dataDir: string): ZipWriteEntry[] {
  const root = join(dataDir, QUARANTINE_DIR);
  const entries: ZipWriteEntry[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      const entryPath = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path, entryPath);
      else if (entry.isFile()) entries.push({ entryPath, source: { kind: 'path', path }, label: entryPath });
    }
  };
  if (existsSync(root)) walk(root, QUARANTINE_DIR);
  return entries;
}

/** Checks a backup against its manifest, extracting it into `extractTo` when given (restore). */
export function verifyBackup(zipPath: string, options: { onBytes?: (n: number) => void; extractTo?: string; justWritten?: boolean } = {}) {
  return verifyZip(zipPath, {
    manifestName: BACKUP_MANIFEST_NAME,
    schema: backupManifestSchema,
    filesOf: (m) => m.files,
    ...(options.onBytes ? { onBytes: options.onBytes } : {}),
    ...(options.extractTo ? { extractTo: options.extractTo } : {}),
    justWritten: options.justWritten ?? false,
  });
}

export interface RestoreResult {
  dataDir: string;
  files: number;
  schemaVersion: number;
  backupCreatedAt: string;
}

/** Restores a backup into `targetDir`, which must not exist yet or be empty. */
export async function restoreBackup(zipPath: string, targetDir: string, onBytes?: (n: number) => void): Promise<RestoreResult> {
  const target = resolve(targetDir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new AppError('CONFLICT', `«${target}» là một tệp, không phải thư mục; chưa phục hồi gì.`);
    if ((await readdir(target)).length > 0) {
      throw new AppError(
        'CONFLICT',
        `Thư mục «${target}» không trống. Chỉ phục hồi vào thư mục mới hoặc thư mục trống, để không ghi đè dữ liệu đang có; chưa phục hồi gì.`,
      );
    }
  }
  if (!existsSync(zipPath)) throw new AppError('NOT_FOUND', `Không tìm thấy tệp sao lưu «${zipPath}».`);
  await mkdir(dirname(target), { recursive: true });
  // A restore into this folder that was killed earlier left its temp folder (a full copy of the
  // database among it): remove it before making ours.
  for (const leftover of restoreLeftovers(target)) await rm(leftover, { recursive: true, force: true });
  const temp = join(dirname(target), restoreTempName(target, process.pid));
  try {
    await mkdir(temp);
    const result = await verifyBackup(zipPath, { onBytes, extractTo: temp });
    if (!result.ok || !result.manifest) {
      throw new AppError('VALIDATION_FAILED', `Tệp sao lưu không hợp lệ, chưa phục hồi gì. ${summariseProblems(result.problems, 5, { countRest: true })}`, result.problems);
    }
    if (!result.manifest.files.some((f) => f.path === BACKUP_DB_ENTRY)) {
      throw new AppError('VALIDATION_FAILED', `Tệp sao lưu không có cơ sở dữ liệu «${BACKUP_DB_ENTRY}»; chưa phục hồi gì.`);
    }
    const version = checkDatabase(join(temp, BACKUP_DB_ENTRY));
    if (existsSync(target)) await rmdir(target);
    await rename(temp, target);
    syncDirectory(dirname(target));
    return { dataDir: target, files: result.manifest.files.length, schemaVersion: version, backupCreatedAt: result.manifest.createdAt };
  } catch (error) {
    if (isDiskFull(error)) {
      throw new AppError(
        'IO_ERROR',
        `Ổ đĩa chứa thư mục «${dirname(target)}» đã đầy trong khi phục hồi; bản sao lưu không hỏng. Hãy giải phóng dung lượng (hoặc phục hồi vào ổ đĩa khác) rồi thử lại; chưa phục hồi gì.`,
        error,
      );
    }
    throw error;
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The restored database must open with this version's migrations and pass integrity_check. */
function checkDatabase(file: string): number {
  let db: Db;
  try {
    db = openDatabase(file);
  } catch (error) {
    if (error instanceof AppError || isDiskFull(error)) throw error;
    throw new AppError('VALIDATION_FAILED', 'Cơ sở dữ liệu trong bản sao lưu không mở được; chưa phục hồi gì.', error);
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new AppError('VALIDATION_FAILED', `Cơ sở dữ liệu trong bản sao lưu bị hỏng (integrity_check: ${String(check)}); chưa phục hồi gì.`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

export function backupStatus(db: Db, dataDir: string, now: Date): BackupStatus {
  const lastBackupAt = getMeta(db, LAST_BACKUP_AT);
  const at = lastBackupAt ? Date.parse(lastBackupAt) : NaN;
  const ageDays = Number.isFinite(at) ? Math.floor((now.getTime() - at) / DAY_MS) : null;
  return {
    lastBackupAt,
    lastBackupPath: getMeta(db, LAST_BACKUP_PATH),
    ageDays,
    remind: ageDays === null || ageDays >= REMIND_AFTER_DAYS,
    remindAfterDays: REMIND_AFTER_DAYS,
    suggestedPath: join(dataDir, 'sao-luu', backupFileName(now)),
  };
}

/** "cchc-sao-luu-20261125-1405.zip" in local time: sorts by date and reads at a glance. */
export function backupFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `cchc-sao-luu-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.zip`;
}


/** Overrides where the last backup is said to be (a browser download has no lasting path here). */
export function recordBackupPlace(db: Db, place: string): void {
  setMeta(db, LAST_BACKUP_PATH, place);
}
