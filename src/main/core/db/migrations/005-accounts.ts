import type { Migration } from './types';

/**
 * Local accounts: one person may hold several roles; the first account is the administrator.
 * Usernames are unique without regard to case ("Lan" and "lan" are one person signing in).
 */
export const migration005: Migration = {
  version: 5,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE account (
        id             INTEGER PRIMARY KEY,
        username       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 3 AND 40),
        display_name   TEXT NOT NULL CHECK (length(display_name) > 0),
        password_hash  TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
        roles_json     TEXT NOT NULL CHECK (json_valid(roles_json) AND json_type(roles_json) = 'array'),
        disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
    `);
  },
};
