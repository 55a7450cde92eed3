import type { Migration } from './types';

/**
 * One self-assessment per year, pinned to the criteria set (id + version) it was started on, and
 * one row per item the officer has touched. The set is referenced by value, not by foreign key:
 * the criteria domain owns its tables.
 */
export const migration004: Migration = {
  version: 4,
  name: 'assessments',
  up(db) {
    db.exec(`
      CREATE TABLE assessment (
        year         INTEGER PRIMARY KEY,
        set_id       TEXT NOT NULL,
        set_version  INTEGER NOT NULL,
        created_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE assessment_entry (
        year         INTEGER NOT NULL REFERENCES assessment (year) ON DELETE CASCADE,
        item_code    TEXT NOT NULL,
        answer_json  TEXT,
        explanation  TEXT NOT NULL DEFAULT '',
        status       TEXT NOT NULL DEFAULT 'chua-lam'
                     CHECK (status IN ('chua-lam', 'dang-lam', 'xong', 'can-bo-sung')),
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (year, item_code)
      ) STRICT;
    `);
  },
};
