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
}

/**
 * Opens (or creates) the store and brings its schema up to date. A database written by a newer
 * CCHC Desk is refused before anything in it is touched.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? allMigrations;
  const db = new Database(file);
  try {
    const current = db.pragma('user_version', { simple: true }) as number;
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
