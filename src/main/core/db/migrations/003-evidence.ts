import type { Migration } from './types';

/**
 * Evidence (tài liệu kiểm chứng): content-addressed files, their document metadata, links to the
 * things they support, the extracted text and a full-text index over its folded form.
 *
 * Targets are referenced by value ("2026:1.2.3"), not by foreign key: the assessment and
 * reporting domains own their tables. `evidence_pending` is the import journal: a row exists
 * while a file is being copied, so recovery after a crash knows which blobs may be half-imported
 * and which belong to an import still running in another process (the CLI beside the app).
 */
export const migration003: Migration = {
  version: 3,
  name: 'evidence',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_file (
        id             INTEGER PRIMARY KEY,
        sha256         TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        size           INTEGER NOT NULL CHECK (size > 0),
        stored_path    TEXT NOT NULL UNIQUE,
        mime           TEXT NOT NULL,
        original_name  TEXT NOT NULL,
        text_status    TEXT NOT NULL
                       CHECK (text_status IN ('ok', 'truncated', 'no-text', 'too-large', 'unsupported')),
        created_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE evidence_meta (
        file_id      INTEGER PRIMARY KEY REFERENCES evidence_file (id) ON DELETE CASCADE,
        doc_type     TEXT NOT NULL DEFAULT '',
        doc_number   TEXT NOT NULL DEFAULT '',
        doc_symbol   TEXT NOT NULL DEFAULT '',
        issue_date   TEXT CHECK (issue_date IS NULL OR issue_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        issuer       TEXT NOT NULL DEFAULT '',
        summary      TEXT NOT NULL DEFAULT '',
        period       TEXT NOT NULL DEFAULT '',
        confirmed    INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
        updated_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE evidence_link (
        id           INTEGER PRIMARY KEY,
        file_id      INTEGER NOT NULL REFERENCES evidence_file (id) ON DELETE CASCADE,
        target_type  TEXT NOT NULL CHECK (target_type IN ('item', 'report-section')),
        target_key   TEXT NOT NULL,
        location     TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        UNIQUE (file_id, target_type, target_key)
      ) STRICT;
      CREATE INDEX evidence_link_by_target ON evidence_link (target_type, target_key);

      CREATE TABLE evidence_text (
        file_id  INTEGER PRIMARY KEY REFERENCES evidence_file (id) ON DELETE CASCADE,
        body     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE evidence_pending (
        token       TEXT PRIMARY KEY,
        pid         INTEGER NOT NULL,
        sha256      TEXT,
        started_at  TEXT NOT NULL
      ) STRICT;

      -- rowid = evidence_file.id. Every column holds folded text (no marks, đ → d, lower case),
      -- so a query folded the same way matches with or without diacritics. Every query word is
      -- a prefix ("hoa" finds "hoach"); the prefix indexes keep short prefixes from scanning
      -- every term that starts with them.
      CREATE VIRTUAL TABLE evidence_fts USING fts5 (
        name, meta, body,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
    `);
  },
};
