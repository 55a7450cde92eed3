import type { Migration } from './types';

/**
 * Criteria sets (bộ chỉ số), one row per (set id, version). A changed set is a new version, never
 * an overwrite, because assessments already scored on the old one must keep meaning the same.
 * content_json is the canonical JSON of the set without its version; content_sha256 its hash.
 */
export const migration002: Migration = {
  version: 2,
  name: 'criteria-sets',
  up(db) {
    db.exec(`
      CREATE TABLE criteria_set (
        row_id           INTEGER PRIMARY KEY,
        set_id           TEXT NOT NULL,
        version          INTEGER NOT NULL CHECK (version >= 1),
        year             INTEGER NOT NULL,
        unit_type        TEXT NOT NULL CHECK (unit_type IN ('so', 'ubnd-xa', 'ubnd-huyen', 'khac')),
        name             TEXT NOT NULL,
        is_sample        INTEGER NOT NULL CHECK (is_sample IN (0, 1)),
        decision_number  TEXT,
        decision_date    TEXT,
        decision_issuer  TEXT,
        format_version   INTEGER NOT NULL,
        content_json     TEXT NOT NULL,
        content_sha256   TEXT NOT NULL CHECK (length(content_sha256) = 64),
        imported_at      TEXT NOT NULL,
        UNIQUE (set_id, version),
        UNIQUE (set_id, content_sha256)
      ) STRICT;

      CREATE INDEX criteria_set_by_year ON criteria_set (year, unit_type);
    `);
  },
};
