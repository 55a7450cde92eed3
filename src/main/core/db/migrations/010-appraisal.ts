import type { Migration } from './types';

/**
 * What comes back from Sở Nội vụ after the self-assessment (domain brief §2.3, §5.2), and the
 * unit's answer to it:
 * - appraisal_round: one imported appraisal file per year and round (thẩm định lần 1, lần 2), with
 *   the deadline for the giải trình and the file's hash; re-importing a round replaces its items;
 * - appraisal_item: the appraised (or survey) points and the council's note per item code, and
 *   whether it asks for a giải trình; points NULL = the self-score is recognised as it is;
 * - giai_trinh_entry: the unit's explanation per item for a round (the tài liệu bổ sung are
 *   evidence links under their own target key, not stored here);
 * - appraisal_outcome: what the province published for a year (rank among units) for history;
 * - assessment_note: free sections of the self-assessment report the officer writes
 *   ("Khó khăn, vướng mắc và kiến nghị").
 * Item codes are kept by value, as everywhere: the set is data.
 */
export const migration010: Migration = {
  version: 10,
  name: 'appraisal',
  up(db) {
    db.exec(`
      CREATE TABLE appraisal_round (
        year               INTEGER NOT NULL,
        round              INTEGER NOT NULL CHECK (round IN (1, 2)),
        unit               TEXT NOT NULL,
        final              INTEGER NOT NULL DEFAULT 0 CHECK (final IN (0, 1)),
        response_deadline  TEXT CHECK (response_deadline IS NULL OR response_deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        source_name        TEXT NOT NULL,
        source_sha256      TEXT NOT NULL CHECK (length(source_sha256) = 64),
        imported_at        TEXT NOT NULL,
        imported_by_name   TEXT NOT NULL,
        PRIMARY KEY (year, round)
      ) STRICT;

      CREATE TABLE appraisal_item (
        year                   INTEGER NOT NULL,
        round                  INTEGER NOT NULL,
        item_code              TEXT NOT NULL,
        points                 REAL CHECK (points IS NULL OR points >= 0),
        note                   TEXT NOT NULL DEFAULT '',
        explanation_requested  INTEGER NOT NULL DEFAULT 0 CHECK (explanation_requested IN (0, 1)),
        PRIMARY KEY (year, round, item_code),
        FOREIGN KEY (year, round) REFERENCES appraisal_round (year, round) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE giai_trinh_entry (
        year        INTEGER NOT NULL,
        round       INTEGER NOT NULL CHECK (round IN (1, 2)),
        item_code   TEXT NOT NULL,
        text        TEXT NOT NULL DEFAULT '',
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (year, round, item_code)
      ) STRICT;

      CREATE TABLE appraisal_outcome (
        year        INTEGER PRIMARY KEY,
        rank        INTEGER CHECK (rank IS NULL OR rank >= 1),
        rank_of     INTEGER CHECK (rank_of IS NULL OR rank_of >= 1),
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE assessment_note (
        year        INTEGER NOT NULL,
        note_key    TEXT NOT NULL CHECK (note_key IN ('kho-khan-kien-nghi')),
        text        TEXT NOT NULL DEFAULT '',
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (year, note_key)
      ) STRICT;
    `);
  },
};
