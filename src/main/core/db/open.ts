import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

/** The database's file name inside the data folder (the live store, backups and restores). */
export const DATABASE_FILE = 'cchc-desk.sqlite';

export interface OpenOptions {
  /** For tests of a single migration; the app always runs them all. */
  migrations?: readonly Migration[];
  /** Refuse to create the file: it must already be there (the data folder's evidence depends on it). */
  fileMustExist?: boolean;
  /**
   * Called before anything is written when the file carries no schema yet (a new or empty
   * database); throw to refuse creating one.
   */
  beforeCreate?: () => void;
}

/**
 * Opens (or creates) the store and brings its schema up to date. A database written by a newer
 * CCHC Desk is refused before anything in it is touched.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? allMigrations;
  const db = new Database(file, { fileMustExist: options.fileMustExist ?? false });
  try {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current === 0) options.beforeCreate?.();
    if (current > migrations.length) {
      throw new AppError(
        'DB_TOO_NEW',
        `Dữ liệu được tạo bởi phiên bản CCHC Desk mới hơn (lược đồ ${current}, phiên bản này chỉ hiểu tới ${migrations.length}). ` +
          'Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.',
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations, current);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs each pending migration in its own transaction, together with the version bump. */
function migrate(db: Db, migrations: readonly Migration[], from: number): void {
  for (const migration of migrations.slice(from)) {
    const apply = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    apply();
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The schema as text, stable across runs: what the committed snapshot is compared with. */
export function dumpSchema(db: Db): string {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
       ORDER BY type, name`,
    )
    .all() as { type: string; name: string; sql: string }[];
  return `-- user_version ${schemaVersion(db)}\n` + rows.map((r) => `${r.sql.trim()};`).join('\n\n') + '\n';
}
