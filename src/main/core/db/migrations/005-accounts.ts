import type { Migration } from './types';

/** Local accounts: one person may hold several roles; the first account is the administrator. */
export const migration005: Migration = {
  version: 5,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE account (
        id             INTEGER PRIMARY KEY,
        username       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name   TEXT NOT NULL,
        password_hash  TEXT NOT NULL,
        roles_json     TEXT NOT NULL,
        disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
    `);
  },
};
