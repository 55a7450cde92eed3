import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3 … in order, with no gaps: it becomes PRAGMA user_version once applied. */
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
