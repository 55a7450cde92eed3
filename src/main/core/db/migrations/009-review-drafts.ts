import type { Migration } from './types';

/**
 * A leader's comments written while reviewing item by item, kept until they are sent.
 *
 * A draft belongs to one person (author_key 'user:<id>', or 'local' for the trusted command line)
 * and one dossier, one row per item or section. Drafts are not part of the record: they are
 * deleted when the leader sends them with «Trả lại» (they become review_comment rows) or when the
 * version is approved. Nothing else references them, so they carry no foreign keys.
 */
export const migration009: Migration = {
  version: 9,
  name: 'review-drafts',
  up(db) {
    db.exec(`
      CREATE TABLE review_draft_comment (
        id            INTEGER PRIMARY KEY,
        subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('assessment', 'report')),
        subject_key   TEXT NOT NULL CHECK (length(subject_key) BETWEEN 1 AND 40),
        author_key    TEXT NOT NULL CHECK (length(author_key) BETWEEN 1 AND 40),
        target_code   TEXT NOT NULL CHECK (length(target_code) BETWEEN 1 AND 40),
        body          TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
        updated_at    TEXT NOT NULL,
        UNIQUE (subject_kind, subject_key, author_key, target_code)
      ) STRICT;
    `);
  },
};
