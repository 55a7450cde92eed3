import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from './db/open';
import { AppError } from './errors';
import { storePaths } from './evidence/file-store';

/**
 * The start-up check every entry point goes through (openCore): a data folder whose evidence store
 * holds files but whose database is missing, empty or unreadable is refused before anything is
 * created or touched. Opening it anyway would make a fresh, empty database, and the start-up
 * clean-up would then see every stored file as a leftover: the officer's evidence would be lost
 * to a deleted or damaged database file that a backup could have brought back.
 */

export type DatabaseFileState = 'missing' | 'empty' | 'present';

export interface StoreProbe {
  dbFile: string;
  dbState: DatabaseFileState;
  /** Files under evidence/files (each one a stored document); with a database present, 0 or 1. */
  evidenceFiles: number;
}

export function probeStore(dataDir: string): StoreProbe {
  const dbFile = join(dataDir, DATABASE_FILE);
  let dbState: DatabaseFileState = 'missing';
  if (existsSync(dbFile)) dbState = statSync(dbFile).size === 0 ? 'empty' : 'present';
  // With a database present only "any at all?" matters (the usual start: stop at the first file);
  // the count is for the message of a refusal.
  return { dbFile, dbState, evidenceFiles: countStoredFiles(dataDir, dbState === 'present' ? 1 : Infinity) };
}

/** Regular files under evidence/files, at any depth (what the store would lose), up to `enough`. */
function countStoredFiles(dataDir: string, enough: number): number {
  let count = 0;
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (count >= enough) return;
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else count += 1;
    }
  };
  walk(storePaths(dataDir).files);
  return count;
}

/** How to get the data back, in the officer's words: the same for every refusal. */
export function restoreHint(dataDir: string): string {
  return (
    `Cách khôi phục: (1) nếu còn bản sao của tệp «${DATABASE_FILE}» (chép tay, ổ sao lưu, thùng rác), hãy chép nó trở lại vào thư mục «${dataDir}» rồi mở lại ứng dụng; ` +
    `hoặc (2) phục hồi bản sao lưu gần nhất vào một thư mục mới bằng lệnh: cchc restore <tệp sao lưu .zip> --data-dir <thư mục mới>, ` +
    'rồi mở ứng dụng với thư mục đó (đặt biến CCHC_DATA_DIR tới thư mục mới).'
  );
}

const untouched = 'Ứng dụng dừng lại: không tạo cơ sở dữ liệu mới, không xoá hay di chuyển tệp nào.';

/** Refuses a data folder whose database is gone while its evidence remains; returns otherwise. */
export function refuseUnsafeStore(dataDir: string, probe: StoreProbe): void {
  if (probe.evidenceFiles === 0 || probe.dbState === 'present') return;
  const what =
    probe.dbState === 'missing'
      ? `Không tìm thấy cơ sở dữ liệu «${DATABASE_FILE}» trong thư mục dữ liệu «${dataDir}»`
      : `Cơ sở dữ liệu «${DATABASE_FILE}» trong thư mục dữ liệu «${dataDir}» trống (0 byte)`;
  throw new AppError(
    'DB_UNUSABLE',
    `${what}, nhưng kho tài liệu kiểm chứng ở đó vẫn còn ${probe.evidenceFiles} tệp. ${untouched} ${restoreHint(dataDir)}`,
    probe,
  );
}

/** A database file that exists but has no schema (never migrated) while evidence remains. */
export function unversionedDatabase(dataDir: string, probe: StoreProbe): AppError {
  const files = countStoredFiles(dataDir, Infinity);
  return new AppError(
    'DB_UNUSABLE',
    `Cơ sở dữ liệu «${DATABASE_FILE}» trong thư mục dữ liệu «${dataDir}» không có dữ liệu của CCHC Desk (chưa có bảng nào), nhưng kho tài liệu kiểm chứng vẫn còn ${files} tệp. ${untouched} ${restoreHint(dataDir)}`,
    probe,
  );
}

/** SQLite's codes for a file it cannot read as a database (damaged, not SQLite, no permission). */
const UNREADABLE = /^SQLITE_(NOTADB|CORRUPT|CANTOPEN|IOERR|PERM|READONLY|AUTH)/;

export function isUnreadableDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && UNREADABLE.test(code);
}

export function unreadableDatabase(dataDir: string, probe: StoreProbe, error: unknown): AppError {
  const files = probe.evidenceFiles > 0 ? countStoredFiles(dataDir, Infinity) : 0;
  const evidence = files > 0 ? ` Kho tài liệu kiểm chứng còn ${files} tệp, được giữ nguyên.` : '';
  return new AppError(
    'DB_UNUSABLE',
    `Không đọc được cơ sở dữ liệu «${DATABASE_FILE}» trong thư mục dữ liệu «${dataDir}» (tệp bị hỏng, không phải cơ sở dữ liệu của CCHC Desk, hoặc không có quyền đọc).${evidence} ${untouched} ${restoreHint(dataDir)}`,
    { probe, error },
  );
}
